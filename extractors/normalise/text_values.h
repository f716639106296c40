#pragma once
// Free text: text (one value on one or more printed lines) and long_text (主要事迹, 简要事迹), plus the spacing
// clean-up every other normaliser starts from.
#include <string>
#include <string_view>

#include "extractors/normalise/normalised.h"
#include "models/full_width.h"

namespace intake {

enum class LineBreaks {
  join_all,  // a value wrapped over lines is one value: 鞍山市人民政府办\n公室 → 鞍山市人民政府办公室
  keep_paragraphs,  // "\n" where a line ends a sentence (。！？；：), or before a blank line; other breaks are wraps
};

// Folds full-width letters and digits, drops control characters, removes the spaces OCR puts between Chinese
// characters (and between them and digits), collapses other runs of spaces to one, and joins lines: without a
// space, except between two ASCII letters or digits (an English word or a number wrapped at the line end).
// Always valid UTF-8.
std::string join_lines(std::string_view raw, LineBreaks breaks);

// The text with every space and control character removed, full-width folded as `fold` says: where structured
// values (names, codes, numbers) start.
std::u32string compact_text(std::string_view raw, Fold fold);

// OCR returns ASCII punctuation where Chinese print has full-width marks: , ; : ? ! and paired ( ) touching a Han
// character become ， ； ： ？ ！ （ ）, and so does a pair half of which is full-width already, or whose opening 《 or
// 〈 is closed by ) (a misread （). A . between two Han characters is a misread ，. Numbers (97.2%, 12:30) and Latin
// text keep theirs.
std::string chinese_punctuation(std::string_view text);

Normalised normalise_text(std::string_view raw);
Normalised normalise_long_text(std::string_view raw);

}  // namespace intake
