#pragma once
// UTF-8 ⇄ code points. Normalisers compare and edit text by character, not by byte: an edit distance over bytes
// would count one misread Chinese character as three edits.
#include <string>
#include <string_view>

namespace intake {

inline constexpr char32_t replacement_character = U'\uFFFD';

// Decodes UTF-8; every ill-formed sequence (stray continuation byte, truncated or overlong sequence, surrogate,
// value above U+10FFFF) becomes one U+FFFD, so the result is always valid. Never throws.
std::u32string utf8_decode(std::string_view text);

// Encodes code points as UTF-8; surrogates and values above U+10FFFF are written as U+FFFD.
std::string utf8_encode(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

// Re-encodes `text` so it is valid UTF-8 (ill-formed bytes → U+FFFD): JSON libraries refuse anything else.
std::string utf8_sanitise(std::string_view text);

}  // namespace intake
