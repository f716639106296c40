#include "extractors/normalise/place_names.h"

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/embedded_models.h"
#include "models/utf8.h"

namespace intake {
namespace {

// 喀喇沁左翼蒙古族自治县 is the longest: ten characters and its suffix.
constexpr std::size_t longest_place = 11;
// A name that begins with an unknown X市/县/区 this short is a misread place; a longer run before the first 市/县/区
// is a body's name (国家税务总局朝阳市…), checked only for a known place at its end.
constexpr std::size_t longest_checked_start = 5;

bool is_place_suffix(char32_t c) { return c == U'市' || c == U'县' || c == U'区'; }

struct Places {
  std::vector<std::u32string> names;
  std::vector<std::string> utf8;
  std::vector<std::u32string> cities;  // 朝阳市 …: the places a unit's name most often begins with
  std::vector<std::vector<std::u32string>> districts;  // of each city, in order
};

const Places& places() {
  static const Places loaded = [] {
    Places all;
    const auto root = nlohmann::json::parse(embedded_places_json);
    all.utf8.push_back(root.at("province").get<std::string>());
    for (const auto& [city, districts] : root.at("cities").items()) {
      all.utf8.push_back(city);
      all.cities.push_back(utf8_decode(city));
      all.districts.emplace_back();
      for (const auto& district : districts) {
        all.utf8.push_back(district.get<std::string>());
        all.districts.back().push_back(utf8_decode(district.get<std::string>()));
      }
    }
    for (const auto& zone : root.at("zones")) all.utf8.push_back(zone.get<std::string>());
    // 铁西区 is a district of two cities: each name once.
    std::sort(all.utf8.begin(), all.utf8.end());
    all.utf8.erase(std::unique(all.utf8.begin(), all.utf8.end()), all.utf8.end());
    for (const std::string& name : all.utf8) all.names.push_back(utf8_decode(name));
    return all;
  }();
  return loaded;
}

bool is_known(std::u32string_view name) {
  const auto& names = places().names;
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool ends_with_known(std::u32string_view run) {
  return std::any_of(places().names.begin(), places().names.end(), [&](const std::u32string& name) {
    return run.size() > name.size() && run.substr(run.size() - name.size()) == name;
  });
}

// The one known place of the same length one character away: an OCR misread keeps the length.
std::optional<std::u32string> near_place(std::u32string_view run) {
  std::optional<std::u32string> found;
  for (const std::u32string& name : places().names) {
    if (name.size() != run.size() || edit_distance(name, run) != 1) continue;
    if (found) return std::nullopt;
    found = name;
  }
  return found;
}

// The run from `from` to the first 市/县/区 after it, or nullopt when none comes within a place's length.
std::optional<std::size_t> place_end(const std::u32string& text, std::size_t from) {
  for (std::size_t i = from + 1; i < text.size() && i < from + longest_place; ++i)
    if (is_place_suffix(text[i])) return i + 1;
  return std::nullopt;
}

// After a known place, a known district or county whose suffix was misread (阜新市彰武具人民政府 for 彰武县): its
// stem followed by a character that is no place suffix, nor a word streets are named with (和平路 is a street of
// 和平区). Not corrected, since the stem alone does not prove a place: the caller sends it to review.
std::optional<std::u32string> misread_suffix_after(const std::u32string& text, std::size_t at) {
  constexpr std::u32string_view street_words = U"路街道巷里村镇乡大小胡弄号";
  for (const std::u32string& name : places().names) {
    if (name.size() < 3 || at + name.size() > text.size() || !is_place_suffix(name.back())) continue;
    const std::u32string_view stem(name.data(), name.size() - 1);
    const char32_t after = text[at + stem.size()];
    if (std::u32string_view(text).substr(at, stem.size()) != stem || is_place_suffix(after) ||
        street_words.find(after) != std::u32string_view::npos)
      continue;
    return text.substr(at, name.size());
  }
  return std::nullopt;
}

// A district of `city` (an index into places().cities) that `run` is, or is one character from; nullopt when none
// or several.
std::optional<std::u32string> district_of(std::size_t city, std::u32string_view run) {
  std::optional<std::u32string> found;
  for (const std::u32string& district : places().districts[city]) {
    if (district.size() != run.size() || edit_distance(district, run) > 1) continue;
    if (district == run) return district;
    if (found) return std::nullopt;
    found = district;
  }
  return found;
}

struct MisreadCity {
  std::u32string read;      // city and district as read
  std::u32string city;      // the city whose stem it begins with
  std::u32string district;  // the city's own district it is, or is one character from; else empty
};

// A city whose 市 was misread, followed by a district (抚顺店硕城区 for 抚顺市顺城区): the stem of a known city, one
// character, then a district or one a character away from one. Names that begin with a city's stem without its 市
// (抚顺石化公司, 沈阳海关) have no district after it. When the district is (one character from) one of that city's
// own, the two together are the place meant.
std::optional<MisreadCity> misread_city_suffix(const std::u32string& text, std::size_t at) {
  for (std::size_t index = 0; index < places().cities.size(); ++index) {
    const std::u32string& city = places().cities[index];
    const std::u32string_view stem(city.data(), city.size() - 1);
    if (city.back() != U'市' || std::u32string_view(text).substr(at, stem.size()) != stem) continue;
    const std::size_t district_at = at + city.size();
    const auto end = place_end(text, district_at);
    if (!end) continue;
    const std::u32string_view district = std::u32string_view(text).substr(district_at, *end - district_at);
    const bool near_a_place = std::any_of(places().names.begin(), places().names.end(), [&](const std::u32string& name) {
      return name.size() == district.size() && edit_distance(name, district) <= 1;
    });
    if (district.size() < 2 || !near_a_place) continue;
    return MisreadCity{text.substr(at, *end - at), city, district_of(index, district).value_or(U"")};
  }
  return std::nullopt;
}

// The city a misread first place (户阳市) one character from several (朝阳市, 沈阳市, 辽阳市) is, by the district that
// follows it (双塔区): the one of them that district is one of. The district must be read right: 辽阳市 has a 白塔区,
// one character from 双塔区.
std::optional<std::u32string> city_by_its_district(std::u32string_view run, std::u32string_view next) {
  std::optional<std::u32string> found;
  for (std::size_t index = 0; index < places().cities.size(); ++index) {
    const std::u32string& city = places().cities[index];
    const auto& districts = places().districts[index];
    if (city.size() != run.size() || edit_distance(city, run) != 1 ||
        std::find(districts.begin(), districts.end(), next) == districts.end())
      continue;
    if (found) return std::nullopt;
    found = city;
  }
  return found;
}

}  // namespace

const std::vector<std::string>& known_places() { return places().utf8; }

PlaceCheck check_leading_places(std::string_view raw) {
  std::u32string text;
  for (const char32_t c : utf8_decode(raw))
    if (!is_space(c)) text.push_back(c);
  PlaceCheck check;
  std::size_t at = 0;
  for (const std::u32string_view province : {std::u32string_view(U"辽宁省"), std::u32string_view(U"辽宁")})
    if (text.compare(0, province.size(), province) == 0) {
      at = province.size();
      break;
    }
  // The first place, then the districts that follow it (朝阳市双塔区): a later run is only taken when it is a
  // place or one character from one, since ordinary words end in 市 and 区 too (市场, 社区).
  for (bool first = true;; first = false) {
    const auto end = place_end(text, at);
    if (!end) break;
    const std::u32string_view run = std::u32string_view(text).substr(at, *end - at);
    if (first && !is_known(run))
      if (const auto misread = misread_city_suffix(text, at)) {
        check.read = utf8_encode(misread->read);
        if (misread->district.empty()) {
          check.verdict = PlaceVerdict::unknown;
          break;
        }
        const std::u32string meant = misread->city + misread->district;
        check.verdict = PlaceVerdict::snapped;
        check.snapped = utf8_encode(meant);
        check.why = "its city's stem and one of that city's districts";
        text.replace(at, misread->read.size(), meant);
        at += meant.size();
        continue;
      }
    if (is_known(run) || (first && ends_with_known(run))) {
      check.verdict = check.verdict == PlaceVerdict::no_place ? PlaceVerdict::known : check.verdict;
      at = *end;
      continue;
    }
    if (run.size() > longest_checked_start) break;
    auto near = near_place(run);
    std::string why = "one character away";
    if (!near && first)
      if (const auto next_end = place_end(text, *end)) {
        near = city_by_its_district(run, std::u32string_view(text).substr(*end, *next_end - *end));
        why = "one character away, and what follows is one of its districts";
      }
    if (near) {
      check.verdict = PlaceVerdict::snapped;
      check.read = utf8_encode(run);
      check.snapped = utf8_encode(*near);
      check.why = why;
      text.replace(at, run.size(), *near);
      at += near->size();
      continue;
    }
    // After a known city, X区 or X县 of three to five characters is a district, whatever follows (社区 and 市场
    // are shorter or end otherwise): one that is no district and near none is misread beyond snapping.
    const bool district = !first && run.size() >= 3 && (run.back() == U'区' || run.back() == U'县');
    if (first || district) {
      check.verdict = PlaceVerdict::unknown;
      check.read = utf8_encode(run);
    }
    break;
  }
  if (check.verdict == PlaceVerdict::known)
    if (const auto misread = misread_suffix_after(text, at)) {
      check.verdict = PlaceVerdict::unknown;
      check.read = utf8_encode(*misread);
    }
  check.text = check.verdict == PlaceVerdict::snapped ? utf8_encode(text) : std::string(raw);
  return check;
}

}  // namespace intake
