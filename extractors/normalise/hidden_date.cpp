#include "extractors/normalise/hidden_date.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/date_values.h"
#include "models/char_class.h"
#include "models/full_width.h"
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
  return is_ascii_digit(c) || std::u32string_view(U"〇一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// Where the read has a gap or other marks between two date characters: a glyph hidden there leaves one.
constexpr char32_t gap = U' ';

// The read's date characters, with the zero's lookalikes as 〇; with `gaps`, a gap between two of them wherever the
// read has anything else (a space, the star read as a sign or a character).
std::u32string date_characters(std::string_view read, bool gaps = false) {
  std::u32string kept;
  bool apart = false;
  for (char32_t c : utf8_decode(read)) {
    if (c == U'○' || c == U'◯' || c == U'零') c = U'〇';
    if (is_mark(c) || is_numeral(c)) {
      if (gaps && apart && !kept.empty()) kept.push_back(gap);
      kept.push_back(c);
      apart = false;
    } else {
      apart = true;
    }
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
// followed by a kept character or the end, so two adjacent runs never pass for one longer run. When `seen` holds
// gaps (date_characters), a run inside the date must lie at one; gaps elsewhere are spacing.
bool seen_with_runs_hidden(std::u32string_view seen, std::u32string_view printed, int inner_runs, bool gaps) {
  const bool at_gap = !seen.empty() && seen.front() == gap;
  if (at_gap) seen.remove_prefix(1);
  if (seen.empty()) return printed.size() <= longest_hidden_run;  // the last run, at the end
  if (printed.empty()) return false;
  if (seen.front() == printed.front() &&
      seen_with_runs_hidden(seen.substr(1), printed.substr(1), inner_runs, gaps))
    return true;
  if (inner_runs == 0 || (gaps && !at_gap)) return false;
  for (std::size_t length = 1; length <= longest_hidden_run && length < printed.size(); ++length)
    if (printed[length] == seen.front() &&
        seen_with_runs_hidden(seen.substr(1), printed.substr(length + 1), inner_runs - 1, gaps))
      return true;
  return false;
}

// With `gaps`, `seen` holds them (date_characters) and the hidden runs inside the date lie at them.
bool seen_in(std::u32string_view seen, std::u32string_view printed, bool gaps) {
  for (std::size_t lead = 0; lead <= longest_hidden_run && lead < printed.size(); ++lead)
    if (seen_with_runs_hidden(seen, printed.substr(lead), most_hidden_runs, gaps)) return true;
  return false;
}

// Whether the date characters `seen` could be the visible part of a date (see holds_date_part below).
bool holds_date_part(std::u32string_view seen) {
  const auto numerals = std::count_if(seen.begin(), seen.end(), is_numeral);
  const bool mark = std::any_of(seen.begin(), seen.end(), is_mark);
  return seen.size() >= least_characters_seen && numerals > 0 && (mark || numerals >= least_numerals_without_mark);
}

// Nearest-day costs, in wrong characters: a hidden character or a speck read as one is half a wrong one, and a
// lookalike read for a digit or numeral a third.
constexpr double gap_cost = 0.5;
constexpr double lookalike_cost = 1.0 / 3;
constexpr double least_lead = 1;  // over the next nearest day
constexpr double most_cost_per_char = 1.0 / 3;  // of the day's printed length
// The read nearest the day shows at least half of it: 二二九日二 is no evidence for 二〇二六年一月九日.
constexpr double least_shown_share = 0.5;
// A line of words: this many Chinese characters that are no date's, and more of them than of date characters.
constexpr std::size_t least_words = 5;

// What a read character may stand for in a printed date besides itself: the Latin letters and signs OCR gives for
// digits and Chinese numerals blurred by a seal.
std::u32string_view lookalike_of(char32_t c) {
  switch (c) {
    case U'I': case U'l': case U'|': case U'!': case U'i': case U']': case U'[': return U"1";
    case U'O': case U'o': case U'D': case U'Q': case U'○': case U'◯': case U'零': case U'口': return U"0〇";
    case U'Z': case U'z': return U"2";
    case U'S': case U's': return U"5";
    case U'B': return U"8";
    case U'G': case U'b': return U"6";
    case U'g': case U'q': return U"9";
    case U'A': return U"4";
    case U'T': return U"7";
    case U'-': case U'_': case U'—': case U'~': return U"一";
    case U'=': return U"二";
    case U'+': return U"十";
    default: return U"";
  }
}

// The characters of a read that count for the nearest day: all but spaces and punctuation other than the
// lookalikes (specks read as ”. are not glyphs).
std::u32string nearest_day_characters(std::string_view read) {
  std::u32string kept;
  for (const char32_t c : utf8_decode(fold_full_width(read))) {
    if (is_ascii_letter(c) || is_han(c) || is_numeral(c) || !lookalike_of(c).empty()) kept.push_back(c);
  }
  return kept;
}

double substitution_cost(char32_t seen, char32_t printed) {
  if (seen == printed) return 0;
  return lookalike_of(seen).find(printed) != std::u32string_view::npos ? lookalike_cost : 1;
}

// How far a read is from a printed date (see nearest_campaign_day), and how many of the printed characters the
// read shows along the way (itself or a lookalike).
struct Distance {
  double cost = 0;
  int shown = 0;
  bool operator<(const Distance& other) const {
    return cost != other.cost ? cost < other.cost : shown > other.shown;
  }
};

Distance distance_from(std::u32string_view seen, std::u32string_view printed) {
  std::vector<Distance> row(printed.size() + 1), next(printed.size() + 1);
  for (std::size_t j = 0; j <= printed.size(); ++j) row[j] = {gap_cost * static_cast<double>(j), 0};
  for (std::size_t i = 1; i <= seen.size(); ++i) {
    next[0] = {gap_cost * static_cast<double>(i), 0};
    for (std::size_t j = 1; j <= printed.size(); ++j) {
      const double substitution = substitution_cost(seen[i - 1], printed[j - 1]);
      const Distance aligned{row[j - 1].cost + substitution, row[j - 1].shown + (substitution < 1 ? 1 : 0)};
      next[j] = std::min({Distance{row[j].cost + gap_cost, row[j].shown},
                          Distance{next[j - 1].cost + gap_cost, next[j - 1].shown}, aligned});
    }
    std::swap(row, next);
  }
  return row[printed.size()];
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
  const std::u32string seen_with_gaps = date_characters(read, true);
  std::vector<year_month_day> fitting, fitting_at_gaps;
  const std::chrono::sys_days last{window.last};
  for (std::chrono::sys_days day{window.first}; day <= last; day += std::chrono::days{1}) {
    const year_month_day date{day};
    const std::vector<std::u32string> forms = printed_forms(date);
    const auto fits = [&](const std::u32string& characters, bool gaps) {
      return std::any_of(forms.begin(), forms.end(),
                         [&](const std::u32string& printed) { return seen_in(characters, printed, gaps); });
    };
    if (!fits(seen, false)) continue;
    fitting.push_back(date);
    if (fits(seen_with_gaps, true)) fitting_at_gaps.push_back(date);
  }
  if (fitting.size() == 1) return fitting.front();
  // Two days of the campaign read alike (2026 12日: 2026年1月12日 or 2026年1月2日) unless the read shows where the
  // glyphs went: OCR leaves a gap where the star hid one. Only the first has its hidden runs at the read's gap.
  if (fitting_at_gaps.size() == 1) return fitting_at_gaps.front();
  return std::nullopt;
}

bool reads_as_words(std::string_view read) {
  const std::u32string text = utf8_decode(read);
  const auto words = std::count_if(text.begin(), text.end(), [](char32_t c) {
    return is_han(c) && !is_mark(c) && !is_numeral(c);
  });
  return static_cast<std::size_t>(words) >= least_words &&
         static_cast<std::size_t>(words) > date_characters(read).size();
}

std::optional<year_month_day> nearest_campaign_day(const std::vector<std::string>& reads, const DateWindow& window) {
  std::vector<std::u32string> seen;
  for (const std::string& read : reads)
    if (holds_date_part(read)) seen.push_back(nearest_day_characters(read));
  if (seen.empty()) return std::nullopt;
  // Each day by its mean distance from the reads, so that one junk read near a day by chance (2022323 for
  // 2025年12月31日: near 12月23日) does not outweigh the others, while two reads of one image count no more than
  // one; and by its distance from the read nearest it.
  struct Candidate {
    year_month_day date;
    double mean = std::numeric_limits<double>::infinity();
    Distance nearest{std::numeric_limits<double>::infinity(), 0};
    double length = 0;
  };
  std::vector<Candidate> days;
  const std::chrono::sys_days last{window.last};
  for (std::chrono::sys_days day{window.first}; day <= last; day += std::chrono::days{1}) {
    Candidate candidate{year_month_day{day}};
    for (const std::u32string& printed : printed_forms(candidate.date)) {
      double total = 0;
      Distance nearest{std::numeric_limits<double>::infinity(), 0};
      for (const std::u32string& read : seen) {
        const Distance distance = distance_from(read, printed);
        total += distance.cost;
        nearest = std::min(nearest, distance);
      }
      const double mean = total / static_cast<double>(seen.size());
      if (mean < candidate.mean)
        candidate.mean = mean, candidate.nearest = nearest, candidate.length = static_cast<double>(printed.size());
    }
    days.push_back(candidate);
  }
  if (days.size() < 2) return std::nullopt;
  std::partial_sort(days.begin(), days.begin() + 2, days.end(),
                    [](const Candidate& a, const Candidate& b) { return a.mean < b.mean; });
  const Candidate& best = days[0];
  const bool near = best.nearest.cost <= most_cost_per_char * best.length &&
                    best.nearest.shown >= least_shown_share * best.length;
  if (days[1].mean - best.mean < least_lead || !near) return std::nullopt;
  return best.date;
}

}  // namespace intake
