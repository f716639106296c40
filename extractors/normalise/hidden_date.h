#pragma once
// A date line that a seal stamped over it hid in part. On grey and 1-bit scans the seal is as dark as the date: its
// star covers a glyph or two (2026年[★]5日) and the digits that touch its lettering go with the lettering. What is left
// is read, and the date is the one day of the campaign that the read is, with a few short runs of its characters
// hidden. The caller sends such a date to review: the hidden part is inferred from the campaign, not seen.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intake {

// The note of a value completed by date_under_seal.
inline constexpr std::string_view hidden_date_note =
    "part of the date is hidden under the seal: the one day of the campaign it can be";
// The note of a value chosen by nearest_campaign_day.
inline constexpr std::string_view nearest_date_note =
    "the date is blurred by the seal: the day of the campaign its reads come nearest to";

struct DateWindow {
  std::chrono::year_month_day first;  // inclusive
  std::chrono::year_month_day last;   // inclusive
};

// The campaign's days (units.json): from the notice to the formal deadline. Opinions are signed between the two.
DateWindow campaign_window();

// Whether `read` could be the visible part of a date: at least four of its characters are digits, Chinese numerals
// or 年月日, among them a numeral and a mark, or six numerals (2026 06: 年 and 01月 hidden).
bool holds_date_part(std::string_view read);

// Whether a date line's read gives a date: a whole one (normalise_date), or the one campaign day its visible part
// can be.
bool reads_as_date(std::string_view read);

// `read`: the visible part of a date line (2026年5日, 6年1月9日, 二〇二年一月九日); characters other than digits,
// Chinese numerals and 年月日 are ignored. nullopt unless exactly one day of `window`, printed as dates are
// (2026年1月5日, 2026年01月05日, 二〇二六年一月五日), reads as `read` with runs of at most four characters taken
// out — two inside the date and one at either end — and the read holds a date part (above).
std::optional<std::chrono::year_month_day> date_under_seal(std::string_view read, const DateWindow& window);

// Whether `read` is a line of words, not a date however it was read: five Chinese characters or more that no date
// holds, outnumbering its date characters (经查，该同志近三年来无违纪违法问题).
bool reads_as_words(std::string_view read);

// The day of `window` that `reads` of one date line (through a seal: its star's points and lettering on the
// glyphs) come nearest to, printed as dates are: a character hidden or a speck read as one costs half a wrong
// character, and a Latin letter read for a digit it looks like (I for 1, S for 5) a third. A day's distance is its
// mean over the reads (one junk read near a day by chance does not decide, and two reads of one image are no more
// evidence than one). nullopt unless one day is nearer than every other by a whole character, within a third of
// its length of the read nearest to it, and shown by that read in half its characters or more.
// Half a character is not enough: a short read (五年1月1) is nearer the shortest printed days by that much.
std::optional<std::chrono::year_month_day> nearest_campaign_day(const std::vector<std::string>& reads,
                                                               const DateWindow& window);

}  // namespace intake
