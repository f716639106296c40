#include "extractors/normalise/hidden_date.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/date_values.h"
#include "models/unit_model.h"
#include "models/utf8.h"

namespace intake {
namespace {

using std::chrono::year_month_day;

// A hidden run is a glyph or two under the star, or a year's digits gone with the lettering they touch: four
// characters at most (2026, 1月05).
constexpr std::size_t longest_hidden_run = 4;
constexpr int most_hidden_runs = 2;
constexpr std::size_t least_characters_seen = 4;
// Without a mark, a year and more: 2026 06 is 2026年[01月]06日, where four digits alone are any year.
constexpr long least_numerals_without_mark = 6;

bool is_mark(char32_t c) { return c == U'年' || c == U'月' || c == U'日'; }
bool is_numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"〇一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// The read's date characters, with the zero's lookalikes as 〇.
std::u32string date_characters(std::string_view read) {
  std::u32string kept;
  for (char32_t c : utf8_decode(read)) {
    if (c == U'○' || c == U'◯' || c == U'零') c = U'〇';
    if (is_mark(c) || is_numeral(c)) kept.push_back(c);
  }
  return kept;
}

// How a date is printed on the forms: Arabic, with a two-digit month and day or day alone, Chinese numerals.
std::vector<std::u32string> printed_forms(const year_month_day& date) {
  const int year = static_cast<int>(date.year());
  const unsigned month = static_cast<unsigned>(date.month());
  const unsigned day = static_cast<unsigned>(date.day());
  static constexpr std::u32string_view year_digits = U"〇一二三四五六七八九";  // a year is read digit by digit
  std::u32string chinese_year;
  for (char digit : std::to_string(year)) chinese_year.push_back(year_digits[static_cast<std::size_t>(digit - '0')]);
  return {utf8_decode(fmt::format("{}年{}月{}日", year, month, day)),
          utf8_decode(fmt::format("{}年{:02}月{:02}日", year, month, day)),
          utf8_decode(fmt::format("{}年{}月{:02}日", year, month, day)),
          chinese_year + utf8_decode("年" + chinese_numeral(static_cast<int>(month)) + "月" +
                                     chinese_numeral(static_cast<int>(day)) + "日")};
}

// Whether `seen` is `printed` with runs of 1–4 characters taken out: at most two inside the date, and one at
// either end besides (the ends lie on the ring, where digits and 日 go with the lettering they touch). A run is
// followed by a kept character or the end, so two adjacent runs never pass for one longer run.
bool seen_with_runs_hidden(std::u32string_view seen, std::u32string_view printed, int inner_runs) {
  if (seen.empty()) return printed.size() <= longest_hidden_run;  // the last run, at the end
  if (printed.empty()) return false;
  if (seen.front() == printed.front() && seen_with_runs_hidden(seen.substr(1), printed.substr(1), inner_runs))
    return true;
  if (inner_runs == 0) return false;
  for (std::size_t length = 1; length <= longest_hidden_run && length < printed.size(); ++length)
    if (printed[length] == seen.front() &&
        seen_with_runs_hidden(seen.substr(1), printed.substr(length + 1), inner_runs - 1))
      return true;
  return false;
}

bool seen_in(std::u32string_view seen, std::u32string_view printed) {
  for (std::size_t lead = 0; lead <= longest_hidden_run && lead < printed.size(); ++lead)
    if (seen_with_runs_hidden(seen, printed.substr(lead), most_hidden_runs)) return true;
  return false;
}

// Whether the date characters `seen` could be the visible part of a date (see holds_date_part below).
bool holds_date_part(std::u32string_view seen) {
  const auto numerals = std::count_if(seen.begin(), seen.end(), is_numeral);
  const bool mark = std::any_of(seen.begin(), seen.end(), is_mark);
  return seen.size() >= least_characters_seen && numerals > 0 && (mark || numerals >= least_numerals_without_mark);
}

}  // namespace

DateWindow campaign_window() {
  const UnitCatalogue& catalogue = unit_catalogue();
  return {catalogue.notice_date, catalogue.formal_deadline};
}

bool holds_date_part(std::string_view read) { return holds_date_part(date_characters(read)); }

bool reads_as_date(std::string_view read) {
  return normalise_date(read).value.is_string() || date_under_seal(read, campaign_window()).has_value();
}

std::optional<year_month_day> date_under_seal(std::string_view read, const DateWindow& window) {
  const std::u32string seen = date_characters(read);
  if (!holds_date_part(seen)) return std::nullopt;
  std::optional<year_month_day> found;
  const std::chrono::sys_days last{window.last};
  for (std::chrono::sys_days day{window.first}; day <= last; day += std::chrono::days{1}) {
    const year_month_day date{day};
    bool fits = false;
    for (const std::u32string& printed : printed_forms(date))
      fits = fits || seen_in(seen, printed);
    if (!fits) continue;
    if (found) return std::nullopt;  // two days of the campaign read alike: the hidden part decides, and is hidden
    found = date;
  }
  return found;
}

}  // namespace intake
