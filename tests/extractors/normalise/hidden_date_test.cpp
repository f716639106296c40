#include "extractors/normalise/hidden_date.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

using namespace std::chrono;

// The notice's campaign: issued 2025-12-11, formal materials due 2026-01-12.
const DateWindow campaign{2025y / December / 11, 2026y / January / 12};

std::string completed(std::string_view read) {
  const auto date = date_under_seal(read, campaign);
  if (!date) return "none";
  return std::to_string(static_cast<int>(date->year())) + "-" + std::to_string(static_cast<unsigned>(date->month())) +
         "-" + std::to_string(static_cast<unsigned>(date->day()));
}

std::string nearest(std::vector<std::string> reads) {
  const auto date = nearest_campaign_day(reads, campaign);
  if (!date) return "none";
  return std::to_string(static_cast<int>(date->year())) + "-" + std::to_string(static_cast<unsigned>(date->month())) +
         "-" + std::to_string(static_cast<unsigned>(date->day()));
}

TEST(DateUnderSeal, TheStarOverTheMonth) {
  // 2026年[★]5日: in 2026 the campaign has only January.
  EXPECT_EQ(completed("2026年5日"), "2026-1-5");
  EXPECT_EQ(completed("2026年 5日，"), "2026-1-5");  // the seal's specks read as punctuation are no date characters
}

TEST(DateUnderSeal, DigitsLostWithTheLettering) {
  EXPECT_EQ(completed("6年5日"), "2026-1-5");    // 202 touched the seal's lettering, 1月 under the star
  EXPECT_EQ(completed("20月5"), "2026-1-5");     // 26年1 under the star, 日 under the ring
  EXPECT_EQ(completed("25年31"), "2025-12-31");  // 20, 12月 and 日 hidden
  EXPECT_EQ(completed("2025年31"), "2025-12-31");
  EXPECT_EQ(completed("2026年106日"), "2026-1-6");  // 2026年1[月]06日 with zero-padded day
}

TEST(DateUnderSeal, ChineseNumerals) {
  EXPECT_EQ(completed("二〇二年一月九日"), "2026-1-9");
  EXPECT_EQ(completed("二○二六年月九日"), "2026-1-9");  // ○ is 〇
  EXPECT_EQ(completed("二〇二五年十二月三十一日"), "2025-12-31");
}

TEST(DateUnderSeal, AWholeDateOfTheCampaignIsItself) {
  EXPECT_EQ(completed("2026年1月9日"), "2026-1-9");
  EXPECT_EQ(completed("2025年12月15日"), "2025-12-15");
}

TEST(DateUnderSeal, NothingWhenTheHiddenPartDecides) {
  EXPECT_EQ(completed("2025年12月1"), "none");  // 12月11日 … 12月19日
  EXPECT_EQ(completed("2025年12月"), "none");
  EXPECT_EQ(completed("1月"), "none");           // too little seen
  EXPECT_EQ(completed("5日"), "none");
  EXPECT_EQ(completed("20265"), "none");         // no mark seen, and too few numerals to go without
  EXPECT_EQ(completed("2026 06"), "2026-1-6");   // 2026[年01月]06[日]
  EXPECT_EQ(completed("同意推荐。"), "none");
}

TEST(DateUnderSeal, TheGapShowsWhereTheGlyphsWent) {
  // 2026年[★1月]12日 read 2026 12日: 2026年1[月]2日 fits as well with 年 and 月 hidden, but those would have left
  // gaps either side of the 1, and the read has one gap, between 2026 and 12.
  EXPECT_EQ(completed("2026 12日，"), "2026-1-12");
  EXPECT_EQ(completed("2 1月12日"), "2026-1-12");  // 2[026年]1月12日; 2025年12月…: no 2 before 1月
  // Without a gap the hidden part still decides.
  EXPECT_EQ(completed("202612日"), "none");
  // Two gaps, each where one of two days hides a run: no telling.
  EXPECT_EQ(completed("2026 1 2日"), "none");
}

TEST(DateUnderSeal, NothingOutsideTheCampaign) {
  EXPECT_EQ(completed("2026年3月9日"), "none");
  EXPECT_EQ(completed("2024年5日"), "none");
  EXPECT_EQ(completed("2025年12月5日"), "none");  // before the notice
}

TEST(DateUnderSeal, RunsAreShort) {
  // Six characters hidden in one run is more than a star covers.
  EXPECT_EQ(completed("二〇二五年日"), "none");
}

TEST(ReadsAsWords, AnOpinionSentenceIsNoDateHoweverItsNumeralsRead) {
  EXPECT_TRUE(reads_as_words("经查，芒同志近三年来无违纪违法问题，无信访举报问题。"));
  EXPECT_FALSE(reads_as_words("2026牛”35日三"));       // one stray character on a date
  EXPECT_FALSE(reads_as_words("二/三六年所用十二日"));  // two
  EXPECT_FALSE(reads_as_words("同意推荐。"));           // four words: too few to tell
}

TEST(NearestCampaignDay, ReadsWithJunkAndLookalikes) {
  // 2026年1月9日 under a star: its lettering's fragments read as - and “, the 6 and 月 blurred.
  EXPECT_EQ(nearest({"-20 “1有9", "-2019", "-- 203年1月9日"}), "2026-1-9");
  EXPECT_EQ(nearest({"2O26年1月9日"}), "2026-1-9");  // O for 0
  EXPECT_EQ(nearest({"2020全:月9", "2020月9"}), "2026-1-9");
  EXPECT_EQ(nearest({"二G〇二/月九", "二〇二月九"}), "2026-1-9");
}

TEST(NearestCampaignDay, OneJunkReadDoesNotOutweighTheOthers) {
  // 2025年12月31日: the typed read 2022323 alone is nearest 12月23日; the other reads are near no day.
  EXPECT_EQ(nearest({"2022323"}), "2025-12-23");
  EXPECT_EQ(nearest({"D203312 31", "2023332.", "20°5 3", "2022323", "20°5 432."}), "none");
}

TEST(NearestCampaignDay, NothingWhenTwoDaysAreAlmostAsNear) {
  EXPECT_EQ(nearest({"2025年12月1日"}), "none");  // 11日 and 21日 … are one hidden glyph away
  EXPECT_EQ(nearest({"2025年12月?5日"}), "none");
  // 5 read 3, the 1 of 15 read I: nearer 15 than 25, but by less than a character.
  EXPECT_EQ(nearest({"2023年12月I5日"}), "none");
  // Short reads are nearest the shortest days (2026年1月1日) by half a character: not enough.
  EXPECT_EQ(nearest({"五年1月1", "年月", "-五年了.月二十H"}), "none");
  // A year digit lost: 2026年1月12日 with 6 hidden, or 2025年12月12日 with 5 and 2 hidden; two reads of one line
  // are no more evidence than one.
  EXPECT_EQ(nearest({"20 2年1月12日", "20 2年1月12日"}), "none");
  // 二〇二五年十二月十七日 read 二二九日二: a whole character nearest 二〇二六年一月九日, but showing less than
  // half of it.
  EXPECT_EQ(nearest({"二.和六各很", "二二九日二", "i"}), "none");
}

TEST(NearestCampaignDay, NothingFromNoise) {
  EXPECT_EQ(nearest({"-ee I~"}), "none");
  EXPECT_EQ(nearest({"同意推荐。"}), "none");
  EXPECT_EQ(nearest({"2029有2有HI5B)"}), "none");  // too far from every day
  EXPECT_EQ(nearest({}), "none");
}

}  // namespace
}  // namespace intake
