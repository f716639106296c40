#include "models/full_width.h"

#include "models/utf8.h"

namespace intake {
namespace {

bool is_full_width_alnum(char32_t c) {
  return (c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

}  // namespace

std::string fold_full_width(std::string_view text, Fold fold) {
  std::u32string chars = utf8_decode(text);
  for (char32_t& c : chars) {
    if (c == 0x3000) {
      c = U' ';
    } else if (c >= 0xFF01 && c <= 0xFF5E && (fold == Fold::everything || is_full_width_alnum(c))) {
      // The full-width block mirrors ASCII 0x21–0x7E at a fixed offset (Unicode chapter 18.5).
      c = c - 0xFF01 + 0x21;
    }
  }
  return utf8_encode(chars);
}

}  // namespace intake
