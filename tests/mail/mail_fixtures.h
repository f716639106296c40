#pragma once
// Helpers for the mail tests: text in Chinese legacy charsets, RFC 2047/2231 encodings, and ZIPs written by
// libarchive, so every fixture is a literal message in the test that shows exactly what a client sends.
#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <gtest/gtest.h>
#include <locale.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/mail/mail_message.h"

namespace intake::testing {

// UTF-8 text re-encoded as GB18030 (identical to GBK for characters GBK has).
inline std::string gb18030(std::string_view utf8) {
  gsize written = 0;
  char* converted =
      g_convert(utf8.data(), static_cast<gssize>(utf8.size()), "GB18030", "UTF-8", nullptr, &written, nullptr);
  EXPECT_NE(converted, nullptr);
  std::string out(converted == nullptr ? "" : converted, written);
  g_free(converted);
  return out;
}

inline std::string base64(std::string_view bytes) {
  char* encoded = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string out(encoded);
  g_free(encoded);
  return out;
}

// RFC 2047 "B" encoded word.
inline std::string encoded_word(std::string_view charset, std::string_view bytes) {
  return "=?" + std::string(charset) + "?B?" + base64(bytes) + "?=";
}

// RFC 2231 section 4 percent-encoding of every byte outside the ASCII letters and digits.
inline std::string percent_encoded(std::string_view bytes) {
  std::string out;
  for (const unsigned char c : bytes) {
    if (g_ascii_isalnum(static_cast<gchar>(c))) {
      out += static_cast<char>(c);
    } else {
      out += "%" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15];
    }
  }
  return out;
}

inline std::span<const std::uint8_t> as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

inline MailMessage parse_or_fail(std::string_view text, const MailParseOptions& options = {}) {
  auto parsed = parse_mail_message(as_bytes(text), options);
  if (!parsed) {
    ADD_FAILURE() << "parse failed: " << parsed.error().reason;
    return {};
  }
  return std::move(parsed).value();
}

inline std::vector<std::string> names_of(const MailMessage& message) {
  std::vector<std::string> names;
  for (const MailAttachment& attachment : message.attachments) names.push_back(attachment.name);
  return names;
}

inline std::vector<MailProblemKind> problem_kinds(const std::vector<MailProblem>& problems) {
  std::vector<MailProblemKind> kinds;
  for (const MailProblem& problem : problems) kinds.push_back(problem.kind);
  return kinds;
}

inline std::string text_of(const Bytes& bytes) { return {bytes.begin(), bytes.end()}; }

struct ZipFile {
  std::string name;  // the bytes written as the entry name
  std::string data;
  bool folder = false;
};

// A ZIP written by libarchive. libarchive sets the UTF-8 name flag (APPNOTE bit 11) when the writing thread's
// locale is UTF-8 and writes the raw bytes unflagged in the "C" locale, as Chinese Windows zippers write GBK.
inline std::string zip_archive(const std::vector<ZipFile>& files, bool utf8_flag) {
  locale_t utf8 = utf8_flag ? newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{}) : locale_t{};
  locale_t previous = utf8 != locale_t{} ? uselocale(utf8) : locale_t{};
  std::vector<char> buffer(4 << 20);
  std::size_t used = 0;
  archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  archive_write_open_memory(writer, buffer.data(), buffer.size(), &used);
  for (const ZipFile& file : files) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, file.name.c_str());
    archive_entry_set_filetype(entry, file.folder ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(file.data.size()));
    EXPECT_EQ(archive_write_header(writer, entry), ARCHIVE_OK) << archive_error_string(writer);
    if (!file.data.empty()) archive_write_data(writer, file.data.data(), file.data.size());
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
  if (utf8 != locale_t{}) {
    uselocale(previous);
    freelocale(utf8);
  }
  return {buffer.data(), used};
}

// General-purpose flags of the first local file header (APPNOTE 4.3.7), to check a fixture is what it claims.
inline unsigned first_entry_flags(std::string_view zip) {
  return static_cast<unsigned char>(zip[6]) | static_cast<unsigned>(static_cast<unsigned char>(zip[7])) << 8;
}

inline MailAttachment zip_attachment(std::string bytes, std::string name = "photos.zip") {
  return {std::move(name), "application/zip", Bytes(bytes.begin(), bytes.end()), "2", false};
}

}  // namespace intake::testing
