#pragma once
// Skew of a scanned page: the small rotation (up to ~10°) a page picks up on the scanner glass or in the feeder.
// Angles follow cv::getRotationMatrix2D: positive = the content is turned counter-clockwise as seen on screen.
// The measure is blind to quarter turns: a sideways page gives the skew of its (vertical) lines, which is the same
// rotation to undo. Thread-safe; works on any resolution (reduces internally).
#include <opencv2/core.hpp>

namespace intake {

struct DeskewOptions {
  // Largest skew looked for. The projection sweep covers 2° more so a skew at the limit is not a sweep-edge maximum.
  // Wider costs time linearly in the coarse sweep; narrower misses badly fed pages.
  double max_degrees = 10;
  // Resolution of the estimate. At 100 dpi a 0.3 mm ruling is still a line and a 170 mm one is 670 px, whose
  // sub-pixel fit resolves ~0.01°; projection alone stays within ~0.03° on text. Higher costs time quadratically.
  double analysis_dpi = 100;
  // Leptonica's confidence (ratio of best to worst projection score) below which the page is called unskewed:
  // pages with almost no ink give flat, meaningless sweeps. Leptonica suggests 3–6 for text; we accept a bit less
  // because ruled forms sweep flatter than prose.
  double min_confidence = 2.5;
  // Refine the projection angle with a line fit along the long rulings, when there are enough of them. Rulings
  // are straight to the pixel, text lines are not; this is what brings forms well under 0.1°.
  bool refine_with_rulings = true;
  // A straight run of ink at least this long (after the coarse correction) is a ruling, not a stroke.
  double min_ruling_mm = 25;
  // Total ruling length needed before the rulings overrule the projection estimate.
  double min_total_ruling_mm = 80;
};

enum class SkewSource { none, projection, rulings };

struct SkewEstimate {
  double degrees = 0;     // counter-clockwise skew of the content; rotate by -degrees to correct
  double confidence = 0;  // Leptonica's projection confidence (0 when no valid estimate)
  SkewSource source = SkewSource::none;
};

// `grey`: CV_8UC1 page (dark ink on light paper) at `dpi`.
SkewEstimate find_skew(const cv::Mat& grey, double dpi, const DeskewOptions& options = {});

}  // namespace intake
