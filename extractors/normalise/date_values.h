#pragma once
// Dates and year-months as printed (FORMS.md: date, year_month): 2026年1月8日, 2026.1.8, 2026-01-08, 2026/1/8,
// 20260108, 2026年1月8号, 二〇二六年一月八日, 二○二六年元月八日; 1985.03, 1985.3, 1985年3月, 1985-03, 1985/03,
// 198503. Spaces anywhere are ignored; separators must be used consistently (年月日 or one of . - /).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/normalise/normalised.h"

namespace intake {

// → "YYYY-MM". A full date is accepted (出生日期 1985年3月15日) and must exist. Year 1900–2030 and month 1–12, else
// invalid; a two-digit year (85.03) is ambiguous and asks for review.
Normalised normalise_year_month(std::string_view raw);

// → "YYYY-MM-DD", year 1900–2100; a date that does not exist (2026年2月30日) is invalid. When the text is not just a
// date but holds exactly one (填报日期：2026年1月8日), that date is the value, for review.
Normalised normalise_date(std::string_view raw);

// A full date (year, month and day) found inside longer text.
struct DateMention {
  std::size_t begin = 0;  // code point offsets into the searched text, [begin, end)
  std::size_t end = 0;
  std::optional<std::chrono::year_month_day> date;  // nullopt when the printed date does not exist
  std::string note;                                 // why date is nullopt
};

// Every full date printed in `text`, in order, in any of the forms above (Chinese numerals included).
std::vector<DateMention> find_dates(std::u32string_view text);

// Reads exactly one full date written with 年月日 or separators (no other text; spaces and Chinese numerals
// allowed); nullopt when it is not one. Impossible dates give a mention without a date.
std::optional<DateMention> read_date(std::u32string_view text);

std::string iso_date(std::chrono::year_month_day date);  // YYYY-MM-DD

// A line already known to be a filled-in date line whose marks OCR misread under a seal (2025午12月15日,
// 2025年12日30日): exactly three runs of Arabic digits — a year 1900–2100, a month, a day — each pair parted by one
// or two other characters, nothing else but spaces and a final 日 or full stop. The date must exist. Digits are not
// guessed: any other shape (20?2年1月12日) gives nullopt.
std::optional<std::chrono::year_month_day> date_from_digit_runs(std::string_view line);

// A Chinese-numeral date line whose 〇 the seal took (二二五年十二月十五日) or turned into another character
// (二门二五年…, 二个二五年…): a year of 二, one lost or foreign character, 二 and a numeral is 202X; the rest must
// read as a date as it stands. Only that one character is ever supplied.
std::optional<std::chrono::year_month_day> date_with_lost_chinese_zero(std::string_view line);

}  // namespace intake
