#pragma once
// Mailboxes written from literal messages, for the tests of `intake mail`: each message is what a client sends
// (multipart/mixed, a text body, attachments in base64), each mailbox laid out as RFC 4155 (mbox) or Maildir says.
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

#include "mail/mail_fixtures.h"
#include "support/fixtures.h"

namespace intake::testing {

// Base64 in lines of 76 characters (RFC 2045 section 6.8).
inline std::string wrapped_base64(const std::string& bytes) {
  const std::string encoded = base64(bytes);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\n";
  return out;
}

struct MessagePart {
  std::string headers;  // Content-Type, Content-Transfer-Encoding, Content-Disposition lines
  std::string body;     // already transfer-encoded
};

// An attachment named in RFC 2231 UTF-8 (filename*=utf-8''…), as 163.com and Foxmail send it.
inline MessagePart attachment_part(const std::string& name, const std::string& bytes,
                                   const std::string& media_type = "application/pdf") {
  return {fmt::format("Content-Type: {}\nContent-Transfer-Encoding: base64\n"
                      "Content-Disposition: attachment; filename*=utf-8''{}\n",
                      media_type, percent_encoded(name)),
          wrapped_base64(bytes)};
}

// `subject_field` as it goes on the wire (encoded words and all); no Message-ID field when `message_id` is "".
inline std::string mail_message(const std::string& message_id, const std::string& subject_field,
                                const std::string& date, const std::vector<MessagePart>& parts) {
  std::string out = "From: zwgk <zwgk@163.com>\nTo: zfxxgk@ln.gov.cn\n";
  if (!message_id.empty()) out += "Message-ID: " + message_id + "\n";
  out += "Subject: " + subject_field + "\nDate: " + date +
         "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
         "--b1\nContent-Type: text/plain; charset=utf-8\n\n见附件。\n";
  for (const MessagePart& part : parts) out += "--b1\n" + part.headers + "\n" + part.body;
  return out + "--b1--\n";
}

// A subject as Outlook sends it: one GBK encoded word.
inline std::string gbk_subject(const std::string& utf8) { return encoded_word("gbk", gb18030(utf8)); }

// RFC 4155: each message after a "From " line and followed by a blank line.
inline void write_mbox(const std::filesystem::path& path, const std::vector<std::string>& messages) {
  std::string mbox;
  for (const std::string& text : messages) mbox += "From zwgk@163.com Mon Dec 22 09:10:25 2025\n" + text + "\n";
  write_text(path, mbox);
}

// Messages delivered and seen (cur/), in the given order.
inline void write_maildir(const std::filesystem::path& folder, const std::vector<std::string>& messages) {
  std::filesystem::create_directories(folder / "new");
  std::filesystem::create_directories(folder / "tmp");
  for (std::size_t n = 0; n < messages.size(); ++n)
    write_text(folder / "cur" / fmt::format("17663658{:02}.M{}P1.host:2,S", n, n), messages[n]);
}

// The bytes of a one-page PDF drawn by write_pdf, to attach.
inline std::string one_page_pdf(const std::filesystem::path& scratch) {
  write_pdf(scratch, 1);
  const auto bytes = read_file_bytes(scratch, 1 << 24);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

}  // namespace intake::testing
