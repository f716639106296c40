#include "extractors/normalise/opinion_value.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;

nlohmann::json opinion(const std::string& text, const nlohmann::json& date) {
  return {{"text", text}, {"sealed", false}, {"date", date}};
}

TEST(NormaliseOpinion, TextAndTheDateBelowIt) {
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n\n（盖章）\n2026年1月8日"), opinion("同意推荐。", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n鞍山市人民政府办公室\n（盖章）\n二〇二六年一月八日"),
                    opinion("同意推荐。\n鞍山市人民政府办公室", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("经研究，同意推荐该同志。\n盖章\n二○二六年元月八日"),
                    opinion("经研究，同意推荐该同志。", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。 2026.1.8"), opinion("同意推荐。", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n2026 年 1 月 8 日"), opinion("同意推荐。", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n2026年1月8号。"), opinion("同意推荐。", "2026-01-08")));
  // A signature line under the date stays in the text.
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n2026年1月8日\n辽宁省财政厅（盖章）"),
                    opinion("同意推荐。\n辽宁省财政厅", "2026-01-08")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐\n负责人（签字）：\n2026年1月8日"), opinion("同意推荐", "2026-01-08")));
  // Wrapped opinion text joins without spaces.
  EXPECT_TRUE(is_ok(normalise_opinion("该同志工作成绩突出，同意推荐为先进\n个人。\n2026年1月8日"),
                    opinion("该同志工作成绩突出，同意推荐为先进个人。", "2026-01-08")));
}

TEST(NormaliseOpinion, BlankBoxesAreMissing) {
  EXPECT_TRUE(is(normalise_opinion(""), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("（盖章）\n年    月    日"), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("(盖章)\n 年 月 日 "), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("盖章\n\n年月日"), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("（签字）"), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("（盖章）（签字）年月日年 月 日"), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_opinion("单位负责人签字：\n（盖章）\n年 月 日"), FieldStatus::missing, nullptr));
}

TEST(NormaliseOpinion, NoDateOrNoTextIsForReview) {
  EXPECT_TRUE(is(normalise_opinion("同意推荐。"), FieldStatus::review, opinion("同意推荐。", nullptr)));
  EXPECT_TRUE(
      is(normalise_opinion("同意推荐。\n（盖章）\n年 月 日"), FieldStatus::review, opinion("同意推荐。", nullptr)));
  EXPECT_TRUE(is(normalise_opinion("（盖章）\n2026年1月8日"), FieldStatus::review, opinion("", "2026-01-08")));
  // A date inside the text is not the opinion's date.
  EXPECT_TRUE(is(normalise_opinion("经2025年12月15日党组会研究，同意推荐。"), FieldStatus::review,
                 opinion("经2025年12月15日党组会研究，同意推荐。", nullptr)));
  EXPECT_EQ(normalise_opinion("同意推荐。\n2026年1月 日").status, FieldStatus::review);
}

TEST(NormaliseOpinion, TheSealsLetteringIsNoText) {
  // 盖章 misread under the seal, with or without brackets: a placeholder still.
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n羡章\n2025年12月17日"), opinion("同意推荐。", "2025-12-17")));
  EXPECT_TRUE(is_ok(normalise_opinion("同意。\n(盖革)2026年1月9日"), opinion("同意。", "2026-01-09")));
  // Marks after the last sentence are left out, and the opinion goes to review.
  Normalised n = normalise_opinion("同意推荐。A\n2026年1月9日");
  EXPECT_TRUE(is(n, FieldStatus::review, opinion("同意推荐。", "2026-01-09")));
  EXPECT_EQ(n.note, "marks after the opinion's last sentence left out");
  n = normalise_opinion("该同志事迹突出，同意推荐。[hieWe£4a\n2026年1月9日");
  EXPECT_TRUE(is(n, FieldStatus::review, opinion("该同志事迹突出，同意推荐。", "2026-01-09")));
  // A signature under the opinion is words, not marks.
  EXPECT_TRUE(is_ok(normalise_opinion("同意推荐。\n鞍山市人民政府办公室\n2026年1月9日"),
                    opinion("同意推荐。\n鞍山市人民政府办公室", "2026-01-09")));
  // A character no opinion is written with, anywhere: read wrongly.
  n = normalise_opinion("同忆°\n2026年1月9日");
  EXPECT_EQ(n.status, FieldStatus::review);
  EXPECT_EQ(n.note, "characters no opinion is written with");
  EXPECT_EQ(normalise_opinion("经研究,同意推荐。\n2026年1月9日").status, FieldStatus::ok);
  // The seal's placeholder misread past recognition, in brackets after the last sentence.
  n = normalise_opinion("经审核，同意推荐。(公于)\n2026年1月5日");
  EXPECT_TRUE(is(n, FieldStatus::review, opinion("经审核，同意推荐。", "2026-01-05")));
}

TEST(NormaliseOpinion, ALoneDigitBetweenWordsIsForReview) {
  Normalised n = normalise_opinion("经查，该同志8近三年来无违纪违法问题。\n2026年1月5日");
  EXPECT_EQ(n.status, FieldStatus::review);
  EXPECT_EQ(n.note, "a lone digit between words");
  // Numbers as opinions write them are words of their own.
  EXPECT_EQ(normalise_opinion("该同志近3年年度考核均为优秀，同意推荐。\n2026年1月5日").status, FieldStatus::review);
  EXPECT_EQ(normalise_opinion("该同志近10年考核均为优秀，同意推荐。\n2026年1月5日").status, FieldStatus::ok);
  EXPECT_EQ(normalise_opinion("2025年度考核优秀，同意推荐。\n2026年1月5日").status, FieldStatus::ok);
}

TEST(NormaliseOpinion, ImpossibleDateIsInvalid) {
  const Normalised n = normalise_opinion("同意推荐。\n2026年2月30日");
  EXPECT_TRUE(is(n, FieldStatus::invalid, opinion("同意推荐。", nullptr)));
  EXPECT_EQ(n.note, "no such date 2026-02-30");
}

TEST(OpinionDateLine, TheLastLineWithAFilledInDate) {
  EXPECT_EQ(opinion_date_line({"同意推荐。", "（公章）", "2026年1月9日"}), 2u);
  EXPECT_EQ(opinion_date_line({"同意推荐。", "二〇二六年一月九日", "鞍山市人民政府办公室"}), 1u);
  EXPECT_EQ(opinion_date_line({"同意。", "二O二六年一月九日"}), 1u);
  // 年 bent by the seal: the numerals still make the line.
  EXPECT_EQ(opinion_date_line({"同意推荐。", "(公章)", "2025生12月15日"}), 2u);
}

TEST(OpinionDateLine, AYearWhoseRestTheSealTook) {
  EXPECT_EQ(opinion_date_line({"同意推荐。", "(公章)", "2026盾廊虽"}), 2u);
  EXPECT_EQ(opinion_date_line({"同意推荐。", "二〇二六盾一"}), 1u);
  // A number in a sentence is no date line.
  EXPECT_EQ(opinion_date_line({"共受理申请2026件，同意推荐。"}), std::nullopt);
  EXPECT_EQ(opinion_date_line({"三十三人参加，同意推荐。"}), std::nullopt);
}

TEST(OpinionDateLine, AShortLineEndingInADayWithNumerals) {
  // The seal made the rest of 二〇二六年一月十二日 noise, specks read as commas included.
  EXPECT_EQ(opinion_date_line({"同意推荐。", "以工.,二六告一尹十二日"}), 1u);
  EXPECT_EQ(opinion_date_line({"同意。", "20275亿;月12日"}), 1u);
  // A sentence that ends with a day is no date line, nor a short line with few numerals.
  EXPECT_EQ(opinion_date_line({"该同志连续三十二个月每月按时完成十二项任务截至今日"}), std::nullopt);
  EXPECT_EQ(opinion_date_line({"同意。", "每月十日"}), std::nullopt);
}

TEST(OpinionDateLine, NoneInABlankOrDatelessBox) {
  EXPECT_EQ(opinion_date_line({"（公章）", "年  月  日"}), std::nullopt);
  EXPECT_EQ(opinion_date_line({"该同志近三年年度考核均为称职以上等次，同意推荐。"}), std::nullopt);
  EXPECT_EQ(opinion_date_line({}), std::nullopt);
}

}  // namespace
}  // namespace intake
