#pragma once
// ZIP attachments (photos are often sent as one) unpacked into attachments of their own, with libarchive.
// Thread-safe: each call has its own archive reader.
#include <cstddef>
#include <cstdint>

#include "models/result.h"
#include "pipeline/mail/mail_records.h"

namespace intake {

struct ZipOptions {
  // Caps against ZIP bombs, counted on the bytes actually inflated (declared sizes can lie). Reaching one stops
  // the expansion with a zip_limit problem; the entries read so far are kept. The defaults are far above a
  // packet of scanned PDFs and photos and far below what a worker can hold.
  std::uint64_t max_total_bytes = 200ULL << 20;
  std::uint64_t max_entry_bytes = 50ULL << 20;
  std::size_t max_entries = 1000;
};

struct ZipExpansion {
  std::vector<MailAttachment> entries;
  std::vector<MailProblem> problems;
};

// Whether an attachment is an archive the sender meant to be unpacked: ZIP by its bytes, and declared or named
// as a ZIP. Word, Excel and OpenDocument files are ZIPs by their bytes too and stay documents.
bool is_zip_archive(const MailAttachment& attachment);

// The files in `zip`, in archive order, as attachments: names decoded (the UTF-8 flag honoured — APPNOTE 4.4.4
// bit 11 — else UTF-8 when valid, else GB18030, as Chinese Windows writes them) and reduced to bare names,
// media types sniffed, part_path "<zip's path>/<entry number>", `forwarded` inherited. Folders are skipped;
// entries whose path leaves the archive's folder, links and devices are problems (a link is not extracted).
// A ZIP inside the ZIP stays one entry. Error only when the bytes cannot be opened as a ZIP at all.
Result<ZipExpansion> expand_zip(const MailAttachment& zip, const ZipOptions& options = {});

}  // namespace intake
