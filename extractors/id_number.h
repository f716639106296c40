#pragma once
// Resident identity card numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose last
// digit's parity is the gender, and an ISO 7064 MOD 11-2 check character.
#include <optional>
#include <string>
#include <string_view>

namespace intake {

struct IdNumberFacts {
  std::string birth_date;  // YYYY-MM-DD
  char gender_char;        // 'M' or 'F' from the 17th digit (odd = male)
};

// The check character for the first 17 digits, '0'–'9' or 'X'; nullopt unless given exactly 17 ASCII digits.
std::optional<char> id_check_character(std::string_view first17);

// Upper-cases a trailing x; trims nothing else. Shape: 17 digits + digit or X.
std::string normalise_id_number(std::string_view raw);

bool id_number_check_digit_ok(std::string_view id);

// Birth date and gender when the number has the right shape and a real birth date (check digit not required).
std::optional<IdNumberFacts> id_number_facts(std::string_view id);

}  // namespace intake
