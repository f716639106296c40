#pragma once
// What a normaliser makes of one field's raw text (FORMS.md "Field types"). The status policy, shared by every
// value type, follows the office's priority that a value marked ok must be right:
//   ok      the value is the type's normalised form and follows from the text by lossless steps only: full-width
//           folding, spacing, separators, Chinese numerals, documented synonyms (汉 → 汉族, 正处级 → 县处级正职),
//           or look-alike repairs a check digit confirms (ID numbers).
//   review  a best guess a person should confirm: snapped to the nearest vocabulary entry, repaired without a
//           check, found inside other text, or outside an open vocabulary (education, rank, member_role "as
//           printed"). value holds the guess, or null when there is none.
//   invalid the text is not a value of the type (no date in it, no such date, wrong check digit, not in a closed
//           vocabulary). value is null, or the well-formed value that failed a check (an ID number).
//   missing nothing but whitespace or blank-form placeholders. value is null.
// Notes say why a value is not plainly ok; they quote dates and vocabulary words but never ID or phone digits.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "models/form_kind.h"

namespace intake {

struct Normalised {
  nlohmann::json value;  // normalised per FORMS.md; null when nothing usable was read
  FieldStatus status = FieldStatus::missing;
  double confidence_factor = 1.0;  // < 1 when the value was snapped/repaired: the caller multiplies the OCR confidence
  std::string note;                // why not ok; never contains ID or phone digits
};

// Confidence factors, one place so they can be tuned against the accuracy corpus (docs/ACCURACY.md).
inline constexpr double snapped_factor = 0.85;       // nearest vocabulary entry at edit distance 1
inline constexpr double repaired_char_factor = 0.9;  // per look-alike character repaired (O → 0, l → 1)
inline constexpr double found_in_text_factor = 0.9;  // the value was one part of a longer text
inline constexpr double unrecognised_factor = 0.5;   // kept as printed, matches nothing known

inline Normalised ok_value(nlohmann::json value, std::string note = {}) {
  return {std::move(value), FieldStatus::ok, 1.0, std::move(note)};
}
inline Normalised review_value(nlohmann::json value, double factor, std::string note) {
  return {std::move(value), FieldStatus::review, factor, std::move(note)};
}
inline Normalised invalid_value(std::string note, nlohmann::json value = nullptr) {
  return {std::move(value), FieldStatus::invalid, 1.0, std::move(note)};
}
inline Normalised missing_value() { return {nullptr, FieldStatus::missing, 1.0, {}}; }

}  // namespace intake
