#include "pipeline/mail/mail_subject.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

std::string recommender(std::string_view subject) {
  const auto reading = read_mail_subject(subject);
  if (!reading) return "error: " + reading.error().reason;
  return reading->deviation.empty() ? reading->recommender : reading->recommender + " (" + reading->deviation + ")";
}

TEST(MailSubject, TheNoticesForm) {
  const auto reading = read_mail_subject("鞍山市全省政务公开工作表彰上报材料");
  ASSERT_TRUE(reading.ok());
  EXPECT_EQ(reading->recommender, "鞍山市");
  EXPECT_EQ(reading->deviation, "");
  EXPECT_EQ(recommender("省财政厅全省政务公开工作表彰上报材料"), "省财政厅");
  EXPECT_EQ(recommender("沈抚改革创新示范区全省政务公开工作表彰上报材料"), "沈抚改革创新示范区");
  EXPECT_EQ(recommender("辽宁省财政厅全省政务公开工作表彰上报材料"), "省财政厅");
  EXPECT_EQ(recommender("鞍山市人民政府办公室全省政务公开工作表彰上报材料"), "鞍山市");
}

TEST(MailSubject, ReplyAndForwardPrefixesHoweverMany) {
  for (const char* subject :
       {"Re: 抚顺市全省政务公开工作表彰上报材料", "RE:抚顺市全省政务公开工作表彰上报材料",
        "回复：抚顺市全省政务公开工作表彰上报材料", "回复:抚顺市全省政务公开工作表彰上报材料",
        "Fwd: 抚顺市全省政务公开工作表彰上报材料", "FW: 抚顺市全省政务公开工作表彰上报材料",
        "转发：抚顺市全省政务公开工作表彰上报材料", "答复: 抚顺市全省政务公开工作表彰上报材料",
        "转发：Re: 回复：RE：fw:抚顺市全省政务公开工作表彰上报材料", "ＲＥ：抚顺市全省政务公开工作表彰上报材料"})
    EXPECT_EQ(recommender(subject), "抚顺市") << subject;
}

TEST(MailSubject, SpacesWidthsBracketsAndTheCoveringLetter) {
  EXPECT_EQ(recommender("  大连市 全省政务公开工作表彰 上报材料 "), "大连市");
  EXPECT_EQ(recommender("大连市　全省政务公开工作表彰上报材料"), "大连市");  // ideographic space
  EXPECT_EQ(recommender("关于报送大连市全省政务公开工作表彰上报材料的函"), "大连市");
  EXPECT_EQ(recommender("关于报送省教育厅全省政务公开工作表彰上报材料的函"), "省教育厅");
  EXPECT_EQ(recommender("省教育厅〔省教育厅办公室〕全省政务公开工作表彰上报材料"), "省教育厅");
  EXPECT_EQ(recommender("葫芦岛市(政务公开办)全省政务公开工作表彰上报材料"), "葫芦岛市");
  EXPECT_EQ(recommender("抚顺市全省政务公开工作表彰上报材料（经办人：李堃）"), "抚顺市");
}

TEST(MailSubject, AKnownUnitOutsideTheFormIsADeviation) {
  const auto reading = read_mail_subject("鞍山市政务公开工作先进推荐材料");
  ASSERT_TRUE(reading.ok());
  EXPECT_EQ(reading->recommender, "鞍山市");
  EXPECT_NE(reading->deviation, "");
  EXPECT_NE(read_mail_subject("全省政务公开工作表彰上报材料（鞍山市）")->deviation, "");
}

TEST(MailSubject, NoSingleKnownUnitIsAnError) {
  EXPECT_FALSE(read_mail_subject("").ok());
  EXPECT_FALSE(read_mail_subject("Re: 回复：").ok());
  EXPECT_FALSE(read_mail_subject("上报材料（补）").ok());
  EXPECT_FALSE(read_mail_subject("全省政务公开工作表彰上报材料").ok());
  EXPECT_FALSE(read_mail_subject("某某市全省政务公开工作表彰上报材料").ok());
  EXPECT_FALSE(read_mail_subject("鞍山市、大连市全省政务公开工作表彰上报材料").ok());  // two units
  const auto garbled = read_mail_subject("\xE4\xB8\x8A\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_FALSE(garbled.ok());
  EXPECT_NE(garbled.error().reason.find("subject"), std::string::npos);
}

TEST(MailSubject, ErrorsMaskPersonalNumbers) {
  const auto reading = read_mail_subject("上报材料 联系电话13812345678");
  ASSERT_FALSE(reading.ok());
  EXPECT_EQ(reading.error().reason.find("13812345678"), std::string::npos);
}

}  // namespace
}  // namespace intake
