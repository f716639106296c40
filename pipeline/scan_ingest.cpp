#include "pipeline/scan_ingest.h"

#include <fmt/format.h>

#include "pipeline/sha256.h"

namespace intake {

PageSummary summarise_page(const DecodedPage& page) {
  PageSummary summary;
  summary.index = page.index;
  summary.width = page.image.cols;
  summary.height = page.image.rows;
  summary.dpi = page.dpi;
  summary.dpi_source = page.dpi_source;
  summary.mode = page.mode;
  Sha256 hash;
  const std::string shape = fmt::format("{}x{}x{}\n", page.image.cols, page.image.rows, page.image.channels());
  hash.update({reinterpret_cast<const unsigned char*>(shape.data()), shape.size()});
  const std::size_t row_bytes = page.image.cols * page.image.elemSize();
  for (int y = 0; y < page.image.rows; ++y) hash.update({page.image.ptr<unsigned char>(y), row_bytes});
  summary.image_sha256 = hash.hex_digest();
  return summary;
}

ScannedFile scan_file(std::span<const unsigned char> bytes, std::string sha256, const DecodeOptions& options,
                      const std::function<void(const DecodedPage&)>& on_page) {
  ScannedFile file;
  file.sha256 = std::move(sha256);
  file.size = bytes.size();
  file.media_type = sniff_media_type(bytes);
  const DecodeOutcome outcome = decode_pages(bytes, file.media_type, options, [&](DecodedPage&& page) {
    file.pages.push_back(summarise_page(page));
    if (on_page) on_page(page);
  });
  file.problem = outcome.problem;
  return file;
}

}  // namespace intake
