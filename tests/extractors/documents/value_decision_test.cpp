#include "extractors/documents/value_decision.h"

#include <gtest/gtest.h>

#include "extractors/normalise/hidden_date.h"

namespace intake {
namespace {

TextRead read(std::string text, double confidence, std::string mode = "block") {
  return {std::move(text), confidence, confidence, std::move(mode)};
}

TEST(ValueDecision, AgreedConfidentReadsAreOk) {
  const auto decision = decide_value("year_month", {read("1985年3月", 0.97), read("1985年3月", 0.96, "date")}, true);
  EXPECT_EQ(decision.status, FieldStatus::ok);
  EXPECT_EQ(decision.value, "1985-03");
}

TEST(ValueDecision, DisagreeingReadsGoToReview) {
  const auto decision =
      decide_value("phone", {read("15011061802", 0.98), read("12011061802", 0.97, "digits")}, true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "the reads disagree");
}

TEST(ValueDecision, AValueASecondReadSawNothingOfIsReview) {
  // A scanner streak made 5 a 3, and the digit model read nothing: the sure block read alone is not ok.
  const auto decision = decide_value("phone", {read("0418-3282786", 0.98), read("", 0, "digits")}, true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value, "0418-3282786");
  EXPECT_EQ(decision.note, "a read of the cell gives nothing");
}

TEST(ValueDecision, AShortLongTextNeedsEveryCharacterSure) {
  // One line of 奖励 with ；read as ，: sure on the whole, one character less so.
  TextRead awards{"2019年获抚顺市政务服务标兵称号，2020年荣立个人三等功；2023年度考核被确定为优秀等次。", 0.99, 0.937,
                  "block"};
  const auto decision = decide_value("long_text", {awards}, false);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "a character OCR is unsure of");
  awards.min_confidence = 0.97;
  EXPECT_EQ(decide_value("long_text", {awards}, false).status, FieldStatus::ok);
  // A page of deeds always has an unsure character somewhere; its mean decides.
  TextRead deeds{"", 0.992, 0.6, "block"};
  for (int i = 0; i < 150; ++i) deeds.text += "政";
  EXPECT_EQ(decide_value("long_text", {deeds}, false).status, FieldStatus::ok);
}

TEST(ValueDecision, AShortLongTextTheScriptModelReadsOtherwiseIsReview) {
  // 政务 read 收务 by the main model, every character at 0.98; the script model alone read 上政务.
  const TextRead main{"2016年获抚顺市收务服务标兵称号。", 0.99, 0.98, "block"};
  const TextRead script{"2016年获抚顺市上政务服务标兵称号。", 0.99, 0.97, "script-line"};
  const auto decision = decide_value("long_text", {main, script}, false);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "the reads disagree");
  EXPECT_EQ(decision.value, main.text);  // the main model's read stays the value
  EXPECT_EQ(decide_value("long_text", {main, TextRead{main.text, 0.99, 0.97, "script-line"}}, false).status,
            FieldStatus::ok);
}

TEST(ValueDecision, AnUnsureCharacterInANameIsReview) {
  TextRead unsure = read("蒋资", 0.9);
  unsure.min_confidence = 0.7;
  EXPECT_EQ(decide_value("name", {unsure, read("蒋资", 0.9, "line")}, true).status, FieldStatus::review);
  EXPECT_EQ(decide_value("name", {read("王晓梅", 0.97), read("王晓梅", 0.97, "line")}, true).status,
            FieldStatus::ok);
}

TEST(ValueDecision, BlankIsMissingOnlyWhenRequired) {
  EXPECT_EQ(decide_value("long_text", {read("", 0)}, true).status, FieldStatus::missing);
  const auto optional = decide_value("long_text", {read(" ", 0)}, false);
  EXPECT_EQ(optional.status, FieldStatus::ok);
  EXPECT_TRUE(optional.value.is_null());
}

TEST(ValueDecision, TheTypedReadWinsForDigits) {
  // The block read took O for 0; the digits read cannot.
  const auto decision = decide_value("postcode", {read("11OO32", 0.9), read("110032", 0.95, "digits")}, true);
  EXPECT_EQ(decision.value, "110032");
  EXPECT_EQ(decision.mode, "digits");
}

