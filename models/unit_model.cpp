#include "models/unit_model.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/char_class.h"
#include "models/embedded_models.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("units.json: " + what); }

std::chrono::year_month_day parse_iso_date(const std::string& text, const std::string& where) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (!is_ascii_digit(static_cast<char32_t>(text[i]))) fail(where + ": not YYYY-MM-DD");
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') fail(where + ": not YYYY-MM-DD");
  const std::chrono::year_month_day date{std::chrono::year{digits(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(digits(5, 2))},
                                         std::chrono::day{static_cast<unsigned>(digits(8, 2))}};
  if (!date.ok()) fail(where + ": no such date");
  return date;
}

QuotaTotals parse_totals(const Json& json) {
  return {json.at("all").get<int>(), json.at("provincial").get<int>(), json.at("city").get<int>(),
          json.at("county_min").get<int>()};
}

Unit parse_unit(const Json& json) {
  Unit unit;
  unit.name = json.at("name").get<std::string>();
  const auto kind = json.at("kind").get<std::string>();
  if (kind == "city") {
    unit.kind = UnitKind::city;
  } else if (kind == "provincial") {
    unit.kind = UnitKind::provincial;
  } else {
    fail("unit " + unit.name + ": unknown kind " + kind);
  }
  unit.aliases = json.value("aliases", std::vector<std::string>{});
  unit.quota = {json.at("quota").at("collective").get<int>(), json.at("quota").at("individual").get<int>()};
  return unit;
}

// What matching compares: full-width folded, Han characters, ASCII letters and digits only. Spaces, brackets,
// 、 and the like vary between a letterhead, a seal and a mail subject; the words do not.
std::u32string matching_form(std::string_view text) {
  std::u32string out;
  for (const char32_t c : utf8_decode(fold_full_width(text)))
    if (is_han(c) || is_ascii_digit(c) || is_ascii_letter(c)) out.push_back(c);
  return out;
}

struct MatchKey {
  std::u32string text;
  const Unit* unit;
  // A bare place name (鞍山 for 鞍山市) is a prefix of the canonical name. It also names districts, streets and
  // roads elsewhere (朝阳区, 大连路), so it counts only when no such word follows.
  bool bare_place;
};

struct Occurrence {
  std::size_t begin, end;
  const Unit* unit;
};

bool followed_by_place_word(const std::u32string& text, std::size_t end) {
  if (end >= text.size()) return false;
  constexpr std::u32string_view place_words = U"区县路街镇乡村";
  return place_words.find(text[end]) != std::u32string_view::npos;
}

std::vector<MatchKey> match_keys(const UnitCatalogue& catalogue) {
  std::vector<MatchKey> keys;
  for (const Unit& unit : catalogue.units) {
    const std::u32string name = matching_form(unit.name);
    keys.push_back({name, &unit, false});
    for (const std::string& alias : unit.aliases) {
      std::u32string key = matching_form(alias);
      const bool bare = key.size() < name.size() && name.starts_with(key);
      if (!key.empty()) keys.push_back({std::move(key), &unit, bare});
    }
  }
  return keys;
}

}  // namespace

const Unit* UnitCatalogue::find(std::string_view canonical_name) const {
  for (const Unit& unit : units)
    if (unit.name == canonical_name) return &unit;
  return nullptr;
}

UnitCatalogue parse_unit_catalogue(std::string_view json_text) {
  UnitCatalogue catalogue;
  try {
    const Json root = Json::parse(json_text);
    for (const Json& unit : root.at("units")) catalogue.units.push_back(parse_unit(unit));
    catalogue.collective_totals = parse_totals(root.at("totals").at("collective"));
    catalogue.individual_totals = parse_totals(root.at("totals").at("individual"));
    catalogue.notice_date = parse_iso_date(root.at("notice").get<std::string>(), "notice");
    catalogue.initial_deadline = parse_iso_date(root.at("deadlines").at("initial").get<std::string>(), "initial");
    catalogue.formal_deadline = parse_iso_date(root.at("deadlines").at("formal").get<std::string>(), "formal");
  } catch (const nlohmann::json::exception& error) {
    fail(error.what());
  }
  if (catalogue.units.empty()) fail("no units");
  return catalogue;
}

const UnitCatalogue& unit_catalogue() {
  static const UnitCatalogue catalogue = parse_unit_catalogue(embedded_units_json);
  return catalogue;
}

std::optional<std::string> match_recommender(std::string_view raw_text) {
  static const std::vector<MatchKey> keys = match_keys(unit_catalogue());
  const std::u32string text = matching_form(raw_text);
  if (text.empty()) return std::nullopt;

  std::vector<Occurrence> found;
  for (const MatchKey& key : keys) {
    for (std::size_t at = text.find(key.text); at != std::u32string::npos; at = text.find(key.text, at + 1)) {
      const std::size_t end = at + key.text.size();
      if (key.bare_place && followed_by_place_word(text, end)) continue;
      found.push_back({at, end, key.unit});
    }
  }
  // A match inside a longer match is part of that longer name (省财政厅 inside 辽宁省财政厅), not a second unit.
  const auto inside_longer = [&](const Occurrence& o) {
    return std::any_of(found.begin(), found.end(), [&](const Occurrence& other) {
      return other.begin <= o.begin && o.end <= other.end && other.end - other.begin > o.end - o.begin;
    });
  };
  const Unit* named = nullptr;
  for (const Occurrence& o : found) {
    if (inside_longer(o)) continue;
    if (named != nullptr && named != o.unit) return std::nullopt;  // two units named: the caller must decide
    named = o.unit;
  }
  if (named == nullptr) return std::nullopt;
  return named->name;
}

int allowed_quota(const Unit& unit, NomineeKind kind) {
  if (unit.kind == UnitKind::provincial)
    return kind == NomineeKind::collective ? 1 : 2;  // 原则上 1 个集体, 1 至 2 名个人
  const int allocation = kind == NomineeKind::collective ? unit.quota.collective : unit.quota.individual;
  // allocation × 1.2 rounded half up, in integers: ⌊(12 × allocation + 5) / 10⌋.
  return (allocation * 12 + 5) / 10;
}

}  // namespace intake
