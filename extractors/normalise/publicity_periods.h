#pragma once
// The publicity periods (公示) a work report states (FORMS.md: publicity). The notice requires every 公示 to last
// 5 working days; this reads the periods, models/work_calendar.h counts them.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/normalise/normalised.h"

namespace intake {

struct PublicityPeriod {
  std::chrono::year_month_day start;
  std::chrono::year_month_day end;
  bool operator==(const PublicityPeriod&) const = default;
};

struct PublicityReading {
  bool mentions_publicity = false;       // the text says 公示 at all
  std::vector<PublicityPeriod> periods;  // in the order stated, each distinct period once
  std::vector<std::string> problems;     // periods stated but unusable: no such date, end before start, no year
};

// Every date range printed within 16 characters of the word 公示 (and nearer to it than any other range), in one
// sentence: 于2025年12月15日至12月19日在本单位公示, 公示期为2025年12月15日至2025年12月19日, 2025年12月15日-19日,
// 公示5个工作日（12月15日—19日）, 2025.12.15—2025.12.19, Chinese numerals too. A range without a year takes the last
// year stated before it, else the latest year that puts it on or before the report's last full date (usually its
// own date); an end month before the start month is in the next year.
PublicityReading find_publicity_periods(std::string_view text);

// → [{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}, …]. missing when the text never says 公示; review when it does
// but no period could be read, or when some stated period was unusable; invalid when none was usable.
Normalised normalise_publicity_list(std::string_view raw);

}  // namespace intake
