#include "models/media_type.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace intake {
namespace {

bool starts_with(std::span<const unsigned char> bytes, std::string_view magic, std::size_t at = 0) {
  if (bytes.size() < at + magic.size()) return false;
  return std::memcmp(bytes.data() + at, magic.data(), magic.size()) == 0;
}

// PDF 1.7 (ISO 32000) lets "%PDF-" start anywhere in the first 1024 bytes; readers accept that.
bool has_pdf_header(std::span<const unsigned char> bytes) {
  const auto head = bytes.first(std::min<std::size_t>(bytes.size(), 1024));
  constexpr std::string_view magic = "%PDF-";
  return std::search(head.begin(), head.end(), magic.begin(), magic.end()) != head.end();
}

bool looks_like_text(std::span<const unsigned char> bytes) {
  const auto head = bytes.first(std::min<std::size_t>(bytes.size(), 512));
  return !head.empty() && std::none_of(head.begin(), head.end(), [](unsigned char c) {
    return c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b);
  });
}

}  // namespace

MediaType sniff_media_type(std::span<const unsigned char> bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF")) return MediaType::jpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return MediaType::png;
  if (starts_with(bytes, std::string_view("II*\0", 4)) || starts_with(bytes, std::string_view("MM\0*", 4)))
    return MediaType::tiff;
  if (has_pdf_header(bytes)) return MediaType::pdf;
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return MediaType::zip;
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return MediaType::gif;
  if (starts_with(bytes, "BM") && bytes.size() > 14) return MediaType::bmp;
  if (starts_with(bytes, "RIFF") && starts_with(bytes, "WEBP", 8)) return MediaType::webp;
  if (looks_like_text(bytes)) return MediaType::text;
  return MediaType::unknown;
}

std::string_view media_type_name(MediaType type) {
  switch (type) {
    case MediaType::jpeg: return "image/jpeg";
    case MediaType::png: return "image/png";
    case MediaType::tiff: return "image/tiff";
    case MediaType::pdf: return "application/pdf";
    case MediaType::zip: return "application/zip";
    case MediaType::gif: return "image/gif";
    case MediaType::bmp: return "image/bmp";
    case MediaType::webp: return "image/webp";
    case MediaType::text: return "text/plain";
    case MediaType::unknown: break;
  }
  return "application/octet-stream";
}

bool is_scannable(MediaType type) {
  return type == MediaType::jpeg || type == MediaType::png || type == MediaType::tiff ||
         type == MediaType::pdf || type == MediaType::bmp;
}

}  // namespace intake
