#include "support/fixtures.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <leptonica/allheaders.h>

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>

#include "ocr/pix_mat.h"

namespace intake::testing {
namespace fs = std::filesystem;

ScratchFolder::ScratchFolder() {
  std::random_device device;
  path_ = fs::temp_directory_path() / fmt::format("intake-test-{:08x}{:08x}", device(), device());
  fs::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

cv::Mat make_page(int number, int dpi, bool colour) {
  // A6 (105 × 148 mm): big enough to be a page, small enough to keep the tests quick.
  const int width = static_cast<int>(dpi * 105 / 25.4);
  const int height = static_cast<int>(dpi * 148 / 25.4);
  cv::Mat page(height, width, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::rectangle(page, {page.cols / 10, page.rows / 10}, {page.cols * 9 / 10, page.rows * 9 / 10}, {0, 0, 0}, 2);
  cv::putText(page, fmt::format("page {}", number), {page.cols / 5, page.rows / 2}, cv::FONT_HERSHEY_SIMPLEX,
              dpi / 100.0, {0, 0, 200}, 2);
  if (colour) return page;
  cv::Mat grey;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  return grey;
}

void write_tiff(const fs::path& path, const std::vector<cv::Mat>& pages, TiffCompression compression, int dpi) {
  const int leptonica_compression = compression == TiffCompression::jpeg ? IFF_TIFF_JPEG
                                    : compression == TiffCompression::lzw ? IFF_TIFF_LZW
                                                                          : IFF_TIFF_G4;
  fs::create_directories(path.parent_path());
  bool first = true;
  for (const cv::Mat& page : pages) {
    PixPtr pix = mat_to_pix(page);
    if (compression == TiffCompression::g4) {
      PixPtr grey(pixConvertTo8(pix.get(), 0));
      pix.reset(pixThresholdToBinary(grey.get(), 128));
    }
    pixSetResolution(pix.get(), dpi, dpi);
    if (pixWriteTiff(path.c_str(), pix.get(), leptonica_compression, first ? "w" : "a") != 0)
      throw std::runtime_error("cannot write test TIFF " + path.string());
    first = false;
  }
}

void write_pdf(const fs::path& path, int pages) {
  fs::create_directories(path.parent_path());
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  for (int i = 1; i <= pages; ++i) {
    cairo_rectangle(cr, 60, 60, 475, 700);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_move_to(cr, 100, 120);
    cairo_set_font_size(cr, 14);
    const std::string text = fmt::format("page {}", i);
    cairo_show_text(cr, text.c_str());
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write test PDF " + path.string());
}

Bytes encode_jpeg(const cv::Mat& image, int dpi) {
  Bytes bytes;
  cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, 90});
  // Patch the JFIF APP0 density (OpenCV writes 1:1 aspect only): units=1 (dpi) at offset 13, X and Y after.
  if (bytes.size() > 18 && bytes[6] == 'J' && bytes[7] == 'F') {
    bytes[13] = 1;
    bytes[14] = static_cast<unsigned char>(dpi >> 8);
    bytes[15] = static_cast<unsigned char>(dpi & 0xff);
    bytes[16] = static_cast<unsigned char>(dpi >> 8);
    bytes[17] = static_cast<unsigned char>(dpi & 0xff);
  }
  return bytes;
}

Bytes encode_png(const cv::Mat& image) {
  Bytes bytes;
  cv::imencode(".png", image, bytes);
  return bytes;
}

void write_bytes(const fs::path& path, const Bytes& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void write_text(const fs::path& path, const std::string& text) {
  write_bytes(path, Bytes(text.begin(), text.end()));
}

}  // namespace intake::testing
