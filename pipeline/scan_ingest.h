#pragma once
// The ingest stage for scanned files: bytes in, a description of the file and its pages out.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/media_type.h"
#include "pipeline/page_decoder.h"

namespace intake {

struct PageSummary {
  int index = 0;  // 1-based
  int width = 0;
  int height = 0;
  int dpi = 0;
  DpiSource dpi_source = DpiSource::file;
  ColourMode mode = ColourMode::colour;
  std::string image_sha256;  // of the decoded pixels: the same page from a PDF and a TIFF shows up as such
};

struct ScannedFile {
  std::string sha256;
  std::uintmax_t size = 0;
  MediaType media_type = MediaType::unknown;
  std::vector<PageSummary> pages;
  std::optional<std::string> problem;  // with no pages: unreadable; with pages: partly read
};

PageSummary summarise_page(const DecodedPage& page);

// Sniffs the type from the bytes and decodes every page once, handing each decoded page to `on_page` (when set)
// before it is dropped.
ScannedFile scan_file(std::span<const unsigned char> bytes, std::string sha256, const DecodeOptions& options,
                      const std::function<void(const DecodedPage&)>& on_page = {});

}  // namespace intake