TEST(ValueDecision, AReadThatGivesAValueOutweighsOneThatGivesNoneButOnlyForReview) {
  // A faint scan: the block and line reads are no political status; the bolder read is one.
  const auto decision = decide_value(
      "political_status", {read("四共论册", 0.87), read("四共论册", 0.87, "line"), read("中共党员", 0.95)}, true);
  EXPECT_EQ(decision.value, "中共党员");
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "only some reads give a value of its type");
  // When the first read gives a value, it stays the value.
  EXPECT_EQ(decide_value("political_status", {read("中共党员", 0.97), read("四共论册", 0.87)}, true).value, "中共党员");
}

TEST(ValueDecision, NormaliserVerdictsPassThrough) {
  EXPECT_EQ(decide_value("date", {read("2026年2月30日", 0.99)}, true).status, FieldStatus::invalid);
  EXPECT_EQ(decide_value("ethnicity", {read("汉", 0.99), read("汉", 0.99, "line")}, true).value, "汉族");
}

TEST(DecideOpinion, ADateBothLineReadsAgreeOnIsOk) {
  const auto decision = decide_opinion({read("同意推荐。\n二O二六年一月九日", 0.98),
                                        read("二O二六年一月九日", 0.98, "line"),
                                        read("二〇二六年一月九日", 0.97, "chinese_date")},
                                       true);
  EXPECT_EQ(decision.status, FieldStatus::ok);
  EXPECT_EQ(decision.value["date"], "2026-01-09");
  EXPECT_EQ(decision.value["text"], "同意推荐。");
}

