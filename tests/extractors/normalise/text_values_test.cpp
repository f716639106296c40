#include "extractors/normalise/text_values.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;

TEST(JoinLines, WrappedChineseJoinsWithoutSpaces) {
  EXPECT_EQ(join_lines("鞍山市人民政府办\n公室", LineBreaks::join_all), "鞍山市人民政府办公室");
  EXPECT_EQ(join_lines("  鞍山市人民政府办公室  ", LineBreaks::join_all), "鞍山市人民政府办公室");
  EXPECT_EQ(join_lines("鞍 山 市 人民政府", LineBreaks::join_all), "鞍山市人民政府");  // OCR's spaces
  EXPECT_EQ(join_lines("共 ３２ 人", LineBreaks::join_all), "共32人");
  EXPECT_EQ(join_lines("2025\n年", LineBreaks::join_all), "2025年");
  EXPECT_EQ(join_lines("鞍山市\r\n人民政府", LineBreaks::join_all), "鞍山市人民政府");
}

TEST(JoinLines, LatinWordsKeepOneSpace) {
  EXPECT_EQ(join_lines("通过ISO\n9001认证", LineBreaks::join_all), "通过ISO 9001认证");
  EXPECT_EQ(join_lines("Open   Government", LineBreaks::join_all), "Open Government");
}

TEST(JoinLines, ParagraphsEndWithSentencePunctuation) {
  const std::string raw =
      "　　该同志长期从事政务公开工作，认真\n"
      "负责。\n"
      "　　二是推进基层政务公开标准化规范化\n"
      "建设；\n"
      "三是……";
  EXPECT_EQ(join_lines(raw, LineBreaks::keep_paragraphs),
            "该同志长期从事政务公开工作，认真负责。\n二是推进基层政务公开标准化规范化建设；\n三是……");
  EXPECT_EQ(join_lines(raw, LineBreaks::join_all),
            "该同志长期从事政务公开工作，认真负责。二是推进基层政务公开标准化规范化建设；三是……");
  // A closing quote after the full stop still ends the paragraph; a blank line always does.
  EXPECT_EQ(join_lines("荣获“先进单位。”\n次年", LineBreaks::keep_paragraphs), "荣获“先进单位。”\n次年");
  EXPECT_EQ(join_lines("第一段\n\n第二段", LineBreaks::keep_paragraphs), "第一段\n第二段");
}

TEST(JoinLines, ControlCharactersAndBadBytesNeverSurvive) {
  EXPECT_EQ(join_lines("王\x01晓\x7F梅", LineBreaks::join_all), "王晓梅");
  EXPECT_EQ(join_lines("王\xFF", LineBreaks::join_all), "王\xEF\xBF\xBD");
}

TEST(NormaliseText, Values) {
  EXPECT_TRUE(is_ok(normalise_text("鞍山市人民政府办公室"), "鞍山市人民政府办公室"));
  EXPECT_TRUE(is_ok(normalise_text("鞍山市铁东区人民政府\n办公室主任"), "鞍山市铁东区人民政府办公室主任"));
  EXPECT_TRUE(is_ok(normalise_text("辽宁省沈阳市和平区（南京南街１号）"), "辽宁省沈阳市和平区（南京南街1号）"));
  EXPECT_TRUE(is(normalise_text(""), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_text(" \n\t　"), FieldStatus::missing, nullptr));
  EXPECT_EQ(normalise_text("王\xFF").status, FieldStatus::review);
  // A separator left from the label, or a ruling's stub, at either edge.
  EXPECT_TRUE(is_ok(normalise_text(",朝阳市"), "朝阳市"));
  EXPECT_TRUE(is_ok(normalise_text("： 朝阳市数据局 |"), "朝阳市数据局"));
  EXPECT_TRUE(is_ok(normalise_text("沈阳市人民政府（办公厅）"), "沈阳市人民政府（办公厅）"));
  EXPECT_TRUE(is(normalise_text("，"), FieldStatus::missing, nullptr));
  // Latin letters a seal or specks left before the name: left out, for review.
  EXPECT_TRUE(is(normalise_text("pt抚顺市新抚区政务服务中心"), FieldStatus::review, "抚顺市新抚区政务服务中心"));
  EXPECT_TRUE(is(normalise_text("PA营口市数据局"), FieldStatus::review, "营口市数据局"));
  EXPECT_TRUE(is_ok(normalise_text("12345热线服务中心"), "12345热线服务中心"));
}

TEST(NormaliseLongText, PunctuationBesideHanIsFullWidth) {
  EXPECT_EQ(chinese_punctuation("(1)北票市:成效显著,群众满意;是否?是!"), "（1）北票市：成效显著，群众满意；是否？是！");
  EXPECT_EQ(chinese_punctuation("满意率达到97.2%,时间12:30"), "满意率达到97.2%，时间12:30");
  EXPECT_EQ(chinese_punctuation("Word (2016), H5"), "Word (2016), H5");
  EXPECT_EQ(chinese_punctuation("编印《手册》(试行"), "编印《手册》(试行");  // an unclosed bracket stays
  // Half a pair full-width, or 《 〈 closed by ): misread brackets of one pair.
  EXPECT_EQ(chinese_punctuation("成效。（一)坚持制度"), "成效。（一）坚持制度");
  EXPECT_EQ(chinese_punctuation("成效。《二)围绕"), "成效。（二）围绕");
  EXPECT_EQ(chinese_punctuation("村〈社区)便民"), "村（社区）便民");
  EXPECT_EQ(chinese_punctuation("编印《政务公开工作手册》，总结"), "编印《政务公开工作手册》，总结");
  // A full stop between two characters is a misread comma; in a number it stays.
  EXPECT_EQ(chinese_punctuation("马阳鹏同志.营口市人民政府副市长。率达99.7%"), "马阳鹏同志，营口市人民政府副市长。率达99.7%");
}

TEST(NormaliseLongText, KeepsParagraphs) {
  EXPECT_TRUE(is_ok(normalise_long_text("一是健全机制。\n二是强化\n培训。"), "一是健全机制。\n二是强化培训。"));
  EXPECT_TRUE(is(normalise_long_text("\n\n"), FieldStatus::missing, nullptr));
}

}  // namespace
}  // namespace intake
