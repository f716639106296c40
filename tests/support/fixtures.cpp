#include "support/fixtures.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <pango/pangocairo.h>

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

namespace {

// Closes the PDF `surface` drawn through `cr` and says so when Cairo could not write it.
void finish_pdf(cairo_surface_t* surface, cairo_t* cr, const fs::path& path) {
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write test PDF " + path.string());
}

}  // namespace

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
  finish_pdf(surface, cr, path);
}

void write_text_pdf(const fs::path& path, const std::string& text, bool red_seal) {
  fs::create_directories(path.parent_path());
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  auto show = [&](const std::string& what, double points, double x, double y) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* description = pango_font_description_from_string("Noto Sans CJK SC");
    pango_font_description_set_absolute_size(description, points * PANGO_SCALE);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, what.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  };
  cairo_set_source_rgb(cr, 0, 0, 0);
  show(text, 14, 72, 100);
  if (red_seal) {
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const double centre_y = 100 + 14 * 1.45 * lines + 10;
    cairo_set_source_rgba(cr, 0.85, 0.1, 0.1, 0.9);
    cairo_set_line_width(cr, 2.5);
    cairo_arc(cr, 140, centre_y, 60, 0, 2 * 3.14159265);
    cairo_stroke(cr);
    show("朝阳市人民政府办公室", 12.3, 82, centre_y - 50);
  }
  cairo_show_page(cr);
  finish_pdf(surface, cr, path);
}

void write_table_pdf(const fs::path& path, const std::vector<std::string>& lines,
                     const std::vector<std::vector<std::string>>& rows) {
  fs::create_directories(path.parent_path());
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  auto show = [&](const std::string& what, double points, double x, double y) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* description = pango_font_description_from_string("Noto Sans CJK SC");
    pango_font_description_set_absolute_size(description, points * PANGO_SCALE);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, what.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  };
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = 60;
  for (const std::string& line : lines) {
    show(line, 14, 60, y);
    y += 28;
  }
  const double left = 50, width = 495, row_height = 30;
  cairo_set_line_width(cr, 0.8);
  for (const auto& row : rows) {
    const double cell_width = width / static_cast<double>(std::max<std::size_t>(1, row.size()));
    for (std::size_t c = 0; c < row.size(); ++c) {
      const double x = left + cell_width * static_cast<double>(c);
      cairo_rectangle(cr, x, y, cell_width, row_height);
      cairo_stroke(cr);
      show(row[c], 10, x + 4, y + 8);
    }
    y += row_height;
  }
  cairo_show_page(cr);
  finish_pdf(surface, cr, path);
}

cv::Mat render_text(const std::string& text, const std::string& font, double points, int dpi) {
  const double pixels_per_point = dpi / 72.0;
  auto layout_for = [&](cairo_t* cr) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* description = pango_font_description_from_string(font.c_str());
    pango_font_description_set_absolute_size(description, points * pixels_per_point * PANGO_SCALE);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
  };
  // Measure first, then draw on a surface of the right size with a margin of paper.
  cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t* probe_cr = cairo_create(probe);
  PangoLayout* measured = layout_for(probe_cr);
  int width = 0, height = 0;
  pango_layout_get_pixel_size(measured, &width, &height);
  g_object_unref(measured);
  cairo_destroy(probe_cr);
  cairo_surface_destroy(probe);

  const int margin = dpi / 10;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width + 2 * margin, height + 2 * margin);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_move_to(cr, margin, margin);
  PangoLayout* layout = layout_for(cr);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  cairo_surface_flush(surface);
  const cv::Mat bgra(cairo_image_surface_get_height(surface), cairo_image_surface_get_width(surface), CV_8UC4,
                     cairo_image_surface_get_data(surface),
                     static_cast<std::size_t>(cairo_image_surface_get_stride(surface)));
  cv::Mat grey;
  cv::cvtColor(bgra, grey, cv::COLOR_BGRA2GRAY);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return grey;
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
