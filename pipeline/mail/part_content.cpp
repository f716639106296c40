#include "pipeline/mail/part_content.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <span>
#include <vector>

#include "pipeline/mail/gmime_handles.h"

namespace intake {
namespace {

bool is_base64_letter(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

bool is_line_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Counts what RFC 2045 section 6.8 does not allow, fed in chunks.
class Base64Check {
 public:
  void feed(std::span<const unsigned char> chunk) {
    for (const unsigned char c : chunk) {
      if (is_line_space(c)) continue;
      if (c == '=') {
        ++padding_;
      } else if (!is_base64_letter(c)) {
        ++foreign_;
      } else if (padding_ > 0) {
        ++after_padding_;
      } else {
        ++letters_;
      }
    }
  }

  std::string defect() const {
    std::vector<std::string> found;
    if (foreign_ > 0) found.push_back(fmt::format("{} characters outside the base64 alphabet", foreign_));
    if (after_padding_ > 0) found.push_back(fmt::format("{} characters after the '=' padding", after_padding_));
    if ((letters_ + padding_) % 4 != 0) found.push_back("ends inside a 4-character group (cut short)");
    return fmt::format("{}", fmt::join(found, "; "));
  }

 private:
  std::size_t letters_ = 0, padding_ = 0, foreign_ = 0, after_padding_ = 0;
};

std::string base64_defect(GMimeStream* encoded) {
  Base64Check check;
  std::array<unsigned char, 16 * 1024> buffer;
  g_mime_stream_reset(encoded);
  for (;;) {
    const ssize_t read = g_mime_stream_read(encoded, reinterpret_cast<char*>(buffer.data()), buffer.size());
    if (read <= 0) break;
    check.feed(std::span(buffer).first(static_cast<std::size_t>(read)));
  }
  g_mime_stream_reset(encoded);
  return check.defect();
}

}  // namespace

PartContent decode_part_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  PartContent result;
  if (g_mime_data_wrapper_get_encoding(content) == GMIME_CONTENT_ENCODING_BASE64)
    result.defect = base64_defect(g_mime_data_wrapper_get_stream(content));
  const GObjectPtr<GMimeStream> decoded(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, decoded.get());
  const GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(decoded.get()));
  result.bytes.assign(bytes->data, bytes->data + bytes->len);
  return result;
}

}  // namespace intake
