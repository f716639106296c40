#include "extractors/normalise/chinese_numerals.h"

#include <algorithm>

#include "models/utf8.h"

namespace intake {
namespace {

constexpr int not_a_digit = -1;

// clang-format off
int digit_value(char32_t c) {
  switch (c) {
    case U'〇': case U'○': case U'◯': case U'零': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return not_a_digit;
  }
}

// What OCR makes of 〇 between Chinese numerals: the Latin O, a zero, 口.
bool is_zero_lookalike(char32_t c) { return c == U'O' || c == U'o' || c == U'0' || c == U'口'; }

// 廿 and 卅 are 20 and 30 written as one character (廿三日 = 23rd).
int unit_value(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'廿': return 20;
    case U'卅': return 30;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}
// clang-format on

bool has_unit(std::u32string_view run) {
  return std::any_of(run.begin(), run.end(), [](char32_t c) { return unit_value(c) != 0; });
}

// 三十一, 一百零五, 廿三: each unit smaller than the one before, each multiplied by the digit just before it.
std::optional<long> positional_value(std::u32string_view run) {
  long total = 0;
  int pending = not_a_digit;
  int last_unit = 10000;
  for (const char32_t c : run) {
    if (const int d = digit_value(c); d != not_a_digit) {
      if (pending > 0) return std::nullopt;  // two digits without a unit: 二三十
      pending = d;
      continue;
    }
    const int unit = unit_value(c);
    const int place = unit == 20 || unit == 30 ? 10 : unit;
    if (place >= last_unit) return std::nullopt;
    if (unit == 20 || unit == 30) {
      if (pending > 0) return std::nullopt;
      total += unit;
    } else {
      // A unit with no digit before it means one of it only at the start (十二 = 12, 百 alone is not written).
      if (pending <= 0 && !(place == 10 && total == 0 && pending == not_a_digit)) return std::nullopt;
      total += static_cast<long>(pending <= 0 ? 1 : pending) * place;
    }
    pending = not_a_digit;
    last_unit = place;
  }
  if (pending > 0) total += pending;
  return total;
}

std::optional<std::string> digit_string(std::u32string_view run) {
  if (run.size() > 9) return std::nullopt;
  std::string digits;
  for (const char32_t c : run) {
    const int d = is_zero_lookalike(c) ? 0 : digit_value(c);
    if (d == not_a_digit) return std::nullopt;
    digits.push_back(static_cast<char>('0' + d));
  }
  return digits;
}

std::optional<std::string> run_as_digits(std::u32string_view run) {
  if (has_unit(run)) {
    const auto value = positional_value(run);
    if (!value) return std::nullopt;
    return std::to_string(*value);
  }
  return digit_string(run);
}

}  // namespace

bool is_chinese_numeral(char32_t c) { return digit_value(c) != not_a_digit || unit_value(c) != 0; }

bool is_chinese_numeral_unit(char32_t c) { return unit_value(c) != 0; }

std::optional<long> chinese_numeral_value(std::u32string_view run) {
  if (run.empty()) return std::nullopt;
  const auto digits = run_as_digits(run);
  if (!digits) return std::nullopt;
  return std::stol(*digits);
}

std::string chinese_numerals_to_digits(std::string_view text) {
  const std::u32string chars = utf8_decode(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < chars.size()) {
    if (chars[i] == U'元' && i + 1 < chars.size() && chars[i + 1] == U'月') {
      out.push_back('1');  // 元月 = 正月 of the Gregorian calendar, January
      ++i;
      continue;
    }
    if (!is_chinese_numeral(chars[i])) {
      append_utf8(out, chars[i]);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < chars.size() && (is_chinese_numeral(chars[end]) || is_zero_lookalike(chars[end]))) ++end;
    // A trailing O belongs to the run only if a numeral follows it (二O二六); "十O" at a word's end is not a zero.
    while (end > i + 1 && is_zero_lookalike(chars[end - 1])) --end;
    std::u32string run(chars.data() + i, end - i);
    // 〇 is as wide as a character, and OCR splits it into two O's (二OO二六年): a year of five numerals with
    // two zeros side by side had one.
    const bool year = end < chars.size() && chars[end] == U'年';
    if (year && run.size() == 5 && !has_unit(run))
      for (std::size_t k = 1; k + 1 < run.size(); ++k)
        if (is_zero_lookalike(run[k]) && is_zero_lookalike(run[k + 1]) && run[k] != U'0') {
          run.erase(k, 1);
          break;
        }
    if (const auto digits = run_as_digits(run)) {
      out += *digits;
    } else {
      out += utf8_encode(run);
    }
    i = end;
  }
  return out;
}

std::string chinese_numeral(int value) {
  static constexpr std::u32string_view digits = U"零一二三四五六七八九";
  if (value < 0 || value > 99) return {};
  std::u32string out;
  if (value < 10) {
    out.push_back(digits[static_cast<std::size_t>(value)]);
  } else {
    if (value >= 20) out.push_back(digits[static_cast<std::size_t>(value / 10)]);
    out.push_back(U'十');
    if (value % 10 != 0) out.push_back(digits[static_cast<std::size_t>(value % 10)]);
  }
  return utf8_encode(out);
}

}  // namespace intake
