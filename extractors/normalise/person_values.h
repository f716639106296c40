#pragma once
// A person's name and gender as printed on the forms (FORMS.md: name, gender).
#include <string_view>

#include "extractors/normalise/normalised.h"

namespace intake {

// 2–4 Chinese characters, spaces removed (王 晓 梅 → 王晓梅); ethnic-minority names in segments joined by a middle
// dot (·, •, ．, ・ → ·). Misread characters cannot be told from rare real ones, so Chinese characters are kept as
// read; anything else in a name (digits, Latin letters, symbols), an unusual length, or a first character that is
// no surname (models/surnames.json: 将 read for 蒋) asks for review.
Normalised normalise_name(std::string_view raw);

// 男 or 女 (男性/女性 accepted). Anything else — a misread 另 or 田, M/F — asks for review with no value: a
// gender is never guessed.
Normalised normalise_gender(std::string_view raw);

}  // namespace intake
