#include "extractors/normalise/date_values.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"
#include "models/utf8.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

TEST(NormaliseYearMonth, PrintedForms) {
  for (const char* raw : {"1985.03", "1985.3", "1985年3月", "1985年03月", "1985-03", "198503", "1985/03", "1985/3",
                          "1985 年 3 月", "１９８５．０３", "一九八五年三月", "1985.3.", "1985年3月生", "1985年3"})
    EXPECT_TRUE(is_ok(normalise_year_month(raw), "1985-03")) << raw;
  EXPECT_TRUE(is_ok(normalise_year_month("2008.10"), "2008-10"));
  EXPECT_TRUE(is_ok(normalise_year_month("二〇〇八年十月"), "2008-10"));
  // 出生日期 printed as a full date.
  EXPECT_TRUE(is_ok(normalise_year_month("1985年3月15日"), "1985-03"));
  EXPECT_TRUE(is_ok(normalise_year_month("19850315"), "1985-03"));
  EXPECT_TRUE(is_ok(normalise_year_month("1985.03.15"), "1985-03"));
}

TEST(NormaliseYearMonth, ImpossibleValuesAreInvalid) {
  EXPECT_TRUE(is(normalise_year_month("1985.13"), FieldStatus::invalid, nullptr));
  EXPECT_EQ(normalise_year_month("1985.13").note, "no month 13");
  EXPECT_TRUE(is(normalise_year_month("1985.00"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_year_month("1899.12"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_year_month("2031.01"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_year_month("1985年2月30日"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_year_month("198513"), FieldStatus::invalid, nullptr));
}

TEST(NormaliseYearMonth, MalformedTextIsNeverOk) {
  for (const char* raw : {"1985", "85.03", "1985.O3", "l985.03", "1985年3月至今", "1985.3-4", "1985-3.15", "19853",
                          "1985/03/15/01", "一九八五", "1985年3日", "男", "1985。03", "?"})
    EXPECT_TRUE(not_ok(normalise_year_month(raw))) << raw;
  EXPECT_TRUE(is(normalise_year_month("85.03"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_year_month(""), FieldStatus::missing, nullptr));
}

TEST(NormaliseDate, PrintedForms) {
  for (const char* raw : {"2026年1月8日", "2026.1.8", "2026-01-08", "2026/1/8", "20260108", "2026年1月8号",
                          "二〇二六年一月八日", "二○二六年元月八日", "二O二六年一月八日", "二零二六年一月八日",
                          "2026 年 1 月 8 日", "２０２６年１月８日", "2026.01.08.", "2026年01月08日", "2026年1月8"})
    EXPECT_TRUE(is_ok(normalise_date(raw), "2026-01-08")) << raw;
  EXPECT_TRUE(is_ok(normalise_date("二〇二五年十二月三十一日"), "2025-12-31"));
  EXPECT_TRUE(is_ok(normalise_date("2025年12月25日"), "2025-12-25"));
  EXPECT_TRUE(is_ok(normalise_date("2024年2月29日"), "2024-02-29"));
}

TEST(NormaliseDate, ImpossibleDatesAreInvalid) {
  const Normalised feb30 = normalise_date("2026年2月30日");
  EXPECT_TRUE(is(feb30, FieldStatus::invalid, nullptr));
  EXPECT_EQ(feb30.note, "no such date 2026-02-30");
  EXPECT_TRUE(is(normalise_date("2025年2月29日"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_date("2026.13.1"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_date("2026.4.31"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_date("2026年1月"), FieldStatus::invalid, nullptr));  // no day
  EXPECT_TRUE(is(normalise_date("二〇二六年十三月一日"), FieldStatus::invalid, nullptr));
}

TEST(NormaliseDate, MalformedTextIsNeverOk) {
  for (const char* raw : {"2026.1-8", "2026年1.8", "26.1.8", "2026..1.8", "2026年1月8日至10日", "1月8日", "年 月 日",
                          "2026年l月8日", "20261", "2026-1-8-9", "二〇二六年", "同意", "—"})
    EXPECT_TRUE(not_ok(normalise_date(raw))) << raw;
  EXPECT_TRUE(is(normalise_date(""), FieldStatus::missing, nullptr));
}

TEST(NormaliseDate, ADateInsideOtherTextIsForReview) {
  const Normalised labelled = normalise_date("填报日期：2026年1月8日");
  EXPECT_TRUE(is(labelled, FieldStatus::review, "2026-01-08"));
  EXPECT_LT(labelled.confidence_factor, 1.0);
  EXPECT_TRUE(is(normalise_date("2026年1月8日至2026年1月9日"), FieldStatus::review, nullptr));  // two dates
}

TEST(FindDates, FindsEveryFullDateWithOffsets) {
  const std::u32string text = utf8_decode("于2025年12月15日至2025年12月19日公示，二〇二六年一月八日报送。");
  const auto dates = find_dates(text);
  ASSERT_EQ(dates.size(), 3U);
  EXPECT_EQ(iso_date(*dates[0].date), "2025-12-15");
  EXPECT_EQ(dates[0].begin, 1U);
  EXPECT_EQ(utf8_encode(text.substr(dates[0].begin, dates[0].end - dates[0].begin)), "2025年12月15日");
  EXPECT_EQ(iso_date(*dates[1].date), "2025-12-19");
  EXPECT_EQ(iso_date(*dates[2].date), "2026-01-08");
  EXPECT_EQ(utf8_encode(text.substr(dates[2].begin, dates[2].end - dates[2].begin)), "二〇二六年一月八日");
}

TEST(FindDates, ImpossibleDatesAreReportedWithoutAValue) {
  const auto dates = find_dates(U"落款2026年2月30日");
  ASSERT_EQ(dates.size(), 1U);
  EXPECT_FALSE(dates[0].date);
  EXPECT_EQ(dates[0].note, "no such date 2026-02-30");
  EXPECT_TRUE(find_dates(U"12月15日至19日").empty());  // no year: not a full date
  EXPECT_TRUE(find_dates(U"电话024-86893881").empty());
}

TEST(DateFromDigitRuns, MarksTheSealBentStillPartTheDigits) {
  for (const char* line : {"2025午12月15日", "2025年12日15日", "2025生12月15日", "２０２５年１２月１５日", "2025 年 12 月 15 日。",
                           "2025年12月15", "2025.12.15"})
    EXPECT_EQ(date_from_digit_runs(line), std::chrono::year{2025} / 12 / 15) << line;
}

TEST(DateFromDigitRuns, DigitsAreNeverGuessed) {
  for (const char* line : {"20?2年1月12日", "2025年12月", "202年12月15日", "2025年123月15日", "2025年2月30日",
                           "同意2025年12月15日", "2025年12月15日盖章单位", "1825年1月1日", "20251215", "2025年12月1日5"})
    EXPECT_FALSE(date_from_digit_runs(line).has_value()) << line;
}

TEST(DateWithLostChineseZero, TheSealsLostZeroIsSupplied) {
  for (const char* line : {"二二五年十二月十五日", "二门二五年十二月十五日", "二个二五年十二月十五日", "二 二 五 年 十二 月 十五 日"})
    EXPECT_EQ(date_with_lost_chinese_zero(line), std::chrono::year{2025} / 12 / 15) << line;
}

TEST(DateWithLostChineseZero, NothingElseIsSupplied) {
  for (const char* line : {"二门二五年寸二月十五日", "二二五年二二月十五日", "二〇二五年十二月十五日", "三二五年十二月十五日",
                           "二二年十二月十五日", "二一二三五年一月一日", "二二五年二月三十日", "二十五年一月一日"})
    EXPECT_FALSE(date_with_lost_chinese_zero(line).has_value()) << line;
}

}  // namespace
}  // namespace intake
