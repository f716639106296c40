#pragma once
// What the mail layer hands on: attachments with their provenance, and the problems met on the way. Plain data.
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/bytes.h"

namespace intake {

enum class MailProblemKind {
  malformed_mime,  // GMime had to guess at the structure (bad header, multipart without boundary, …)
  truncated,       // the message ends inside a part: a closing boundary (RFC 2046 section 5.1.1) is missing
  bad_base64,      // content not in the RFC 2045 section 6.8 alphabet, or cut short; decoded as far as it goes
  huge_header,     // a header field longer than MailParseOptions::max_header_bytes; ignored
  missing_header,  // From or a date (RFC 5322 section 3.6 requires both) absent or unreadable
  unnamed_part,    // an attachment without a file name; given one from its part path
  unsafe_name,     // a name with directories, "..", control characters, or a ZIP entry that is not a file
  zip_unreadable,  // a ZIP attachment (or one of its entries) that libarchive cannot read
  zip_limit,       // expanding a ZIP would pass ZipOptions' limits; expansion stopped there
};

std::string_view mail_problem_name(MailProblemKind kind);

struct MailProblem {
  MailProblemKind kind = MailProblemKind::malformed_mime;
  std::string part_path;  // where, as MailAttachment::part_path; "" for the message as a whole
  std::string message;    // for people; names no phone or ID numbers (masked)
};

struct MailAttachment {
  std::string name;        // bare file name, UTF-8 (see file_name.h)
  std::string media_type;  // declared, lower case ("application/pdf"); for ZIP entries sniffed from the bytes
  Bytes bytes;             // transfer encoding undone
  // IMAP body part number (RFC 3501 section 6.4.5): "2.1" is the first part of the second part; parts of a
  // forwarded message/rfc822 continue the number of that part. A ZIP entry adds "/n", its 1-based entry number.
  std::string part_path;
  bool forwarded = false;  // inside a forwarded message/rfc822
};

}  // namespace intake
