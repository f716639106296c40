#pragma once
// Chinese numerals as dates and small counts are printed: 二〇二六年一月八日, 二○二六年元月八日, 十二月三十一日,
// 廿三日, 三十二人. Two readings exist and the characters decide which: a run with a unit character (十 廿 卅 百 千)
// is a number (三十一 → 31); a run without is read digit by digit, as years are (二〇二六 → 2026).
#include <optional>
#include <string>
#include <string_view>

namespace intake {

// 〇○◯零 一 二两 三 … 九 and their financial forms (壹 贰 …), and the units 十拾 廿 卅 百佰 千仟.
bool is_chinese_numeral(char32_t c);
bool is_chinese_numeral_unit(char32_t c);  // 十拾 廿 卅 百佰 千仟: the run is a number, not digits

// The value of one run of numerals (no other characters): nullopt when the run is empty or not a well-formed
// number (十十, 二三十) or has more than 9 digits.
std::optional<long> chinese_numeral_value(std::u32string_view run);

// Rewrites every run of Chinese numerals in `text` as ASCII digits, keeping everything else. Digit-by-digit runs
// keep their length (二〇〇八 → 2008); a Latin O or o inside such a run is the zero typists put there (二O二六);
// 元 directly before 月 is month 1. Runs that are not well-formed stay as they are.
std::string chinese_numerals_to_digits(std::string_view text);

// 5 → 五, 12 → 十二, 21 → 二十一: the printed form of 0–99 in vocabularies such as 管理岗五级; empty otherwise.
std::string chinese_numeral(int value);

}  // namespace intake
