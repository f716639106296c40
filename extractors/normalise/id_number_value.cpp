#include "extractors/normalise/id_number_value.h"

#include <cmath>

#include "extractors/id_number.h"
#include "extractors/normalise/number_values.h"
#include "extractors/normalise/text_values.h"
#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {

Normalised normalise_id_number_value(std::string_view raw) {
  std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  int repairs = repair_digit_lookalikes(text);
  if (!text.empty() && (text.back() == U'×' || text.back() == U'x')) {
    if (text.back() == U'×') ++repairs;  // the multiplication sign some fonts and OCR give for X
    text.back() = U'X';
  }
  if (text.size() != 18) {
    bool digits = true;
    for (const char32_t c : text) digits = digits && is_ascii_digit(c);
    if (digits && text.size() == 15) return invalid_value("a 15-digit number of the old format; 18 needed");
    return invalid_value(std::to_string(text.size()) + " characters; an ID number has 18");
  }
  for (std::size_t i = 0; i < 18; ++i) {
    const bool allowed = is_ascii_digit(text[i]) || (i == 17 && text[i] == U'X');
    if (!allowed) return invalid_value("character " + std::to_string(i + 1) + " is not a digit");
  }
  const std::string id = utf8_encode(text);
  if (!id_number_check_digit_ok(id)) return invalid_value("check digit does not match", id);
  if (!id_number_facts(id)) return invalid_value("the birth date in the number does not exist", id);
  if (repairs == 0) return ok_value(id);
  const double factor = std::pow(repaired_char_factor, repairs);
  // The check character catches every single wrong character, but two wrong ones only 10 times in 11.
  if (repairs > 1) return review_value(id, factor, "repaired " + std::to_string(repairs) + " look-alike characters");
  Normalised result = ok_value(id, "repaired 1 look-alike character; the check digit confirms it");
  result.confidence_factor = factor;
  return result;
}

}  // namespace intake
