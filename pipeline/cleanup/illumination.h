#pragma once
// Uneven paper tone — a lid shadow fading in from an edge, a curled page, yellowed paper, an auto-exposure
// gradient — flattened by dividing by an estimate of the bare paper: paper becomes ~255 everywhere and ink keeps
// its contrast to the paper around it, which is what OCR and a fixed threshold want.
#include <opencv2/core.hpp>

namespace intake {

struct IlluminationOptions {
  // The paper estimate is made at this resolution; shading varies over centimetres, so 40 dpi loses nothing and
  // keeps the morphology cheap.
  double working_dpi = 40;
  // Dark structures narrower than this are ink and closed over: wider than any stroke and than the counters of
  // large title glyphs. Larger only costs time; much smaller lets bold strokes darken the estimate.
  double ink_width_mm = 7;
  // Smoothing of the estimate (median then box), against noise and the blockiness of the closing.
  double smooth_mm = 5;
  // The estimate is never darker than this share of the paper tone, so a large dark area (a photo, a black box)
  // stays dark instead of being "flattened" to paper. Lid shadow darker than this is a border band instead.
  double min_background_fraction = 0.5;
};

// Full-resolution CV_8UC1 estimate of the paper under `grey` (CV_8UC1 at `dpi`).
cv::Mat estimate_paper(const cv::Mat& grey, double dpi, const IlluminationOptions& options = {});

// grey × 255 / paper, saturated: paper → 255, ink keeps its contrast.
cv::Mat flatten(const cv::Mat& grey, const cv::Mat& paper);

}  // namespace intake
