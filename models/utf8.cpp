#include "models/utf8.h"

namespace intake {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

}  // namespace

std::u32string utf8_decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80U) {
      out.push_back(lead);
      ++i;
      continue;
    }
    // RFC 3629 §4: the lead byte fixes the length and the smallest value, which rules out overlong forms.
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      length = 2, value = lead & 0x1FU, minimum = 0x80;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      length = 3, value = lead & 0x0FU, minimum = 0x800;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      length = 4, value = lead & 0x07U, minimum = 0x10000;
    }
    std::size_t taken = 1;
    while (length != 0 && taken < length && i + taken < text.size() &&
           is_continuation(static_cast<unsigned char>(text[i + taken]))) {
      value = (value << 6U) | (static_cast<unsigned char>(text[i + taken]) & 0x3FU);
      ++taken;
    }
    const bool complete = length != 0 && taken == length;
    const bool valid = complete && value >= minimum && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
    out.push_back(valid ? value : replacement_character);
    // On an ill-formed sequence consume the lead and the continuation bytes read so far, as one U+FFFD.
    i += taken;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = replacement_character;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (c >> 6U)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (c >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (c >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  }
}

std::string utf8_encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char32_t c : text) append_utf8(out, c);
  return out;
}

std::string utf8_sanitise(std::string_view text) { return utf8_encode(utf8_decode(text)); }

}  // namespace intake
