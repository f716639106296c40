#pragma once
// `intake mail`: mbox files, Maildirs, folders of .eml files, single messages and IMAP mailboxes (pipeline/mail/).
// The calling thread visits the sources, parses each message (milliseconds, next to seconds of OCR a page), sorts
// its attachments (attachment_use.h) and is the one writer; PDF and scanned attachments are read on workers, one
// PageReader each, exactly as `intake scan` reads files. Messages are taken in batches, so a large mailbox never
// sits in memory whole, and stored in the order the sources give them, so the database does not depend on thread
// timing. Documents are assembled at the end of the run, per message (scan_documents.h).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/form_kind.h"
#include "models/result.h"
#include "pipeline/mail/attachment_use.h"
#include "pipeline/mail/imap_source.h"
#include "pipeline/mail/mail_message.h"
#include "pipeline/mail/mail_sources.h"
#include "pipeline/page_decoder.h"
#include "pipeline/photos_run.h"
#include "pipeline/reading/page_reader.h"

namespace intake {

struct MailRunOptions {
  std::filesystem::path database = "intake.db";
  // Page-reading threads; 0 means one per core. Started only when some attachment has pages to read.
  unsigned workers = 0;
  // Messages are parsed ahead of the page reading until their attachments hold this many bytes; then the batch is
  // read and stored. Bounds memory (a worker holds one page at a time besides); a larger batch keeps the workers
  // busy across more messages.
  std::uintmax_t batch_bytes = 256ULL << 20;
  MailSourceOptions source;
  ImapOptions imap;
  // The password of an imap[s]:// source: by default INTAKE_IMAP_PASSWORD or a prompt without echo; never the
  // command line.
  std::function<Result<std::string>(const ImapUrl&)> imap_password = read_imap_password;
  MailParseOptions parse;
  AttachmentUseOptions attachment_use;
  DecodeOptions decode;
  PageReaderOptions reader;
  // ID photos are checked at the end of the run, as `intake photos` checks them.
  PhotoCheckOptions photos;
};

struct MailRunProblem {
  std::string file;    // the source, or the message: where it was read and its Message-ID
  std::string reason;  // which attachment and what was wrong; phone and ID numbers masked
  // error: content could not be read (wholly or in part); warning: all was read but the office should know (an
  // attachment renamed to a safe name, a message without a Date).
  Severity severity = Severity::error;
};

struct MailRunSummary {
  int sources = 0;         // SOURCE arguments; an IMAP mailbox is visited from where its last visit ended
  int messages = 0;        // messages met
  int new_messages = 0;    // stored by this run
  int already_stored = 0;  // the same message (Message-ID, or bytes when it has none) was stored before
  int attachments = 0;     // attachments of the new messages; a ZIP's entries count, the ZIP itself does not
  int new_sources = 0;     // of those, bytes not stored before
  int photos = 0;          // of the new sources, ID photos
  int pages = 0;           // pages stored by this run
  int documents = 0;       // documents stored by this run
  int findings = 0;        // findings stored by this run (mail_subject, unreadable_input, record-level, photos)
  int photos_ok = 0;       // of the new ID photos, those that passed their own checks
  std::vector<MailRunProblem> problems;

  // Whether some input could not be read: exit status 1 (EXPORT.md).
  bool unreadable() const;
  nlohmann::json to_json() const;
};

// Fails only when the database cannot be opened or OCR cannot start; every problem with an input is in the
// summary and stored as a finding.
Result<MailRunSummary> run_mail(const std::vector<std::string>& sources, const MailRunOptions& options);

}  // namespace intake
