#pragma once
// 身份证号码 (FORMS.md id_number): 18 characters, upper-case X, valid only if the GB 11643-1999 check character
// (ISO 7064 MOD 11-2) holds.
#include <string_view>

#include "extractors/normalise/normalised.h"

namespace intake {

// Spaces removed, full-width digits folded, x → X. OCR look-alikes (O/o → 0, l/I → 1, × → X at the end) are
// repaired; when the check character then holds one repair is confirmed — the check catches every single wrong
// character — so the value is ok with a lowered confidence factor; two or more repairs ask for review. A wrong check
// character or an impossible birth date is invalid, the 18 characters kept as the value for the cross-checks and the
// reviewer. Notes never contain the number's digits.
Normalised normalise_id_number_value(std::string_view raw);

}  // namespace intake
