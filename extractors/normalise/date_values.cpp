#include "extractors/normalise/date_values.h"

#include <algorithm>
#include <cstdio>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/text_values.h"
#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

constexpr int earliest_year = 1900;
constexpr int latest_year_month = 2030;  // birth and first-job dates: nothing later is plausible
constexpr int latest_date_year = 2100;

struct DateShape {
  int year = 0;
  std::size_t year_digits = 4;
  int month = 0;
  int day = 0;  // 0 when the text gives only a year and month
};

int to_int(std::u32string_view digits) {
  int value = 0;
  for (const char32_t c : digits) value = value * 10 + static_cast<int>(c - U'0');
  return value;
}

bool is_ascii_separator(char32_t c) { return c == U'.' || c == U'-' || c == U'/'; }

// The printed shape, without judging whether the date exists. `text` has no spaces and ASCII digits only.
std::optional<DateShape> parse_shape(std::u32string_view text) {
  std::vector<std::u32string_view> numbers;
  std::u32string separators;  // the character after each number, 0 at the end of the text
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_digit(text[i]) || numbers.size() == 3) return std::nullopt;
    std::size_t end = i;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    if (end - i > 8) return std::nullopt;
    numbers.push_back(text.substr(i, end - i));
    separators.push_back(end < text.size() ? text[end] : U'\0');
    i = end + 1;
  }
  if (numbers.empty()) return std::nullopt;

  DateShape shape;
  if (numbers.size() == 1) {  // 198503, 20260108
    const std::u32string_view digits = numbers[0];
    if (separators[0] != U'\0' || (digits.size() != 6 && digits.size() != 8)) return std::nullopt;
    shape.year = to_int(digits.substr(0, 4));
    shape.month = to_int(digits.substr(4, 2));
    if (digits.size() == 8) shape.day = to_int(digits.substr(6, 2));
    return shape;
  }

  const char32_t first = separators[0];
  const char32_t last = separators.back();
  const bool has_day = numbers.size() == 3;
  if (first == U'年') {
    if (has_day && separators[1] != U'月') return std::nullopt;
    const bool last_ok = has_day ? (last == U'日' || last == U'号' || last == U'\0') : (last == U'月' || last == U'\0');
    if (!last_ok) return std::nullopt;
  } else if (is_ascii_separator(first)) {
    if (has_day && separators[1] != first) return std::nullopt;
    if (last != U'\0' && !(last == U'.' && first == U'.')) return std::nullopt;  // 2026.1.8. ends a sentence
  } else {
    return std::nullopt;
  }
  const std::size_t year_digits = numbers[0].size();
  if (year_digits != 4 && year_digits != 2) return std::nullopt;
  if (numbers[1].size() > 2 || (has_day && numbers[2].size() > 2)) return std::nullopt;
  shape.year_digits = year_digits;
  shape.year = to_int(numbers[0]);
  shape.month = to_int(numbers[1]);
  if (has_day) shape.day = to_int(numbers[2]);
  return shape;
}

// Spaces removed and Chinese numerals read, so that 二〇二六 年 一 月 parses like 2026年1月.
std::u32string prepare(std::u32string_view text) {
  std::u32string compact;
  for (const char32_t c : text)
    if (!is_space(c)) compact.push_back(c);
  return utf8_decode(chinese_numerals_to_digits(utf8_encode(compact)));
}

std::u32string prepare(std::string_view raw) { return prepare(compact_text(raw, Fold::everything)); }

std::string two_digits(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

std::string printed(const DateShape& s) {
  return std::to_string(s.year) + "-" + two_digits(s.month) + (s.day != 0 ? "-" + two_digits(s.day) : "");
}

std::chrono::year_month_day to_ymd(const DateShape& s) {
  return std::chrono::year_month_day{std::chrono::year{s.year}, std::chrono::month{static_cast<unsigned>(s.month)},
                                     std::chrono::day{static_cast<unsigned>(s.day)}};
}

// Why the shape is not a real date in [earliest_year, latest_year], or empty when it is one.
std::string problem(const DateShape& s, int latest_year) {
  if (s.year < earliest_year || s.year > latest_year)
    return "year " + std::to_string(s.year) + " outside " + std::to_string(earliest_year) + "–" +
           std::to_string(latest_year);
  if (s.month < 1 || s.month > 12) return "no month " + std::to_string(s.month);
  if (s.day != 0 && !to_ymd(s).ok()) return "no such date " + printed(s);
  return {};
}

}  // namespace

std::string iso_date(std::chrono::year_month_day date) {
  return std::to_string(static_cast<int>(date.year())) + "-" + two_digits(static_cast<int>(unsigned{date.month()})) +
         "-" + two_digits(static_cast<int>(unsigned{date.day()}));
}

std::optional<DateMention> read_date(std::u32string_view text) {
  const std::u32string prepared = prepare(text);
  // Inside other text a bare run of 8 digits is more often a phone or file number than a date.
  if (std::all_of(prepared.begin(), prepared.end(), is_ascii_digit)) return std::nullopt;
  const auto shape = parse_shape(prepared);
  if (!shape || shape->day == 0 || shape->year_digits != 4) return std::nullopt;
  DateMention mention{0, text.size(), std::nullopt, problem(*shape, latest_date_year)};
  if (mention.note.empty()) mention.date = to_ymd(*shape);
  return mention;
}

