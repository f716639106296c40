#include "pipeline/cleanup/orientation.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/cleanup/ink.h"
#include "pipeline/cleanup/page_geometry.h"

namespace intake {
namespace {

// Glyph-sized marks: characters and their parts. Larger things (rulings, frames, seal rings, scanner edges) have
// no line rhythm; smaller ones are dust. 15 mm is a 二号 title glyph with room to spare.
cv::Mat text_of(const cv::Mat& ink, double dpi) { return glyph_sized_ink(ink, dpi, 0.4, 15.0); }

// A straight run this long is a table ruling (longer than any glyph stroke, shorter than the narrowest column).
constexpr double ruling_mm = 25;

// Positive when text lines run horizontally, negative when vertically: in each tile with some text, the share of
// empty pixel rows minus the share of empty pixel columns. Between lines there are empty rows; inside a line the
// pooled glyphs leave no empty columns.
double line_direction_vote(const cv::Mat& text, double dpi, const OrientationOptions& options) {
  const ReducedImage pooled = reduce_to_dpi(text, dpi, mm_per_inch / options.pool_mm);
  const cv::Mat ink = pooled.image > 0;
  const int tile = std::max(8, mm_to_px(options.tile_mm, pooled.dpi));
  double vote = 0;
  int tiles = 0;
  for (int ty = 0; ty + tile / 2 <= ink.rows; ty += tile)
    for (int tx = 0; tx + tile / 2 <= ink.cols; tx += tile) {
      const cv::Rect box = cv::Rect(tx, ty, tile, tile) & cv::Rect(0, 0, ink.cols, ink.rows);
      const cv::Mat cell = ink(box);
      const int count = cv::countNonZero(cell);
      if (count < 0.02 * box.area() || count > 0.6 * box.area()) continue;
      cv::Mat rows, cols;
      cv::reduce(cell, rows, 1, cv::REDUCE_MAX);
      cv::reduce(cell, cols, 0, cv::REDUCE_MAX);
      const double empty_rows = 1.0 - cv::countNonZero(rows) / static_cast<double>(box.height);
      const double empty_cols = 1.0 - cv::countNonZero(cols) / static_cast<double>(box.width);
      vote += empty_rows - empty_cols;
      ++tiles;
    }
  return tiles == 0 ? 0.0 : vote / tiles;
}

// Boxes of horizontal text lines: glyphs smeared along the line (2.5 mm bridges the gaps between glyphs and
// words, not the space between cells or lines).
std::vector<cv::Rect> text_lines(const cv::Mat& text, double dpi) {
  cv::Mat smeared;
  cv::morphologyEx(text, smeared, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(mm_to_px(2.5, dpi), mm_to_px(0.6, dpi))));
  cv::Mat labels, stats;
  const int count = label_components(smeared, labels, stats);
  std::vector<cv::Rect> lines;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (box.height >= 1.5 * px_per_mm(dpi) && box.height <= 20 * px_per_mm(dpi) && box.width >= 1.5 * box.height)
      lines.push_back(box);
  }
  return lines;
}

double median_height(std::vector<cv::Rect> lines) {
  if (lines.empty()) return 0;
  auto middle = lines.begin() + static_cast<std::ptrdiff_t>(lines.size() / 2);
  std::nth_element(lines.begin(), middle, lines.end(),
                   [](const cv::Rect& a, const cv::Rect& b) { return a.height < b.height; });
  return middle->height;
}

// Positive for upright, negative for upside down, from the layout of an upright-or-flipped page.
double layout_vote(const std::vector<cv::Rect>& lines, const cv::Mat& rulings, const cv::Mat& seals, cv::Size page,
                   const OrientationOptions& options) {
  double vote = 0;
  cv::Rect table;
  if (cv::countNonZero(rulings) > 0) {
    table = cv::boundingRect(rulings);
    if (table.width < page.width / 5 || table.height < page.height / 15) table = {};
  }
  const double median = median_height(lines);
  // The title: the tallest line clear of the table, clearly taller than the body text.
  // Titles of forms and reports are centred (GB/T 9704 §7.3.1); a tall block off-centre is a seal merged with the
  // date it is stamped on, or a logo. Taller than 3.5 body lines is not a line of text at all.
  const cv::Rect* title = nullptr;
  for (const cv::Rect& line : lines) {
    const double off_centre = std::abs(line.x + line.width / 2.0 - page.width / 2.0) / page.width;
    if ((line & table).area() == 0 && off_centre < 0.12 && line.height >= options.title_height_ratio * median &&
        line.height <= 3.5 * median && line.width >= 2.5 * line.height &&
        (title == nullptr || line.height > title->height))
      title = &line;
  }
  if (title != nullptr && lines.size() >= 3) {
    if (table.area() > 0) {
      if (title->br().y <= table.y + median)
        vote += 3;
      else if (title->y >= table.br().y - median)
        vote -= 3;
    } else {
      cv::Rect content = lines.front();
      for (const cv::Rect& line : lines) content |= line;
      const double where = (title->y + title->height / 2.0 - content.y) / std::max(1, content.height);
      if (where < 0.3)
        vote += 2;
      else if (where > 0.7)
        vote -= 2;
    }
  }
  // Seals are stamped at the end of the text: below most of its lines. Not "in the page's lower half": a report's
  // last page may end, seal and all, near its top. (Not so on a page of opinion boxes, where the first box's seal
  // stands above the printed 盖章 and 年 月 日 of the blank boxes under it: the scorer decides those.)
  if (!seals.empty() && cv::countNonZero(seals) > static_cast<int>(seals.total() / 2000)) {
    const cv::Moments m = cv::moments(seals, true);
    const double seal_y = m.m01 / m.m00;
    // Lines weighed by their length: the seal's own arcs and the date block beside it are short, the text long.
    double above = 0, below = 0;
    for (const cv::Rect& line : lines) {
      if (line.y <= seal_y && seal_y < line.br().y) continue;  // the seal itself, or a line it is stamped on
      (line.y + line.height / 2.0 < seal_y ? above : below) += line.width;
    }
    if (above + below > 0) {
      const double share_above = above / (above + below);
      if (share_above > 0.6)
        vote += 1.5;
      else if (share_above < 0.4)
        vote -= 1.5;
    }
  }
  // Text starts at the top margin; a short page leaves the bottom empty.
  if (!lines.empty()) {
    cv::Rect content = lines.front();
    for (const cv::Rect& line : lines) content |= line;
    const double top = content.y, bottom = page.height - content.br().y;
    if (top < 0.7 * bottom)
      vote += 0.5;
    else if (bottom < 0.7 * top)
      vote -= 0.5;
  }
  return vote;
}

