#include "extractors/normalise/number_values.h"

#include <cmath>
#include <vector>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/text_values.h"
#include "models/char_class.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

constexpr long largest_count = 1'000'000;

bool strip_prefix(std::u32string& text, std::u32string_view prefix) {
  if (!text.starts_with(prefix) || text.size() == prefix.size()) return false;
  text.erase(0, prefix.size());
  return true;
}

bool strip_suffix(std::u32string& text, std::u32string_view suffix) {
  if (!text.ends_with(suffix) || text.size() == suffix.size()) return false;
  text.resize(text.size() - suffix.size());
  return true;
}

bool all_ascii_digits(std::u32string_view text) {
  for (const char32_t c : text)
    if (!is_ascii_digit(c)) return false;
  return !text.empty();
}

std::string digits_of(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text)
    if (is_ascii_digit(c)) out.push_back(static_cast<char>(c));
  return out;
}

std::string repaired_note(int repairs) {
  return "repaired " + std::to_string(repairs) + " look-alike character" + (repairs == 1 ? "" : "s");
}

double repaired_factor(int repairs) { return std::pow(repaired_char_factor, repairs); }

// ---- phone -------------------------------------------------------------------------------------------------

bool is_group_separator(char32_t c) {
  return c == U' ' || c == U'-' || c == U'(' || c == U')' || c == U'—' || c == U'–' || c == U'.';
}

struct PhoneShape {
  std::string value;
  std::string problem;  // empty when value is a phone number
};

// One number, digits in groups as printed: 024 8689 3881 → {024, 8689, 3881}.
PhoneShape read_phone(std::u32string_view text) {
  std::vector<std::string> groups;
  std::string current;
  for (const char32_t c : text) {
    if (is_ascii_digit(c)) {
      current.push_back(static_cast<char>(c));
    } else if (is_group_separator(c)) {
      if (!current.empty()) groups.push_back(std::move(current));
      current.clear();
    } else {
      return {{}, "not a phone number"};
    }
  }
  if (!current.empty()) groups.push_back(std::move(current));
  std::string digits;
  for (const std::string& g : groups) digits += g;
  if (digits.empty()) return {{}, "not a phone number"};

  if (digits.size() == 11 && digits[0] == '1') {
    if (digits[1] < '3') return {{}, "not a mobile number"};
    return {digits, {}};
  }
  if (digits[0] == '0') {
    // The area code is the first printed group when one is printed apart, else by the numbering plan.
    std::size_t area_length = digits[1] == '1' || digits[1] == '2' ? 3 : 4;
    if (groups.size() > 1 && (groups[0].size() == 3 || groups[0].size() == 4)) area_length = groups[0].size();
    if (digits.size() <= area_length) return {{}, "not a phone number"};
    const std::string local = digits.substr(area_length);
    // Local numbers have 7 or 8 digits, and always 8 behind the 3-digit codes of the largest cities (024 沈阳).
    const std::size_t shortest_local = area_length == 3 ? 8 : 7;
    if (local.size() < shortest_local || local.size() > 8 || local[0] == '0') return {{}, "not a phone number"};
    return {digits.substr(0, area_length) + "-" + local, {}};
  }
  if ((digits.size() == 7 || digits.size() == 8) && digits[0] != '1') return {digits, {}};
  return {{}, "not a phone number"};
}

}  // namespace

int repair_digit_lookalikes(std::u32string& text) {
  int repairs = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    const bool zero = c == U'O' || c == U'o';
    const bool one = c == U'l' || c == U'I';
    if (!zero && !one) continue;
    const bool touches_digit =
        (i > 0 && is_ascii_digit(text[i - 1])) || (i + 1 < text.size() && is_ascii_digit(text[i + 1]));
    if (!touches_digit) continue;
    text[i] = zero ? U'0' : U'1';
    ++repairs;
  }
  return repairs;
}

namespace {

// 1 2 may be one number or two: OCR splits digits, and so do people filling a cell.
bool spaces_between_digits(std::string_view raw) {
  const std::u32string text = utf8_decode(fold_full_width(raw));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_space(text[i]) || i == 0 || !is_ascii_digit(text[i - 1])) continue;
    std::size_t next = i;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next < text.size() && is_ascii_digit(text[next])) return true;
  }
  return false;
}

}  // namespace

