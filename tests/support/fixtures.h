#pragma once
// Test fixtures made in-process: a scratch folder that cleans up after itself, and page images written as JPEG,
// PNG, multi-page TIFF (JPEG, LZW, CCITT G4) and PDF, so each format test states exactly what it decodes.
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "pipeline/bytes.h"

namespace intake::testing {

class ScratchFolder {
 public:
  ScratchFolder();
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// An A6 page at `dpi`, white with a ruled box and the page number drawn in, so pages differ.
cv::Mat make_page(int number, int dpi = 100, bool colour = true);

enum class TiffCompression { jpeg, lzw, g4 };
// Writes a multi-page TIFF with Leptonica; G4 pages are binarised first (G4 is 1-bit only).
void write_tiff(const std::filesystem::path& path, const std::vector<cv::Mat>& pages, TiffCompression compression,
                int dpi);

// A PDF of `pages` A4 pages drawn with Cairo: vector text and rules, as a born-digital PDF has.
void write_pdf(const std::filesystem::path& path, int pages);

// A one-page A4 PDF with `text` set in Noto Sans CJK SC at (72, 100) pt, 14 pt, lines split on '\n' — a Word
// export's text layer in miniature. With `red_seal`, a red ring and 12.3 pt lettering drawn over the last line,
// as an electronic seal is.
void write_text_pdf(const std::filesystem::path& path, const std::string& text, bool red_seal = false);

// A one-page A4 PDF of a ruled table, as a form exported from Word: `lines` set above it, then one row per entry of
// `rows`, each row's cells of equal width (a row of one cell spans the table). Noto Sans CJK SC, 10 pt.
void write_table_pdf(const std::filesystem::path& path, const std::vector<std::string>& lines,
                     const std::vector<std::vector<std::string>>& rows);

// `text` set in `font` (a fontconfig family, e.g. "Noto Serif CJK SC") at `points` on a white grey image at `dpi`,
// as a printed form's line would be scanned. Lines split on '\n'.
cv::Mat render_text(const std::string& text, const std::string& font, double points, int dpi);

Bytes encode_jpeg(const cv::Mat& image, int dpi);
Bytes encode_png(const cv::Mat& image);
void write_bytes(const std::filesystem::path& path, const Bytes& bytes);
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace intake::testing
