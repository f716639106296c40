#pragma once
// The recommending units (推荐单位) and their quotas (附件10) as data (models/units.json), and the notice's
// rules that read them: section 六 (quotas) and 五 (deadlines).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

enum class UnitKind { city, provincial };  // the 14 cities and 沈抚示范区 | provincial departments (省直单位)
enum class NomineeKind { collective, individual };

struct Quota {
  int collective = 0;
  int individual = 0;
};

struct Unit {
  std::string name;  // canonical, as the project writes it: 鞍山市, 省财政厅
  UnitKind kind = UnitKind::city;
  std::vector<std::string> aliases;  // other printed names: 鞍山, 辽宁省财政厅
  Quota quota;                       // the allocation in 附件10, before the 20 % a city may add
};

struct QuotaTotals {
  int all = 0;
  int provincial = 0;
  int city = 0;
  int county_min = 0;  // county-level places are a floor, not a ceiling (notice 六: 不低于)
};

struct UnitCatalogue {
  std::vector<Unit> units;
  QuotaTotals collective_totals;
  QuotaTotals individual_totals;
  std::chrono::year_month_day notice_date;       // the notice was issued: the campaign's first day
  std::chrono::year_month_day initial_deadline;  // 初审 materials due (notice 五)
  std::chrono::year_month_day formal_deadline;   // 正式推荐 materials due

  const Unit* find(std::string_view canonical_name) const;
};

// Parses units.json text; throws std::runtime_error on malformed input (the embedded copy is part of the build).
UnitCatalogue parse_unit_catalogue(std::string_view json_text);

// The embedded catalogue, parsed on first use (thread-safe).
const UnitCatalogue& unit_catalogue();

// The canonical name of the one known unit that `text` names — exactly, by an alias, or inside a longer name
// (鞍山市人民政府办公室 → 鞍山市, 辽宁省财政厅 → 省财政厅). Spaces and punctuation (full-width or not) are ignored.
// nullopt when no unit or more than one is named.
std::optional<std::string> match_recommender(std::string_view text);

// How many nominees of `kind` the unit may put forward (notice 六): a city its allocation plus 20 %, rounded
// half up; a provincial department at most 1 collective and 2 individuals.
int allowed_quota(const Unit& unit, NomineeKind kind);

}  // namespace intake
