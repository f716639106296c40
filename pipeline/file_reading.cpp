#include "pipeline/file_reading.h"

#include <fmt/format.h>

#include <exception>

namespace intake {

FileReading read_scanned_file(std::span<const unsigned char> bytes, const std::string& sha256,
                              const std::string& display, const DecodeOptions& options, const BlobStore& blobs,
                              PageReader& reader) {
  FileReading out;
  ScannedFile scanned = scan_file(bytes, sha256, options, [&](const DecodedPage& page) {
    PageRead read;
    try {
      read = reader.read(page, display);
    } catch (const std::exception& e) {
      read.file = display;
      read.page = page.index;
      read.problem = fmt::format("page {} could not be read: {}", page.index, e.what());
    }
    out.page_reads.push_back(nlohmann::json(read).dump());
  });
  if (scanned.pages.empty()) {
    out.problem = scanned.problem.value_or("no pages could be decoded");
    out.page_reads.clear();
    return out;
  }
  auto blob = blobs.put(bytes, sha256);
  if (!blob) {
    out.problem = "cannot keep the original: " + blob.error().reason;
    out.page_reads.clear();
    return out;
  }
  out.blob = blob.value();
  out.problem = scanned.problem;
  out.scanned = std::move(scanned);
  return out;
}

}  // namespace intake
