#pragma once
// The messages of a mailbox on disk, as bytes, one at a time: an mbox file, a Maildir, a folder of .eml files.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "models/result.h"
#include "pipeline/bytes.h"

namespace intake {

struct MailSourceOptions {
  // A message larger than this is an error item and is not read: far above any mail server's size limit.
  std::uintmax_t max_message_bytes = 256ULL << 20;
};

struct MailItem {
  std::string origin;   // what reports name: the file, or "mailbox.mbox, message 3 (byte 4340274)"
  Result<Bytes> bytes;  // the message as delivered, or why it could not be read
};

using MailVisitor = std::function<void(MailItem&&)>;

// Calls `visit` for every message of `source`, in a stable order; a message that cannot be read is an item with
// an Error, and the rest follow.
//  - a folder with cur/ or new/ is a Maildir: the files of both, ordered by name (the delivery time comes
//    first), tmp/ skipped as it holds deliveries in progress;
//  - another folder: its .eml files, recursively, ordered by path; hidden entries skipped;
//  - a file starting with "From " is an mbox (RFC 4155): GMime's parser finds where each message begins and
//    ends, the separating blank line is dropped and mboxrd quoting (">From " → "From ") undone, so a message
//    has the same bytes as its Maildir or .eml copy;
//  - any other file is one message.
// Returns how many items were visited; Error when the source itself cannot be read.
Result<std::size_t> visit_mail_source(const std::filesystem::path& source, const MailVisitor& visit,
                                      const MailSourceOptions& options = {});

}  // namespace intake
