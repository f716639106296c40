#pragma once
// Small shared measurements on page images that several cleanup sub-stages make on reduced copies: scaling to a
// working resolution, finding ink under uneven paper tone, and telling ruling lines from glyph-sized marks.
#include <optional>

#include <opencv2/core.hpp>

namespace intake {

constexpr double mm_per_inch = 25.4;
constexpr double px_per_mm(double dpi) { return dpi / mm_per_inch; }
// At least 1, so a length in millimetres never becomes an empty kernel at low resolution.
int mm_to_px(double mm, double dpi);

struct ReducedImage {
  cv::Mat image;
  double dpi = 0;
  int factor = 1;  // input pixels per reduced pixel, each way
  // Centre of reduced pixel `p` in input pixels.
  cv::Point2d to_input(cv::Point2d p) const { return {(p.x + 0.5) * factor - 0.5, (p.y + 0.5) * factor - 0.5}; }
};
// Area-averaged copy reduced by the whole factor nearest dpi/target_dpi (at least 1: the input itself, not a
// copy). Whole factors keep OpenCV on its fast block-averaging path (10× faster than a fractional INTER_AREA) and
// make the map back exact; the last few input rows and columns that do not fill a block are left out.
ReducedImage reduce_to_dpi(const cv::Mat& image, double dpi, double target_dpi);

// cv::connectedComponentsWithStats' labels and CC_STAT_LEFT/TOP/WIDTH/HEIGHT/AREA (8-connectivity), with the
// statistics gathered in one plain pass: OpenCV 4.6's own statistics cost 10-20× the labelling on full pages.
// Returns the number of labels, background (label 0, statistics left zero) included.
int label_components(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats);

// 255 where a pixel is markedly darker (35 levels) than the paper around it (local mean over ~6 mm), 0 elsewhere.
// A local rather than a global threshold so that lid shadow and uneven tone do not turn into ink.
cv::Mat find_ink(const cv::Mat& grey, double dpi);

// Ink pixels that belong to a straight horizontal or vertical run at least `min_length_mm` long: the table rulings
// (an opening with a line, done as a run-length scan so its cost does not grow with the length).
cv::Mat long_runs(const cv::Mat& ink, double dpi, double min_length_mm, bool horizontal);

// Ink components whose larger side lies in [min_mm, max_mm]: glyphs and their parts, without rulings, frames, seal
// rings (all larger) or scanner dust (smaller).
cv::Mat glyph_sized_ink(const cv::Mat& ink, double dpi, double min_mm, double max_mm);

// The grey level below which `fraction` of the pixels lie; on a page mostly of paper, the 0.9 level is the paper.
int grey_percentile(const cv::Mat& grey, double fraction, const cv::Mat& mask = {});

// 255 where `levels` (CV_8UC1) lies on a stroke narrower than `width_mm` that is darker than what lies round it by
// at least `contrast` levels (a black-hat: what a closing fills in): the hairlines of printed text, which the grey
// seal fader keeps while it fades the seal's wider strokes.
cv::Mat thin_dark_strokes(const cv::Mat& levels, double dpi, double width_mm, int contrast);

// The level at `quantile` (0–1) of the CV_8UC1 `levels` where `mask` is set: the seal faders' white points.
// nullopt when the mask is empty.
std::optional<int> masked_quantile(const cv::Mat& levels, const cv::Mat& mask, double quantile);

}  // namespace intake
