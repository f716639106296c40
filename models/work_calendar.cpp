#include "models/work_calendar.h"

#include <algorithm>
#include <array>

namespace intake {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;

enum class DayKind { holiday, adjusted_working_day };

struct SpecialDay {
  int y;
  unsigned m, d;
  DayKind kind;
};

constexpr auto H = DayKind::holiday;
constexpr auto W = DayKind::adjusted_working_day;

// 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
// 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
// Only the days that differ from the Monday–Friday rule matter, but every holiday day is listed so the table
// reads like the notices. The office may correct it here should a notice be amended; add a year before the
// pipeline is used for dates in it (see work_calendar_covers).
// clang-format off
constexpr std::array special_days{
    // 2025 元旦
    SpecialDay{2025, 1, 1, H},
    // 2025 春节: 1月28日至2月4日放假, 1月26日(周日)、2月8日(周六)上班
    SpecialDay{2025, 1, 26, W}, SpecialDay{2025, 1, 28, H}, SpecialDay{2025, 1, 29, H}, SpecialDay{2025, 1, 30, H},
    SpecialDay{2025, 1, 31, H}, SpecialDay{2025, 2, 1, H}, SpecialDay{2025, 2, 2, H}, SpecialDay{2025, 2, 3, H},
    SpecialDay{2025, 2, 4, H}, SpecialDay{2025, 2, 8, W},
    // 2025 清明节: 4月4日至6日
    SpecialDay{2025, 4, 4, H}, SpecialDay{2025, 4, 5, H}, SpecialDay{2025, 4, 6, H},
    // 2025 劳动节: 5月1日至5日放假, 4月27日(周日)上班
    SpecialDay{2025, 4, 27, W}, SpecialDay{2025, 5, 1, H}, SpecialDay{2025, 5, 2, H}, SpecialDay{2025, 5, 3, H},
    SpecialDay{2025, 5, 4, H}, SpecialDay{2025, 5, 5, H},
    // 2025 端午节: 5月31日至6月2日
    SpecialDay{2025, 5, 31, H}, SpecialDay{2025, 6, 1, H}, SpecialDay{2025, 6, 2, H},
    // 2025 国庆节、中秋节: 10月1日至8日放假, 9月28日(周日)、10月11日(周六)上班
    SpecialDay{2025, 9, 28, W}, SpecialDay{2025, 10, 1, H}, SpecialDay{2025, 10, 2, H}, SpecialDay{2025, 10, 3, H},
    SpecialDay{2025, 10, 4, H}, SpecialDay{2025, 10, 5, H}, SpecialDay{2025, 10, 6, H}, SpecialDay{2025, 10, 7, H},
    SpecialDay{2025, 10, 8, H}, SpecialDay{2025, 10, 11, W},
    // 2026 元旦: 1月1日至3日放假, 1月4日(周日)上班
    SpecialDay{2026, 1, 1, H}, SpecialDay{2026, 1, 2, H}, SpecialDay{2026, 1, 3, H}, SpecialDay{2026, 1, 4, W},
    // 2026 春节: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班
    SpecialDay{2026, 2, 14, W}, SpecialDay{2026, 2, 15, H}, SpecialDay{2026, 2, 16, H}, SpecialDay{2026, 2, 17, H},
    SpecialDay{2026, 2, 18, H}, SpecialDay{2026, 2, 19, H}, SpecialDay{2026, 2, 20, H}, SpecialDay{2026, 2, 21, H},
    SpecialDay{2026, 2, 22, H}, SpecialDay{2026, 2, 23, H}, SpecialDay{2026, 2, 28, W},
    // 2026 清明节: 4月4日至6日
    SpecialDay{2026, 4, 4, H}, SpecialDay{2026, 4, 5, H}, SpecialDay{2026, 4, 6, H},
    // 2026 劳动节: 5月1日至5日放假, 5月9日(周六)上班
    SpecialDay{2026, 5, 1, H}, SpecialDay{2026, 5, 2, H}, SpecialDay{2026, 5, 3, H}, SpecialDay{2026, 5, 4, H},
    SpecialDay{2026, 5, 5, H}, SpecialDay{2026, 5, 9, W},
    // 2026 端午节: 6月19日至21日
    SpecialDay{2026, 6, 19, H}, SpecialDay{2026, 6, 20, H}, SpecialDay{2026, 6, 21, H},
    // 2026 中秋节: 9月25日至27日
    SpecialDay{2026, 9, 25, H}, SpecialDay{2026, 9, 26, H}, SpecialDay{2026, 9, 27, H},
    // 2026 国庆节: 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班
    SpecialDay{2026, 9, 20, W}, SpecialDay{2026, 10, 1, H}, SpecialDay{2026, 10, 2, H}, SpecialDay{2026, 10, 3, H},
    SpecialDay{2026, 10, 4, H}, SpecialDay{2026, 10, 5, H}, SpecialDay{2026, 10, 6, H}, SpecialDay{2026, 10, 7, H},
    SpecialDay{2026, 10, 10, W},
};
// clang-format on

constexpr int first_covered_year = 2025;
constexpr int last_covered_year = 2026;

const SpecialDay* special_day(year_month_day date) {
  const int y = static_cast<int>(date.year());
  const unsigned m = static_cast<unsigned>(date.month());
  const unsigned d = static_cast<unsigned>(date.day());
  const auto it = std::find_if(special_days.begin(), special_days.end(),
                               [&](const SpecialDay& s) { return s.y == y && s.m == m && s.d == d; });
  return it == special_days.end() ? nullptr : &*it;
}

}  // namespace

bool work_calendar_covers(year y) {
  return static_cast<int>(y) >= first_covered_year && static_cast<int>(y) <= last_covered_year;
}

bool is_working_day(year_month_day date) {
  if (!date.ok()) return false;
  if (const SpecialDay* special = special_day(date)) return special->kind == DayKind::adjusted_working_day;
  const std::chrono::weekday weekday{std::chrono::sys_days{date}};
  return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday;
}

int working_days(year_month_day start, year_month_day end) {
  if (!start.ok() || !end.ok()) return 0;
  int count = 0;
  for (auto d = std::chrono::sys_days{start}; d <= std::chrono::sys_days{end}; d += std::chrono::days{1})
    if (is_working_day(year_month_day{d})) ++count;
  return count;
}

}  // namespace intake
