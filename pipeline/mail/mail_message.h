#pragma once
// One e-mail message (RFC 5322, MIME RFC 2045-2049) decoded with GMime into plain data: who sent it, when, the
// subject and every attachment, including those of forwarded messages and the files inside ZIP attachments.
// Thread-safe: calls share nothing but GMime's process-wide initialisation.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/result.h"
#include "pipeline/mail/mail_date.h"
#include "pipeline/mail/mail_records.h"
#include "pipeline/mail/zip_entries.h"

namespace intake {

struct MailParseOptions {
  // A header field longer than this is reported (huge_header) and ignored. Real fields stay under a few KB even
  // with long RFC 2231 names; RFC 5322 section 2.1.1 caps a line at 998 characters.
  std::size_t max_header_bytes = 64 * 1024;
  // received_date is the date in this zone: the notice's deadlines are dates in China Standard Time (UTC+8).
  int deadline_utc_offset_minutes = 8 * 60;
  ZipOptions zip;  // ZIP attachments are unpacked with these limits (zip_entries.h)
};

struct MailAddress {
  std::string name;     // display name, decoded; "" when none
  std::string address;  // addr-spec, e.g. zwgk100@163.com
};

struct MailMessage {
  std::string message_id;        // as written, with angle brackets: <20251222091025.d193@163.com>; "" when absent
  MailAddress from;              // the first mailbox of From
  std::optional<MailDate> date;  // the Date field, else the newest Received field's date
  std::string subject;           // decoded, unfolded
  std::vector<std::string> forwarded_message_ids;  // of the message/rfc822 parts, outermost first
  // Leaf parts that are not body text (text/* without a file name, not marked as attachment), in part order; a
  // ZIP attachment is followed by its files.
  std::vector<MailAttachment> attachments;
  std::vector<MailProblem> problems;  // what was malformed; the rest of the message is still here
};

// Error only when there is no message at all (no bytes, nothing GMime can read as headers); everything less is a
// problem entry beside whatever is usable.
Result<MailMessage> parse_mail_message(std::span<const std::uint8_t> bytes, const MailParseOptions& options = {});

}  // namespace intake
