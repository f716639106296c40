#include "extractors/photos/photo_file_name.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

bool is_name_character(char32_t c) { return is_han(c) || c == U'·' || c == U'•' || c == U'・'; }
bool is_full_width_digit(char32_t c) { return c >= U'０' && c <= U'９'; }
bool is_any_digit(char32_t c) { return is_ascii_digit(c) || is_full_width_digit(c); }

char32_t lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c; }

bool ends_with_ignoring_case(std::u32string_view text, std::u32string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char32_t s, char32_t c) { return s == lower(c); });
}

// What a separator character is called, for a message that tells the sender which key they pressed.
std::string separator_name(char32_t c) {
  switch (c) {
    case U'－': return "a full-width hyphen (－)";
    case U'_': return "an underscore (_)";
    case U'＿': return "a full-width underscore (＿)";
    case U'–': return "an en dash (–)";
    case U'—': return "an em dash (—)";
    case U'−': return "a minus sign (−)";
    case U'‐': return "a Unicode hyphen (‐)";
    case U'.': return "a full stop (.)";
    case U'。': return "a Chinese full stop (。)";
    case U'、': return "a 顿号 (、)";
    default:
      if (is_space(c)) return c == U'\u3000' ? "a full-width space" : "a space";
      return fmt::format("«{}»", utf8_encode(std::u32string(1, c)));
  }
}

std::optional<std::string> real_date(std::u32string_view digits) {
  const auto number = [&](std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) value = value * 10 + static_cast<int>(digits[i] - U'0');
    return value;
  };
  const int year = number(0, 4), month = number(4, 2), day = number(6, 2);
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || year < 1900) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace

FileNameVerdict check_photo_file_name(std::string_view file_name) {
  FileNameVerdict verdict;
  std::u32string text = utf8_decode(file_name.substr(file_name.find_last_of("/\\") + 1));
  std::vector<std::string> faults;

  if (ends_with_ignoring_case(text, U".jpg")) {
    text.resize(text.size() - 4);
  } else if (ends_with_ignoring_case(text, U".jpeg")) {
    text.resize(text.size() - 5);
  } else if (const auto dot = text.rfind(U'.'); dot != std::u32string::npos && text.size() - dot <= 5) {
    faults.push_back(fmt::format("ends in «{}» where «.jpg» is required", utf8_encode(text.substr(dot))));
    text.resize(dot);
  } else {
    faults.push_back("has no «.jpg» extension");
  }

  // Spaces are named once, wherever they are; the rest is read as name, separator, date.
  if (std::any_of(text.begin(), text.end(), is_space)) {
    const bool full_width = std::find(text.begin(), text.end(), U'\u3000') != text.end();
    faults.push_back(full_width ? "contains a full-width space" : "contains a space");
  }
  std::u32string stem;
  std::copy_if(text.begin(), text.end(), std::back_inserter(stem), [](char32_t c) { return !is_space(c); });

  std::size_t i = 0;
  while (i < stem.size() && is_name_character(stem[i])) ++i;
  const std::u32string name = stem.substr(0, i);
  const auto han = std::count_if(name.begin(), name.end(), is_han);
  if (han >= 1) verdict.name = utf8_encode(name);
  if (han < 2) faults.push_back(name.empty() ? "does not begin with the nominee's Chinese name"
                                             : "has a name of one character");

  std::size_t j = i;
  while (j < stem.size() && !is_any_digit(stem[j])) ++j;
  const std::u32string separator = stem.substr(i, j - i);
  std::u32string date = stem.substr(j);

  if (date.empty()) {
    faults.push_back("has no date of birth (YYYYMMDD) after the name");
    if (!separator.empty() && separator != U"-")
      faults.push_back(fmt::format("ends in «{}» after the name", utf8_encode(separator)));
  } else {
    if (separator.empty()) {
      faults.push_back("has no «-» between the name and the date");
    } else if (separator != U"-") {
      const char32_t wrong = separator.size() == 1 ? separator[0] : U'\0';
      faults.push_back(wrong ? fmt::format("uses {} where «-» is required", separator_name(wrong))
                             : fmt::format("has «{}» where a single «-» is required", utf8_encode(separator)));
    }
    if (std::any_of(date.begin(), date.end(), is_full_width_digit)) {
      faults.push_back("writes the date in full-width digits (１９…) where 0–9 are required");
      for (char32_t& c : date)
        if (is_full_width_digit(c)) c = c - U'０' + U'0';
    }
    if (!std::all_of(date.begin(), date.end(), is_ascii_digit)) {
      faults.push_back(fmt::format("has «{}» where the date must be 8 digits (YYYYMMDD)", utf8_encode(date)));
    } else if (date.size() != 8) {
      faults.push_back(fmt::format("has a date of {} digits ({}); 8 (YYYYMMDD) are required", date.size(),
                                   utf8_encode(date)));
    } else if (auto birth = real_date(date)) {
      verdict.birth = std::move(birth);
    } else {
      faults.push_back(fmt::format("has {}, which is not a real date (YYYYMMDD)", utf8_encode(date)));
    }
  }

  if (!faults.empty()) {
    std::string message = "file name ";
    for (std::size_t k = 0; k < faults.size(); ++k) message += (k ? "; " : "") + faults[k];
    message += " (required: 姓名-YYYYMMDD.jpg)";
    verdict.problems.push_back({"bad_file_name", std::move(message)});
  }
  return verdict;
}

}  // namespace intake
