#include "extractors/normalise/publicity_periods.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

nlohmann::json period(const char* start, const char* end) { return {{"start", start}, {"end", end}}; }
nlohmann::json periods(std::initializer_list<nlohmann::json> list) { return nlohmann::json::array_t(list); }

const nlohmann::json dec15_19 = periods({period("2025-12-15", "2025-12-19")});

TEST(PublicityPeriods, PhrasingsFromReports) {
  for (const char* text : {
           "推荐对象于2025年12月15日至12月19日在本单位公示，公示期间未收到异议。",
           "公示期为2025年12月15日至2025年12月19日。",
           "2025年12月15日-19日在单位内部进行了公示。",
           "2025年12月15日—12月19日，在市政府网站进行公示",
           "2025年12月，对推荐对象进行公示，公示5个工作日（12月15日—19日）。",
           "二〇二五年十二月十五日至十九日在本单位公示。",
           "公示时间：2025.12.15-2025.12.19",
           "于 2025 年 12 月 15 日至 12 月 19 日 在本单位公示",
           "于２０２５年１２月１５日至１２月１９日在本单位公示",
           "2025年12月15日至12月19日，在推荐对象所在单位对拟推荐对象进行了公示，公示期满未收到任何反映。",
       })
    EXPECT_TRUE(is_ok(normalise_publicity_list(text), dec15_19)) << text;
}

TEST(PublicityPeriods, YearFromContextOrTheReportDate) {
  // The year stated earlier in the report.
  EXPECT_TRUE(is_ok(
      normalise_publicity_list("2025年12月，我市组织开展推荐工作。推荐对象于12月15日至19日在本单位公示。"), dec15_19));
  // Only the report's own date states a year.
  EXPECT_TRUE(
      is_ok(normalise_publicity_list("推荐对象于12月15日至19日在本单位公示。\n鞍山市人民政府办公室\n2025年12月22日"),
            dec15_19));
  // A report dated in January speaks of the December before.
  EXPECT_TRUE(is_ok(normalise_publicity_list("推荐对象公示5个工作日（12月15日—19日）。\n2026年1月5日"), dec15_19));
  // Across the new year.
  EXPECT_TRUE(is_ok(normalise_publicity_list("于2025年12月29日至1月5日在本单位公示。"),
                    periods({period("2025-12-29", "2026-01-05")})));
}

TEST(PublicityPeriods, EveryPeriodOnceAndOnlyPublicityPeriods) {
  const char* report =
      "12月1日至12月10日组织各单位推荐，2025年12月15日至19日对先进集体推荐对象进行公示；"
      "2025年12月22日至12月26日对先进个人推荐对象进行公示。"
      "先进集体推荐对象于2025年12月15日至12月19日在本单位公示。";
  EXPECT_TRUE(is_ok(normalise_publicity_list(report),
                    periods({period("2025-12-15", "2025-12-19"), period("2025-12-22", "2025-12-26")})));
  const PublicityReading reading = find_publicity_periods(report);
  EXPECT_TRUE(reading.mentions_publicity);
  EXPECT_EQ(reading.periods.size(), 2U);
  EXPECT_TRUE(reading.problems.empty());
}

TEST(PublicityPeriods, NoPublicityIsMissingUnreadableIsReview) {
  EXPECT_TRUE(is(normalise_publicity_list(""), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_publicity_list("我市高度重视推荐工作。"), FieldStatus::missing, nullptr));
  EXPECT_TRUE(is(normalise_publicity_list("推荐对象已在本单位进行公示，无异议。"), FieldStatus::review, periods({})));
}

TEST(PublicityPeriods, ImpossiblePeriodsAreNeverOk) {
  EXPECT_TRUE(
      is(normalise_publicity_list("于2025年11月28日至11月31日在本单位公示。"), FieldStatus::invalid, periods({})));
  EXPECT_TRUE(not_ok(normalise_publicity_list("于2025年12月19日至12月15日在本单位公示。")));
  EXPECT_TRUE(not_ok(normalise_publicity_list("于12月15日至19日在本单位公示。")));  // no year anywhere
  EXPECT_TRUE(not_ok(normalise_publicity_list("于2025年13月15日至19日在本单位公示。")));
  // One good, one impossible: the good one is kept, for review.
  EXPECT_TRUE(is(normalise_publicity_list("于2025年12月15日至19日公示。于2025年2月29日至3月5日公示。"),
                 FieldStatus::review, dec15_19));
}

}  // namespace
}  // namespace intake
