#pragma once
// Numbers: integer (人数 32, 32人, 三十二), phone (024-86893881, 13812345678), postcode (110032).
#include <string>
#include <string_view>

#include "extractors/normalise/normalised.h"

namespace intake {

// OCR reads 0 as O/o and 1 as l/I in digit strings. Replaces those that touch a digit (so words stay words) and
// returns how many it replaced.
int repair_digit_lookalikes(std::u32string& text);

// A count: digits or Chinese numerals, optionally with 共/计 before and 人/名/个/位 after. 约32人, 30余人 are
// approximate: the number is the value, for review.
Normalised normalise_integer(std::string_view raw);

// Mobile → 11 digits (13812345678); landline → area code, one hyphen, local number (024-86893881), from
// (024)86893881, 024 8689 3881 or 02486893881 (area codes are 3 digits for 010 and 02x, else 4, per the national
// numbering plan; a 3-digit code has an 8-digit local number); a local number alone (86893881) stays as it is. Repaired
// look-alikes, several numbers or an extension ask for review.
Normalised normalise_phone(std::string_view raw);

// 6 digits. Liaoning's postcodes start 11 or 12 (GB/T postal districts); any other asks for review.
Normalised normalise_postcode(std::string_view raw);

}  // namespace intake
