#pragma once
// Full-width forms (U+FF01–U+FF5E) and the ideographic space: Chinese input methods and OCR of Chinese documents
// produce ０-９, Ａ-Ｚ, （）, ：, － where the value means 0-9, A-Z, (), :, -. Every normaliser folds first.
#include <string>
#include <string_view>

namespace intake {

enum class Fold {
  everything,          // all of U+FF01–U+FF5E and U+3000 → ASCII: for structured values (dates, numbers, codes)
  letters_and_digits,  // only ０-９ Ａ-Ｚ ａ-ｚ and U+3000: for free text, whose full-width punctuation (，（）：) is
                       // correct Chinese typography and stays as printed
};

// Also replaces ill-formed UTF-8 by U+FFFD, so the result is always valid UTF-8.
std::string fold_full_width(std::string_view text, Fold fold = Fold::everything);

}  // namespace intake
