#pragma once
// Turns the bytes of a scanned file into page images, one page at a time, so a 200-page TIFF never sits in memory
// whole. JPEG/PNG/BMP/TIFF through Leptonica (which keeps the file's resolution and reads JPEG-, LZW- and
// CCITT G4-compressed TIFF), PDF through Poppler.
#include <functional>
#include <optional>
#include <span>
#include <string>

#include <opencv2/core.hpp>

#include "models/media_type.h"
#include "ocr/text_layer.h"

namespace intake {

enum class ColourMode { colour, grey, bw };
std::string_view name_of(ColourMode mode);

enum class DpiSource { file, estimated_a4, rendered };
std::string_view name_of(DpiSource source);

struct DecodedPage {
  int index = 0;   // 1-based, as people count pages
  cv::Mat image;   // CV_8UC1 (grey, or 0/255 for 1-bit) or CV_8UC3 BGR
  int dpi = 0;
  DpiSource dpi_source = DpiSource::file;
  ColourMode mode = ColourMode::colour;
  // A PDF page's own text, when it has a usable layer (born-digital): read instead of OCR.
  std::optional<TextLayer> text_layer;
};

struct DecodeOptions {
  // PDFs are rendered at this resolution: 300 dpi keeps 小四 characters about 50 px high, what OCR wants.
  int pdf_dpi = 300;
  // A page above this many pixels is refused before decoding (decompression bombs; A4 at 600 dpi is 35 Mpx).
  long long max_page_pixels = 150'000'000;
  // Files with more pages than this are read up to the limit and reported.
  int max_pages = 2000;
};

struct DecodeOutcome {
  int pages = 0;                       // pages handed to the callback
  std::optional<std::string> problem;  // set when the file, or some page of it, could not be read
};

using PageCallback = std::function<void(DecodedPage&&)>;

// Calls on_page for every readable page in order. Never throws on bad input: problems come back in the outcome.
DecodeOutcome decode_pages(std::span<const unsigned char> bytes, MediaType type, const DecodeOptions& options,
                           const PageCallback& on_page);

}  // namespace intake
