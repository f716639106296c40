#pragma once
// Character classes the normalisers and the unit matcher share, over code points (see models/utf8.h).
namespace intake {

// CJK Unified Ideographs and their extensions (Unicode blocks 4E00, 3400, 20000–2EBEF, 30000–3134F) plus the
// compatibility ideographs: the characters Chinese names and words are written in.
constexpr bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2EBEF) ||
         (c >= 0x30000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF);
}

// Whitespace as scanned text carries it: ASCII, no-break space, the ideographic space U+3000 that indents Chinese
// paragraphs, and the zero-width characters Word leaves behind.
constexpr bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x00A0 ||
         c == 0x3000 || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}

// Han characters and the CJK and full-width marks set between them: what Chinese type sets in a whole em, and what
// no space belongs next to.
constexpr bool is_cjk_text(char32_t c) {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

constexpr bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
constexpr bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// Control characters other than line breaks and tabs: never part of a value.
constexpr bool is_control(char32_t c) {
  return (c < 0x20 && c != U'\n' && c != U'\t' && c != U'\r') || (c >= 0x7F && c < 0xA0);
}

// CJK punctuation that ends a sentence or clause in printed Chinese (GB/T 15834-2011), plus the ASCII forms
// that full-width folding produces.
constexpr bool is_clause_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == U'!' || c == U'?' || c == U';' ||
         c == U':';
}

}  // namespace intake
