#pragma once
// One scannable file's bytes through the page pipeline, as `intake scan` and `intake mail` both need it: decode
// page by page, read every page with the worker's PageReader, keep the original in the blob store.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pipeline/page_decoder.h"
#include "pipeline/reading/page_reader.h"
#include "pipeline/scan_ingest.h"
#include "pipeline/store/blob_store.h"

namespace intake {

struct FileReading {
  std::optional<ScannedFile> scanned;   // set when at least one page was decoded
  std::string blob;                     // where the original was kept; set with `scanned`
  std::vector<std::string> page_reads;  // JSON of each page's PageRead, in page order
  std::optional<std::string> problem;   // without `scanned`: unreadable; with it: partly read
};

// `display`: the name reports and page reads give the file. A page whose reading throws (a library call that
// breaks on it) is kept with the problem in its read; the file's other pages go on.
FileReading read_scanned_file(std::span<const unsigned char> bytes, const std::string& sha256,
                              const std::string& display, const DecodeOptions& options, const BlobStore& blobs,
                              PageReader& reader);

}  // namespace intake
