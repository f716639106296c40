#include "pipeline/page_decoder.h"

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "ocr/pix_mat.h"
#include "pipeline/cleanup/seals.h"
#include "pipeline/jpeg_reader.h"

#include "models/utf8.h"

namespace intake {
namespace {

constexpr double a4_long_side_inches = 297.0 / 25.4;

ColourMode colour_mode_of(PIX* pix) {
  const int depth = pixGetDepth(pix);
  if (depth == 1) return ColourMode::bw;
  if (PIXCMAP* cmap = pixGetColormap(pix)) {
    l_int32 has_colour = 0;
    pixcmapHasColor(cmap, &has_colour);
    return has_colour ? ColourMode::colour : ColourMode::grey;
  }
  return depth >= 24 ? ColourMode::colour : ColourMode::grey;
}

// Cameras and some scanner drivers write no density or a placeholder 72 dpi; pages are A4, so the long side
// tells the resolution well enough for OCR's needs.
void settle_dpi(DecodedPage& page, int file_dpi) {
  if (file_dpi >= 100 && file_dpi <= 1200) {
    page.dpi = file_dpi;
    page.dpi_source = DpiSource::file;
    return;
  }
  const int long_side = std::max(page.image.cols, page.image.rows);
  page.dpi = static_cast<int>(std::lround(long_side / a4_long_side_inches));
  page.dpi_source = DpiSource::estimated_a4;
}

bool page_from_pix(PIX* pix, int index, DecodedPage& page) {
  page.index = index;
  page.mode = colour_mode_of(pix);
  page.image = pix_to_mat(pix);
  if (page.image.empty()) return false;
  settle_dpi(page, static_cast<int>(pixGetXRes(pix)));
  return true;
}

std::optional<std::string> check_header(std::span<const unsigned char> bytes, const DecodeOptions& options) {
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(bytes.data(), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0)
    return "not a readable image (bad header)";
  if (w <= 0 || h <= 0) return "image has no pixels";
  if (static_cast<long long>(w) * h > options.max_page_pixels)
    return fmt::format("image too large ({} × {} pixels)", w, h);
  return std::nullopt;
}

DecodeOutcome decode_single_image(std::span<const unsigned char> bytes, const DecodeOptions& options,
                                  const PageCallback& on_page) {
  DecodeOutcome outcome;
  if (auto problem = check_header(bytes, options)) {
    outcome.problem = std::move(problem);
    return outcome;
  }
  PixPtr pix(pixReadMem(bytes.data(), bytes.size()));
  DecodedPage page;
  if (!pix || !page_from_pix(pix.get(), 1, page)) {
    outcome.problem = "image data is damaged or truncated";
    return outcome;
  }
  on_page(std::move(page));
  outcome.pages = 1;
  return outcome;
}

DecodeOutcome decode_jpeg(std::span<const unsigned char> bytes, const DecodeOptions& options,
                          const PageCallback& on_page) {
  DecodeOutcome outcome;
  auto jpeg = read_jpeg(bytes, {.max_pixels = options.max_page_pixels});
  if (!jpeg) {
    outcome.problem = jpeg.error().reason;
    return outcome;
  }
  DecodedPage page;
  page.index = 1;
  page.mode = jpeg->image.channels() == 1 ? ColourMode::grey : ColourMode::colour;
  page.image = std::move(jpeg->image);
  settle_dpi(page, jpeg->dpi);
  outcome.problem = jpeg->warning;
  on_page(std::move(page));
  outcome.pages = 1;
  return outcome;
}

DecodeOutcome decode_tiff(std::span<const unsigned char> bytes, const DecodeOptions& options,
                          const PageCallback& on_page) {
  DecodeOutcome outcome;
  if (auto problem = check_header(bytes, options)) {
    outcome.problem = std::move(problem);
    return outcome;
  }
  std::size_t offset = 0;
  do {
    if (outcome.pages >= options.max_pages) {
      outcome.problem = fmt::format("more than {} pages; the rest were not read", options.max_pages);
      break;
    }
    PixPtr pix(pixReadMemFromMultipageTiff(bytes.data(), bytes.size(), &offset));
    DecodedPage page;
    if (!pix || !page_from_pix(pix.get(), outcome.pages + 1, page)) {
      outcome.problem = fmt::format("TIFF page {} is damaged or uses an unsupported compression", outcome.pages + 1);
      break;
    }
    if (static_cast<long long>(page.image.cols) * page.image.rows > options.max_page_pixels) {
      outcome.problem = fmt::format("TIFF page {} too large", outcome.pages + 1);
      break;
    }
    on_page(std::move(page));
    ++outcome.pages;
  } while (offset != 0);
  return outcome;
}

// Scanned PDFs are often greyscale pages; Poppler renders everything as RGB.
bool looks_grey(const cv::Mat& bgr) {
  cv::Mat channels[3];
  cv::split(bgr, channels);
  cv::Mat blue_green, green_red, spread;
  cv::absdiff(channels[0], channels[1], blue_green);
  cv::absdiff(channels[1], channels[2], green_red);
  cv::max(blue_green, green_red, spread);
  double largest = 0;
  cv::minMaxLoc(spread, nullptr, &largest);
  return largest <= 8;
}

void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

// The page's text layer in the pixels of the page rendered at `dpi` (poppler gives points, origin top left).
// Only upright pages: a rotated page's layer is in its unrotated space.
std::optional<TextLayer> text_layer_of(const poppler::page& page, double dpi, const cv::Mat& rendered) {
  if (page.orientation() != poppler::page::portrait) return std::nullopt;
  const double scale = dpi / 72.0;
  auto pixels = [&](const poppler::rectf& r) {
    return cv::Rect2d(r.x() * scale, r.y() * scale, r.width() * scale, r.height() * scale);
  };
  TextLayer layer;
  for (const poppler::text_box& word : page.text_list(poppler::page::text_list_include_font)) {
    const poppler::byte_array utf8 = word.text().to_utf8();
    const std::u32string codes = utf8_decode(std::string(utf8.begin(), utf8.end()));
    if (codes.empty()) continue;
    const cv::Rect2d whole = pixels(word.bbox());
    const double font_size = word.get_font_size();
    const bool upright = word.rotation() == 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      // Glyphs and code points can differ in number (ligatures): then the word's box is shared out evenly.
      cv::Rect2d box = pixels(word.char_bbox(i));
      if (box.area() <= 0) {
        const double width = whole.width / static_cast<double>(codes.size());
        box = cv::Rect2d(whole.x + width * static_cast<double>(i), whole.y, width, whole.height);
      }
      layer.characters.push_back({codes[i], box, i + 1 == codes.size() && word.has_space_after(), font_size, upright});
    }
  }
  if (!is_usable_text_layer(layer)) return std::nullopt;
  if (rendered.type() == CV_8UC3) drop_seal_lettering(layer, red_ink_mask(rendered, {}));
  return layer;
}

cv::Mat to_bgr(const poppler::image& rendered) {
  const cv::Mat argb(rendered.height(), rendered.width(), CV_8UC4, const_cast<char*>(rendered.const_data()),
                     static_cast<std::size_t>(rendered.bytes_per_row()));
  cv::Mat bgr;
  cv::cvtColor(argb, bgr, cv::COLOR_BGRA2BGR);  // argb32 is BGRA in memory on little-endian machines
  return bgr;
}

DecodeOutcome decode_pdf(std::span<const unsigned char> bytes, const DecodeOptions& options,
                         const PageCallback& on_page) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });

  DecodeOutcome outcome;
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    outcome.problem = "PDF larger than 2 GB";
    return outcome;
  }
  std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(
      reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size())));
  if (!document) {
    outcome.problem = "not a readable PDF (damaged or not a PDF)";
    return outcome;
  }
  if (document->is_locked()) {
    outcome.problem = "PDF is encrypted with a password";
    return outcome;
  }
  const int page_count = document->pages();
  if (page_count <= 0) {
    outcome.problem = "PDF has no pages";
    return outcome;
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  for (int i = 0; i < page_count; ++i) {
    if (outcome.pages >= options.max_pages) {
      outcome.problem = fmt::format("more than {} pages; the rest were not read", options.max_pages);
      break;
    }
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      outcome.problem = fmt::format("PDF page {} cannot be read", i + 1);
      continue;
    }
    const poppler::rectf box = page->page_rect();
    double dpi = options.pdf_dpi;
    const double pixels = box.width() * box.height() * (dpi / 72.0) * (dpi / 72.0);
    if (pixels > static_cast<double>(options.max_page_pixels))
      dpi *= std::sqrt(static_cast<double>(options.max_page_pixels) / pixels);
    const poppler::image rendered = renderer.render_page(page.get(), dpi, dpi);
    if (!rendered.is_valid() || rendered.format() != poppler::image::format_argb32) {
      outcome.problem = fmt::format("PDF page {} cannot be rendered", i + 1);
      continue;
    }
    DecodedPage decoded;
    decoded.index = i + 1;
    decoded.image = to_bgr(rendered);
    decoded.dpi = static_cast<int>(std::lround(dpi));
    decoded.dpi_source = DpiSource::rendered;
    decoded.mode = looks_grey(decoded.image) ? ColourMode::grey : ColourMode::colour;
    decoded.text_layer = text_layer_of(*page, dpi, decoded.image);
    on_page(std::move(decoded));
    ++outcome.pages;
  }
  return outcome;
}

}  // namespace

std::string_view name_of(ColourMode mode) {
  switch (mode) {
    case ColourMode::colour: return "colour";
    case ColourMode::grey: return "grey";
    case ColourMode::bw: return "bw";
  }
  return "colour";
}

std::string_view name_of(DpiSource source) {
  switch (source) {
    case DpiSource::file: return "file";
    case DpiSource::estimated_a4: return "estimated_a4";
    case DpiSource::rendered: return "rendered";
  }
  return "file";
}

DecodeOutcome decode_pages(std::span<const unsigned char> bytes, MediaType type, const DecodeOptions& options,
                           const PageCallback& on_page) {
  silence_leptonica();
  switch (type) {
    case MediaType::jpeg: return decode_jpeg(bytes, options, on_page);
    case MediaType::png:
    case MediaType::bmp: return decode_single_image(bytes, options, on_page);
    case MediaType::tiff: return decode_tiff(bytes, options, on_page);
    case MediaType::pdf: return decode_pdf(bytes, options, on_page);
    default: break;
  }
  DecodeOutcome outcome;
  outcome.problem = fmt::format("not a scanned page: the bytes are {}", media_type_name(type));
  return outcome;
}

}  // namespace intake