Normalised normalise_integer(std::string_view raw) {
  std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  bool approximate = false;
  for (const auto prefix : {std::u32string_view{U"合计"}, std::u32string_view{U"共"}, std::u32string_view{U"计"}})
    strip_prefix(text, prefix);
  approximate |= strip_prefix(text, U"约");
  approximate |= strip_suffix(text, U"左右");                                       // 30人左右
  for (const std::u32string_view unit : {U"人", U"名", U"个", U"位", U".", U"、"})  // 32人; 序号 1. or 1、
    strip_suffix(text, unit);
  for (const std::u32string_view more : {U"余", U"多"}) approximate |= strip_suffix(text, more);  // 30余人

  long value = -1;
  bool digit_by_digit = false;  // 三二: Chinese numerals without 十/百, which no one writes a count in
  if (all_ascii_digits(text)) {
    if (text.size() <= 9) value = std::stol(utf8_encode(text));
  } else {
    bool numerals = !text.empty();
    bool has_unit = false;
    for (const char32_t c : text) {
      numerals = numerals && is_chinese_numeral(c);
      has_unit = has_unit || is_chinese_numeral_unit(c);
    }
    if (numerals) value = chinese_numeral_value(text).value_or(-1);
    digit_by_digit = numerals && !has_unit && text.size() > 1;
  }
  if (value < 0) return invalid_value("not a whole number");
  if (value > largest_count) return invalid_value("number too large for a count");
  if (approximate) return review_value(value, found_in_text_factor, "an approximate number");
  if (digit_by_digit) return review_value(value, unrecognised_factor, "Chinese numerals read digit by digit");
  if (spaces_between_digits(raw)) return review_value(value, unrecognised_factor, "spaces between the digits");
  return ok_value(value);
}

Normalised normalise_phone(std::string_view raw) {
  std::u32string text;
  for (const char32_t c : utf8_decode(fold_full_width(raw)))
    if (!is_control(c)) text.push_back(is_space(c) ? U' ' : c);
  std::size_t first = text.find_first_not_of(U' ');
  if (first == std::u32string::npos) return missing_value();
  text = text.substr(first, text.find_last_not_of(U' ') - first + 1);

  std::vector<std::string> concerns;
  // A label left in the cell (电话：, 手机:) is not part of the number.
  std::size_t start = 0;
  while (start < text.size() && !is_ascii_digit(text[start]) && text[start] != U'(' && text[start] != U'+' &&
         (is_han(text[start]) || text[start] == U':' || text[start] == U' '))
    ++start;
  if (start > 0) {
    text.erase(0, start);
    concerns.emplace_back("number found after a label");
  }
  // An extension (转 123, ext. 123) is not part of the number the office dials first.
  for (const std::u32string_view mark : {std::u32string_view{U"转"}, std::u32string_view{U"分机"},
                                         std::u32string_view{U"ext"}, std::u32string_view{U"Ext"}}) {
    if (const std::size_t at = text.find(mark); at != std::u32string::npos && at > 0) {
      text.resize(at);
      concerns.emplace_back("extension left out");
    }
  }
  // Several numbers in one cell: keep the first.
  const std::size_t split = text.find_first_of(U"/、,;或");
  if (split != std::u32string::npos) {
    const std::u32string rest = text.substr(split + 1);
    text.resize(split);
    if (!digits_of(rest).empty()) concerns.emplace_back("several numbers; kept the first");
  }
  if (strip_prefix(text, U"+86") || strip_prefix(text, U"0086")) {
    while (!text.empty() && (text[0] == U' ' || text[0] == U'-')) text.erase(0, 1);
  }
  const int repairs = repair_digit_lookalikes(text);
  if (repairs > 0) concerns.push_back(repaired_note(repairs));

  const PhoneShape shape = read_phone(text);
  if (!shape.problem.empty()) return invalid_value(shape.problem);
  if (concerns.empty()) return ok_value(shape.value);
  std::string note;
  for (const std::string& concern : concerns) note += (note.empty() ? "" : "; ") + concern;
  return review_value(shape.value, repairs > 0 ? repaired_factor(repairs) : found_in_text_factor, note);
}

Normalised normalise_postcode(std::string_view raw) {
  std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  bool labelled = strip_prefix(text, U"邮政编码") || strip_prefix(text, U"邮编");
  if (labelled) strip_prefix(text, U":");
  const int repairs = repair_digit_lookalikes(text);
  if (!all_ascii_digits(text) || text.size() != 6) return invalid_value("not a 6-digit postcode");
  const std::string code = utf8_encode(text);
  if (repairs > 0) return review_value(code, repaired_factor(repairs), repaired_note(repairs));
  if (code[0] != '1' || (code[1] != '1' && code[1] != '2'))
    return review_value(code, unrecognised_factor, "not a Liaoning postcode (they start 11 or 12)");
  if (labelled) return review_value(code, found_in_text_factor, "postcode found after a label");
  return ok_value(code);
}

}  // namespace intake