TEST(DecideOpinion, ADateOutsideTheCampaignIsReview) {
  // Both reads agree on 2026-03-01 — 2026年1月1日 with a misread 1 under the seal — after the formal deadline.
  const auto decision = decide_opinion({read("同意。\n2026年3月1日", 0.98), read("2026年3月1日", 0.98, "line"),
                                        read("2026年3月1日", 0.97, "date")},
                                       true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2026-03-01");
  EXPECT_EQ(decision.note, "dated outside the campaign, 2025-12-11 to 2026-01-12");
}

// An opinion box read as `box`, its date line as `line`, and the line again by the digit model as `digits`.
ValueDecision dated_opinion(const std::string& box, const std::string& line, const std::string& digits) {
  return decide_opinion({read(box, 0.99), read(line, 0.98, "line"), read(digits, 0.97, "date")}, true);
}

TEST(DecideOpinion, AMisreadYearGivesWayToTheLineReadInsideTheCampaign) {
  // The box and its line read 2028 (the seal's star on the 6); the digit model read the line 2026.
  const auto decision = dated_opinion("同意推荐。\n2028年1月9日", "2028年1月9日", "2026年1月9日");
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2026-01-09");
  EXPECT_EQ(decision.note,
            "read as 2028-01-09, dated outside the campaign, 2025-12-11 to 2026-01-12; the date line read alone gives "
            "2026-01-09");
  // Two days of the campaign among the line's reads: neither is taken.
  const auto torn = dated_opinion("同意推荐。\n2026年3月9日", "2026年1月9日", "2026年1月8日");
  EXPECT_EQ(torn.status, FieldStatus::review);
  EXPECT_EQ(torn.value["date"], "2026-03-09");
}

TEST(DecideOpinion, AYearOffTheCampaignInEveryReadIsTheCampaignDayTheyComeNearestTo) {
  const auto decision = dated_opinion("同意推荐。\n2023年12月31日", "2023年12月31日", "2023年12月31日");
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2025-12-31");
  EXPECT_EQ(decision.note, "read as 2023-12-31, dated outside the campaign, 2025-12-11 to 2026-01-12; " +
                               std::string(nearest_date_note));
  // A date as far from every campaign day as from the next stays as read.
  const auto far = dated_opinion("同意。\n2026年3月1日", "2026年3月1日", "2026年3月1日");
  EXPECT_EQ(far.value["date"], "2026-03-01");
}

TEST(DecideOpinion, ADateTheSealPartlyHidIsTheOneCampaignDayItCanBe) {
  // 2026年[★]5日: the line finder found no date line; the row under the seal reads what is left.
  const auto decision = decide_opinion({read("同意推荐。", 0.98), read("2026年5日“", 0.95, "line"),
                                        read("2026年5日", 0.93, "date")},
                                       true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2026-01-05");
  EXPECT_EQ(decision.value["text"], "同意推荐。");
  EXPECT_EQ(decision.note, "part of the date is hidden under the seal: the one day of the campaign it can be");
  // Two reads that complete to different days give none.
  const auto torn = decide_opinion({read("同意推荐。", 0.98), read("2026年5日", 0.95, "line"),
                                    read("2025年31", 0.93, "date")},
                                   true);
  EXPECT_TRUE(torn.value["date"].is_null());
}

TEST(DecideOpinion, ADateTheWhitelistedReadDisputesIsReview) {
  // The seal bent 六 into 八 in one read: neither is trusted.
  const auto decision = decide_opinion({read("同意推荐。\n二〇二六年一月九日", 0.98),
                                        read("二〇二六年一月九日", 0.98, "line"),
                                        read("二〇二八年一月九日", 0.97, "chinese_date")},
                                       true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "the date line: the reads disagree");
}

TEST(DecideOpinion, AGarbledDateIsTakenFromTheLineReads) {
  const auto decision = decide_opinion(
      {read("同意推荐。\n2025年12月15日所", 0.97), read("2025年12月15日所", 0.97, "line"),
       read("2025年12月15日", 0.97, "date")},
      true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2025-12-15");
  EXPECT_EQ(decision.note, "the date read from its line alone");
  EXPECT_EQ(decision.value["text"], "同意推荐。");
}

TEST(DecideOpinion, ADateLineWithBentMarksKeepsItsDigitsAndLeavesTheText) {
  // 年 read 午 in the box, 月 read 日 by the whitelisted read: neither parses, the digit runs still give the date.
  const auto decision = decide_opinion(
      {read("同意推荐为先进个人。\n2025午12月15日", 0.97), read("2025午12月15日", 0.97, "line"),
       read("2025年12日15日", 0.95, "date")},
      true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2025-12-15");
  EXPECT_EQ(decision.value["text"], "同意推荐为先进个人。");
}

TEST(DecideOpinion, AChineseDateLineWhoseZeroTheSealTookIsReadForReview) {
  const auto decision = decide_opinion(
      {read("经单位党组研究，同意推荐。\n(盖章)\n二门二五年寸二月十五日", 0.97),
       read("二门二五年寸二月十五日", 0.97, "line"), read("二二五年十二月十五日", 0.95, "chinese_date")},
      true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["date"], "2025-12-15");
  EXPECT_EQ(decision.value["text"], "经单位党组研究，同意推荐。");
}

TEST(DecideOpinion, ADateLineWhoseDigitsAreLostGivesNoDate) {
  const auto decision = decide_opinion(
      {read("同意推荐。\n20?2年1月12日", 0.97), read("20?2年1月12日", 0.97, "line"),
       read("20 2年1月12日", 0.95, "date")},
      true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_TRUE(decision.value["date"].is_null());
  EXPECT_EQ(decision.value["text"], "同意推荐。");
}

TEST(DecideOpinion, ASentenceTakenForTheDateLineStaysInTheText) {
  const auto decision = decide_opinion(
      {read("该同志2025年12345项，同意推荐。", 0.97), read("该同志2025年12345项，同意推荐。", 0.97, "line"),
       read("2025 12345", 0.95, "date")},
      true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.value["text"], "该同志2025年12345项，同意推荐。");
}

TEST(DecideOpinion, ADateLineTheSealMadeSpecksOfLeavesTheTextThoughItsReadsDiffer) {
  const auto decision = decide_opinion(
      {read("同意推荐。\n以5工. ,二六告一尹十二日", 0.9), read("二六年一尹十二日", 0.6, "line"),
       read("二六年一月十二日", 0.6, "chinese_date")},
      true);
  EXPECT_EQ(decision.value["text"], "同意推荐。");
  EXPECT_EQ(decision.status, FieldStatus::review);
}

TEST(DecideOpinion, WithoutADateLineTheBoxDecidesAlone) {
  const auto decision = decide_opinion({read("同意推荐。\n2026年1月9日", 0.98)}, true);
  EXPECT_EQ(decision.status, FieldStatus::ok);
  EXPECT_EQ(decision.value["date"], "2026-01-09");
}

}  // namespace
}  // namespace intake
