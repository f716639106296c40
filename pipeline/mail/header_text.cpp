#include "pipeline/mail/header_text.h"

#include <glib.h>

#include <algorithm>
#include <array>
#include <optional>

#include "models/utf8.h"
#include "pipeline/mail/gmime_handles.h"

namespace intake {
namespace {

// The labels the WHATWG Encoding Standard maps to its GBK (= GB18030) decoder.
constexpr std::array<std::string_view, 9> gbk_labels = {
    "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"};

bool is_gbk_label(std::string_view label) {
  return std::any_of(gbk_labels.begin(), gbk_labels.end(), [&](std::string_view known) {
    return label.size() == known.size() && g_ascii_strncasecmp(label.data(), known.data(), label.size()) == 0;
  });
}

// RFC 2045 token characters that occur in charset names.
bool is_label_char(char c) { return g_ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':'; }

struct Label {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A charset label starting at `at`: after "=?" it must end at '?' or '*' (RFC 2047; RFC 2231 section 5 adds a
// language after '*'), after "*=" (optionally quoted) at the '\'' that separates it from the language.
std::optional<Label> label_at(std::string_view value, std::size_t at) {
  const std::string_view rest = value.substr(at);
  std::size_t begin;
  std::string_view terminators;
  if (rest.starts_with("=?")) {
    begin = at + 2;
    terminators = "?*";
  } else if (rest.starts_with("*=")) {
    begin = at + 2 + (rest.starts_with("*=\"") ? 1 : 0);
    terminators = "'";
  } else {
    return std::nullopt;
  }
  std::size_t end = begin;
  while (end < value.size() && is_label_char(value[end])) ++end;
  if (end == begin || end == value.size() || terminators.find(value[end]) == std::string_view::npos)
    return std::nullopt;
  return Label{begin, end};
}

}  // namespace

std::string decode_8bit_text(std::string_view bytes) {
  if (g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) return std::string(bytes);
  gsize written = 0;
  const GStringPtr converted(
      g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", "GB18030", nullptr, &written, nullptr));
  if (converted) return std::string(converted.get(), written);
  return utf8_sanitise(bytes);
}

std::string relabel_gbk_charsets(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 16);
  std::size_t at = 0;
  while (at < value.size()) {
    const auto label = label_at(value, at);
    if (label && is_gbk_label(value.substr(label->begin, label->end - label->begin))) {
      out.append(value.substr(at, label->begin - at));
      out += "gb18030";
      at = label->end;
    } else {
      out += value[at++];
    }
  }
  return out;
}

std::string prepare_header_value(std::string_view raw) {
  const std::string text = decode_8bit_text(raw);
  return relabel_gbk_charsets(take_g_string(g_mime_utils_header_unfold(text.c_str())));
}

}  // namespace intake
