#include "pipeline/reading/seal_rows.h"

#include <algorithm>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/hidden_date.h"
#include "models/char_class.h"
#include "models/utf8.h"
#include "ocr/split_characters.h"
#include "pipeline/reading/read_modes.h"
#include "pipeline/reading/seal_date_lines.h"

namespace intake {
namespace {

// Rows of aligned glyphs read for a date: (盖章), the date and a lettering row inside a seal; the opinion's own lines
// come first in a whole box.
constexpr std::size_t rows_per_seal = 3;
constexpr std::size_t rows_per_box = 6;
// The most a row read out of a seal's blot is trusted: below every floor for ok.
constexpr double seal_row_confidence = 0.5;
// A line read at least this sure is printed text, whose height is the glyph height.
constexpr double sure_line_confidence = 0.9;
constexpr std::ptrdiff_t least_han_measured = 3;
// A row's band is this many glyph heights above its foot: the glyphs, and as little of what the seal has above them.
constexpr double band_height = 1.0;
// A Chinese glyph's ink is about 0.9 of its point size.
constexpr double default_glyph_points = 12 * 0.9;
constexpr double points_per_inch = 72;

bool holds_numeral(std::string_view read) {
  const std::u32string text = utf8_decode(read);
  return std::any_of(text.begin(), text.end(), [](char32_t c) { return is_ascii_digit(c) || is_chinese_numeral(c); });
}

}  // namespace

SealRowReader::SealRowReader(const CleanPage& clean, const PageRulings& rulings, TesseractEngine& engine,
                             TesseractEngine& cross_check)
    : clean_(clean), rulings_(rulings), engine_(engine), cross_check_(cross_check) {}

std::optional<SealRow> SealRowReader::date_under(const SealMark& seal, const cv::Rect& box,
                                                 double glyph_height) const {
  const int reach = cvRound(seal.radius + 2 * glyph_height);
  const cv::Rect around(cvRound(seal.centre.x) - reach, cvRound(seal.centre.y) - reach, 2 * reach, 2 * reach);
  return first_date_row(box, around, seal.centre, seal.radius, glyph_height, rows_per_seal);
}

std::optional<SealRow> SealRowReader::date_in(const cv::Rect& box, double glyph_height) const {
  const cv::Point2f middle(box.x + box.width / 2.f, box.y + box.height / 2.f);
  return first_date_row(box, box, middle, static_cast<float>(box.width + box.height), glyph_height, rows_per_box);
}

std::optional<OcrText> SealRowReader::text_row_in(const cv::Rect& line, double glyph_height,
                                                  cv::Rect& row_box) const {
  const cv::Rect inside = line & cv::Rect(0, 0, clean_.grey.cols, clean_.grey.rows);
  if (inside.area() == 0) return std::nullopt;
  const cv::Mat binary = cell_image(clean_.binary, rulings_, inside);
  const cv::Point2f middle(inside.width / 2.f, inside.height / 2.f);
  const auto rows = seal_date_lines(binary, middle, static_cast<float>(inside.width + inside.height), glyph_height, 1);
  if (rows.empty()) return std::nullopt;
  row_box = rows.front().box + inside.tl();
  OcrText read = engine_.read(rows.front().binary, clean_.dpi, ReadMode::line);
  doubt_split_characters(read, rows.front().binary);
  return read;
}

// The first of the rows of aligned glyphs in `around` round `centre` (see seal_date_lines) whose middle lies in
// `box` and that reads as part of a date, read once as a line and once typed.
std::optional<SealRow> SealRowReader::first_date_row(const cv::Rect& box, const cv::Rect& area, cv::Point2f centre,
                                                     float radius, double glyph_height, std::size_t rows) const {
  const cv::Rect around = area & cv::Rect(0, 0, clean_.grey.cols, clean_.grey.rows);
  if (around.area() == 0) return std::nullopt;
  const cv::Mat binary = cell_image(clean_.binary, rulings_, around);
  const cv::Point2f local(centre.x - static_cast<float>(around.x), centre.y - static_cast<float>(around.y));
  for (const SealDateLine& line : seal_date_lines(binary, local, radius, glyph_height, rows)) {
    const cv::Rect found = line.box + around.tl();
    const int middle = found.y + found.height / 2;
    if (middle < box.y || middle >= box.y + box.height) continue;
    const int left = std::max(found.x, box.x), right = std::min(found.x + found.width, box.x + box.width);
    if (right <= left) continue;
    const cv::Rect page_box(left, found.y, right - left, found.height);
    const cv::Mat image = line.binary(page_box - found.tl());
    OcrText read = engine_.read(image, clean_.dpi, ReadMode::line);
    doubt_split_characters(read, image);
    const ReadMode mode = date_read_mode(read.text);
    const OcrText typed = cross_check_.read(image, clean_.dpi, mode);
    if (reads_as_words(read.text) || (!holds_numeral(read.text) && !holds_numeral(typed.text))) continue;
    // A row with a numeral may be the date with most of its glyphs touching the seal's marks (iRS6 12 for
    // 2026年1月12日): its band, the marks left on, can show the rest.
    const int band_rows = std::min(page_box.height, cvRound(band_height * glyph_height));
    const cv::Rect band_box(page_box.x, page_box.y + page_box.height - band_rows, page_box.width, band_rows);
    const OcrText band = engine_.read(cell_image(clean_.binary, rulings_, band_box), clean_.dpi, ReadMode::line);
    if (!holds_date_part(read.text) && !holds_date_part(typed.text) && !holds_date_part(band.text)) continue;
    SealRow row{page_box, text_read(read, ReadMode::line), text_read(typed, mode), text_read(band, ReadMode::line)};
    for (TextRead* part : {&row.read, &row.typed, &row.band}) {
      part->confidence = std::min(part->confidence, seal_row_confidence);
      part->min_confidence = std::min(part->min_confidence, seal_row_confidence);
    }
    return row;
  }
  return std::nullopt;
}

std::optional<double> printed_glyph_height(const std::vector<TextRead>& lines, const std::vector<cv::Rect>& boxes,
                                           int pad, const std::vector<SealMark>& seals) {
  std::vector<int> heights;
  for (std::size_t i = 0; i < lines.size() && i < boxes.size(); ++i) {
    const std::u32string text = utf8_decode(lines[i].text);
    const auto han = std::count_if(text.begin(), text.end(), is_han);
    const bool clear_of_seals =
        std::none_of(seals.begin(), seals.end(), [&](const SealMark& seal) { return disc_meets(seal, boxes[i]); });
    if (lines[i].confidence >= sure_line_confidence && han >= least_han_measured && clear_of_seals)
      heights.push_back(boxes[i].height - 2 * pad);
  }
  if (heights.empty()) return std::nullopt;
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

double default_glyph_height(int dpi) { return default_glyph_points / points_per_inch * dpi; }

bool disc_meets(const SealMark& seal, const cv::Rect& box) {
  const float x = std::clamp(seal.centre.x, static_cast<float>(box.x), static_cast<float>(box.x + box.width));
  const float y = std::clamp(seal.centre.y, static_cast<float>(box.y), static_cast<float>(box.y + box.height));
  return cv::norm(cv::Point2f(x, y) - seal.centre) < seal.radius;
}

}  // namespace intake