// Sum over a few text strips of score(upright) - score(flipped), stopping once it is decisive. `lines` are in
// `reduced` pixels of the candidate frame; strips are cut from `upright` (full resolution, same frame).
double scorer_vote(const std::vector<cv::Rect>& lines, int factor, const cv::Mat& upright, double dpi,
                   const UprightScorer& scorer, const OrientationOptions& options, double* magnitude) {
  const double median = median_height(lines);
  std::vector<cv::Rect> strips;
  for (const cv::Rect& line : lines)
    if (line.height >= 0.6 * median && line.height <= 1.6 * median &&
        line.width >= options.min_strip_length_ratio * line.height)
      strips.push_back(line);
  std::sort(strips.begin(), strips.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.width > b.width; });
  if (strips.size() > static_cast<size_t>(options.scorer_strips))
    strips.resize(static_cast<size_t>(options.scorer_strips));
  double vote = 0;
  *magnitude = 0;
  const int pad = mm_to_px(1.0, dpi);
  for (const cv::Rect& strip : strips) {
    const cv::Rect full = cv::Rect(strip.x * factor - pad, strip.y * factor - pad, strip.width * factor + 2 * pad,
                                   strip.height * factor + 2 * pad) &
                          cv::Rect(0, 0, upright.cols, upright.rows);
    const cv::Mat crop = upright(full).clone();
    const double up = scorer(crop);
    const double down = scorer(rotate_quarter(crop, 180));
    if (std::max(up, down) < options.min_readable_score) continue;
    vote += up - down;
    *magnitude += std::abs(up) + std::abs(down);
    if (std::abs(vote) >= options.scorer_decisive) break;
  }
  return vote;
}

}  // namespace

OrientationEstimate find_orientation(const cv::Mat& grey, double dpi, const OrientationOptions& options,
                                     const UprightScorer& scorer, const cv::Mat& seals) {
  CV_Assert(grey.type() == CV_8UC1);
  OrientationEstimate estimate;
  if (grey.empty() || dpi <= 0) return estimate;
  const ReducedImage reduced = reduce_to_dpi(grey, dpi, options.analysis_dpi);
  const cv::Mat ink = find_ink(reduced.image, reduced.dpi);
  const cv::Mat text = text_of(ink, reduced.dpi);

  const double direction = line_direction_vote(text, reduced.dpi, options);
  estimate.sideways_confidence = std::clamp(std::abs(direction) / (4 * options.min_sideways_vote), 0.0, 1.0);
  const int base = direction < -options.min_sideways_vote ? 90 : 0;
  if (base == 0 && direction < 0) estimate.sideways_confidence = 0;

  // Up or down, looked at with the lines horizontal.
  const cv::Mat candidate_text = rotate_quarter(text, base);
  const std::vector<cv::Rect> lines = text_lines(candidate_text, reduced.dpi);
  double flip_vote = 0;
  if (scorer) {
    double magnitude = 0;
    const double vote =
        scorer_vote(lines, reduced.factor, rotate_quarter(grey, base), dpi, scorer, options, &magnitude);
    if (magnitude > 0 && std::abs(vote) > options.scorer_margin) {
      flip_vote = vote;
      estimate.flip_source = FlipSource::scorer;
      estimate.flip_confidence = std::clamp(2 * std::abs(vote) / magnitude, 0.0, 1.0);
    }
  }
  if (estimate.flip_source == FlipSource::none) {
    const cv::Mat rulings = rotate_quarter(
        long_runs(ink, reduced.dpi, ruling_mm, true) | long_runs(ink, reduced.dpi, ruling_mm, false), base);
    flip_vote = layout_vote(lines, rulings, seals.empty() ? cv::Mat() : rotate_quarter(seals, base),
                            candidate_text.size(), options);
    if (flip_vote != 0) {
      estimate.flip_source = FlipSource::layout;
      estimate.flip_confidence = std::clamp(std::abs(flip_vote) / 3.0, 0.0, 1.0);
    }
  }
  estimate.rotation = (base + (flip_vote < 0 ? 180 : 0)) % 360;
  estimate.confidence = std::min(estimate.sideways_confidence, estimate.flip_confidence);
  return estimate;
}

}  // namespace intake