std::vector<DateMention> find_dates(std::u32string_view text) {
  // A date starts where a number starts and is at most this long: 二〇二六 年 十二 月 三十一 日 with spaces.
  constexpr std::size_t longest_date = 24;
  const auto numeral = [](char32_t c) { return is_ascii_digit(c) || is_chinese_numeral(c); };
  std::vector<DateMention> found;
  std::size_t start = 0;
  while (start < text.size()) {
    const bool begins_number = numeral(text[start]) && (start == 0 || !numeral(text[start - 1]));
    if (!begins_number) {
      ++start;
      continue;
    }
    std::optional<DateMention> best;
    const std::size_t limit = std::min(text.size(), start + longest_date);
    for (std::size_t end = limit; end > start && !best; --end) {
      // Only spans that end on a number or a day mark, so 2026年1月8日 is not also read as 2026年1月8.
      const char32_t tail = text[end - 1];
      if (!(numeral(tail) || tail == U'日' || tail == U'号')) continue;
      if (end < text.size() && numeral(tail) && numeral(text[end])) continue;
      best = read_date(text.substr(start, end - start));
      if (best) best->begin = start, best->end = end;
    }
    if (best) {
      start = best->end;
      found.push_back(std::move(*best));
    } else {
      ++start;
    }
  }
  return found;
}

Normalised normalise_year_month(std::string_view raw) {
  std::u32string text = prepare(raw);
  if (text.empty()) return missing_value();
  for (const std::u32string_view suffix : {std::u32string_view{U"出生"}, std::u32string_view{U"生"}})
    if (text.size() > suffix.size() && text.ends_with(suffix)) text.resize(text.size() - suffix.size());
  const auto shape = parse_shape(text);
  if (!shape) return invalid_value("not a year and month");
  if (shape->year_digits == 2) return review_value(nullptr, unrecognised_factor, "two-digit year: century unknown");
  if (const std::string why = problem(*shape, latest_year_month); !why.empty()) return invalid_value(why);
  return ok_value(std::to_string(shape->year) + "-" + two_digits(shape->month));
}

Normalised normalise_date(std::string_view raw) {
  const std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  if (const auto shape = parse_shape(prepare(text))) {
    if (shape->year_digits == 2) return review_value(nullptr, unrecognised_factor, "two-digit year: century unknown");
    if (shape->day == 0) return invalid_value("a year and month without a day");
    if (const std::string why = problem(*shape, latest_date_year); !why.empty()) return invalid_value(why);
    return ok_value(printed(*shape));
  }
  const std::vector<DateMention> mentions = find_dates(text);
  if (mentions.empty()) return invalid_value("no date in the text");
  if (mentions.size() > 1) return review_value(nullptr, unrecognised_factor, "several dates in the text");
  if (!mentions[0].date) return invalid_value(mentions[0].note);
  return review_value(iso_date(*mentions[0].date), found_in_text_factor, "date found inside other text");
}

std::optional<std::chrono::year_month_day> date_from_digit_runs(std::string_view line) {
  // Spaces gone and full-width digits folded, as every date here is read.
  const std::u32string text = prepare(line);
  std::vector<std::u32string> runs;
  std::vector<std::size_t> gaps;  // characters between run i and run i + 1
  std::size_t gap = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_ascii_digit(text[i])) {
      if (i == 0 || !is_ascii_digit(text[i - 1])) {
        if (!runs.empty()) gaps.push_back(gap);
        runs.emplace_back();
        if (runs.size() == 1 && i != 0) return std::nullopt;  // something before the year
      }
      runs.back().push_back(text[i]);
      gap = 0;
    } else {
      ++gap;
    }
  }
  if (runs.size() != 3 || runs[0].size() != 4 || runs[1].size() > 2 || runs[2].size() > 2) return std::nullopt;
  for (const std::size_t between : gaps)
    if (between < 1 || between > 2) return std::nullopt;
  // After the day: its mark (日 or a misread of it) and a full stop at most.
  if (gap > 2) return std::nullopt;
  auto number = [](const std::u32string& run) {
    int value = 0;
    for (const char32_t c : run) value = value * 10 + static_cast<int>(c - U'0');
    return value;
  };
  const int year = number(runs[0]);
  if (year < 1900 || year > 2100) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(number(runs[1]))},
                                         std::chrono::day{static_cast<unsigned>(number(runs[2]))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<std::chrono::year_month_day> date_with_lost_chinese_zero(std::string_view line) {
  std::u32string text;
  for (const char32_t c : utf8_decode(line))
    if (!is_space(c)) text.push_back(c);
  const std::size_t year = text.find(U'年');
  if (year == std::u32string::npos || year < 3 || year > 4) return std::nullopt;
  const std::u32string_view digits = std::u32string_view(text).substr(year - 2, 2);
  const bool ends_2x = digits[0] == U'二' && is_chinese_numeral(digits[1]) && !is_chinese_numeral_unit(digits[1]);
  const bool lost = year == 3 && text[0] == U'二';
  const bool foreign = year == 4 && text[0] == U'二' && !is_chinese_numeral(text[1]) && text[1] != U'O';
  if (!ends_2x || !(lost || foreign)) return std::nullopt;
  const std::u32string repaired = U"二〇" + text.substr(year - 2);
  const auto mention = read_date(repaired);
  if (!mention || !mention->date) return std::nullopt;
  return mention->date;
}

}  // namespace intake
