#include "extractors/id_number.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

namespace intake {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool has_id_shape(std::string_view id) {
  return id.size() == 18 && all_digits(id.substr(0, 17)) &&
         (std::isdigit(static_cast<unsigned char>(id[17])) || id[17] == 'X');
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<char> id_check_character(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) return std::nullopt;
  // ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written X.
  static constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::string normalise_id_number(std::string_view raw) {
  std::string id(raw);
  if (!id.empty() && id.back() == 'x') id.back() = 'X';
  return id;
}

bool id_number_check_digit_ok(std::string_view raw) {
  const std::string id = normalise_id_number(raw);
  if (!has_id_shape(id)) return false;
  const auto check = id_check_character(id.substr(0, 17));
  return check && *check == id[17];
}

std::optional<IdNumberFacts> id_number_facts(std::string_view raw) {
  const std::string id = normalise_id_number(raw);
  if (!has_id_shape(id)) return std::nullopt;
  const int year = to_int(id.substr(6, 4));
  const int month = to_int(id.substr(10, 2));
  const int day = to_int(id.substr(12, 2));
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || year < 1900) return std::nullopt;
  IdNumberFacts facts;
  facts.birth_date = id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2);
  facts.gender_char = (id[16] - '0') % 2 == 1 ? 'M' : 'F';
  return facts;
}

}  // namespace intake
