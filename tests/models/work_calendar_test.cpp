#include "models/work_calendar.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

constexpr std::chrono::year_month_day ymd(int y, unsigned m, unsigned d) {
  return {std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(WorkCalendar, OrdinaryWeeks) {
  EXPECT_EQ(working_days(ymd(2025, 12, 15), ymd(2025, 12, 19)), 5);  // Monday to Friday
  EXPECT_EQ(working_days(ymd(2025, 12, 15), ymd(2025, 12, 17)), 3);
  EXPECT_EQ(working_days(ymd(2025, 12, 15), ymd(2025, 12, 21)), 5);  // the weekend adds nothing
  EXPECT_EQ(working_days(ymd(2025, 12, 17), ymd(2025, 12, 23)), 5);  // Wednesday to Tuesday
  EXPECT_EQ(working_days(ymd(2025, 12, 15), ymd(2025, 12, 15)), 1);
  EXPECT_EQ(working_days(ymd(2025, 12, 20), ymd(2025, 12, 20)), 0);  // a Saturday
  EXPECT_EQ(working_days(ymd(2025, 12, 19), ymd(2025, 12, 15)), 0);  // end before start
  EXPECT_EQ(working_days(ymd(2025, 2, 30), ymd(2025, 3, 5)), 0);     // no such date
}

TEST(WorkCalendar, NewYear2026CountsTheHolidayAndTheWorkedSunday) {
  // 1月1日(周四)至3日(周六)放假, 1月4日(周日)上班.
  EXPECT_FALSE(is_working_day(ymd(2026, 1, 1)));
  EXPECT_FALSE(is_working_day(ymd(2026, 1, 2)));
  EXPECT_FALSE(is_working_day(ymd(2026, 1, 3)));
  EXPECT_TRUE(is_working_day(ymd(2026, 1, 4)));
  // Mon 29, Tue 30, Wed 31, Sun 4 (worked), Mon 5.
  EXPECT_EQ(working_days(ymd(2025, 12, 29), ymd(2026, 1, 5)), 5);
  EXPECT_EQ(working_days(ymd(2025, 12, 31), ymd(2026, 1, 6)), 4);
}

TEST(WorkCalendar, SpringFestivalAndOtherHolidays) {
  EXPECT_TRUE(is_working_day(ymd(2026, 2, 14)));   // 周六上班
  EXPECT_FALSE(is_working_day(ymd(2026, 2, 16)));  // a Monday in the holiday
  EXPECT_FALSE(is_working_day(ymd(2026, 2, 23)));
  EXPECT_TRUE(is_working_day(ymd(2026, 2, 24)));
  EXPECT_TRUE(is_working_day(ymd(2026, 2, 28)));
  EXPECT_EQ(working_days(ymd(2026, 2, 9), ymd(2026, 2, 27)), 10);  // 9–14 (6 incl. Sat 14), 24–27 (4)
  EXPECT_FALSE(is_working_day(ymd(2025, 1, 1)));
  EXPECT_TRUE(is_working_day(ymd(2025, 1, 26)));  // 周日上班
  EXPECT_TRUE(is_working_day(ymd(2025, 9, 28)));
  EXPECT_FALSE(is_working_day(ymd(2025, 10, 8)));
  EXPECT_TRUE(is_working_day(ymd(2025, 10, 11)));
  EXPECT_FALSE(is_working_day(ymd(2026, 10, 7)));
  EXPECT_TRUE(is_working_day(ymd(2026, 10, 10)));
}

// Counted by hand from the two notices: 261 weekdays in each year, minus the holidays that fall on weekdays, plus
// the weekend days worked in exchange.
TEST(WorkCalendar, WholeYearsMatchTheNotices) {
  EXPECT_EQ(working_days(ymd(2025, 1, 1), ymd(2025, 12, 31)), 261 - 18 + 5);
  EXPECT_EQ(working_days(ymd(2026, 1, 1), ymd(2026, 12, 31)), 261 - 19 + 6);
}

TEST(WorkCalendar, CoverageIsStated) {
  EXPECT_TRUE(work_calendar_covers(std::chrono::year{2025}));
  EXPECT_TRUE(work_calendar_covers(std::chrono::year{2026}));
  EXPECT_FALSE(work_calendar_covers(std::chrono::year{2027}));
  // Outside the table only weekends are days off.
  EXPECT_TRUE(is_working_day(ymd(2027, 1, 4)));
  EXPECT_FALSE(is_working_day(ymd(2027, 1, 3)));
}

}  // namespace
}  // namespace intake
