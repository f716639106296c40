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

struct Base64Word {
  std::size_t end = 0;       // one past the closing "?="
  std::string_view charset;  // with any RFC 2231 language suffix ("gbk*zh")
  std::string_view payload;
};

bool is_base64_char(char c) { return g_ascii_isalnum(c) || c == '+' || c == '/' || c == '='; }

// An RFC 2047 "B" encoded word starting at `at`.
std::optional<Base64Word> base64_word_at(std::string_view value, std::size_t at) {
  if (!value.substr(at).starts_with("=?")) return std::nullopt;
  const std::size_t charset_end = value.find('?', at + 2);
  if (charset_end == std::string_view::npos || charset_end == at + 2 || charset_end + 2 >= value.size() ||
      (value[charset_end + 1] != 'B' && value[charset_end + 1] != 'b') || value[charset_end + 2] != '?')
    return std::nullopt;
  const std::size_t payload_begin = charset_end + 3;
  const std::size_t payload_end = value.find("?=", payload_begin);
  if (payload_end == std::string_view::npos) return std::nullopt;
  const std::string_view payload = value.substr(payload_begin, payload_end - payload_begin);
  if (!std::all_of(payload.begin(), payload.end(), is_base64_char)) return std::nullopt;
  return Base64Word{payload_end + 2, value.substr(at + 2, charset_end - at - 2), payload};
}

std::string base64_bytes(std::string_view payload) {
  const std::string text(payload);
  gsize length = 0;
  const GStringPtr bytes(reinterpret_cast<char*>(g_base64_decode(text.c_str(), &length)));
  return std::string(bytes.get(), length);
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

std::string join_base64_words(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  std::size_t at = 0;
  while (at < value.size()) {
    const auto word = base64_word_at(value, at);
    if (!word) {
      out += value[at++];
      continue;
    }
    std::string bytes = base64_bytes(word->payload);
    std::size_t end = word->end;
    int words = 1;
    for (;;) {
      std::size_t next = end;
      while (next < value.size() && (value[next] == ' ' || value[next] == '\t')) ++next;
      const auto following = base64_word_at(value, next);
      if (!following ||
          g_ascii_strcasecmp(std::string(following->charset).c_str(), std::string(word->charset).c_str()) != 0)
        break;
      bytes += base64_bytes(following->payload);
      end = following->end;
      ++words;
    }
    if (words == 1) {
      out.append(value.substr(at, end - at));
    } else {
      const GStringPtr encoded(g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
      out += "=?" + std::string(word->charset) + "?B?" + encoded.get() + "?=";
    }
    at = end;
  }
  return out;
}

std::string prepare_header_value(std::string_view raw) {
  const std::string text = decode_8bit_text(raw);
  return join_base64_words(relabel_gbk_charsets(take_g_string(g_mime_utils_header_unfold(text.c_str()))));
}

}  // namespace intake
