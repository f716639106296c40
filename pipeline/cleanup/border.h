#pragma once
// Scanner edges and lid shadow: dark bands along the edges of a scan where the scanner saw its lid or the
// shadow of a thick or badly fed page instead of paper. They are aligned with the scanner, so they are found on
// the scan as it came, before any rotation, and later painted paper-white in the clean page (the page keeps its
// size: every coordinate downstream is a page coordinate).
#include <opencv2/core.hpp>

namespace intake {

struct BorderOptions {
  // A pixel darker than this share of the paper tone is band, not paper. Lighter shadow is left to illumination
  // flattening; darker means text touching the edge could be eaten, so keep it well below paper.
  double dark_fraction = 0.6;
  // A band reaches at most this far in. Scanner edges are a few mm, a lid shadow 10–20 mm, the uncovered glass
  // beside a skewed small page more; the limit keeps a dark photo touching the edge from being taken whole.
  double max_depth_mm = 50;
  // Lighter pixels tolerated inside a band before it ends (dust, noise, a lighter streak of the lid).
  double gap_mm = 0.8;
  // Band depth is median-filtered along the edge over this length, so a line of text (≤ 5 mm tall) that touches
  // an edge or a band is not taken for one; real bands run along most of an edge.
  double smooth_mm = 12;
};

// `grey`: CV_8UC1 scan at `dpi` (a reduced copy is enough). Returns a mask of the same size: 255 in the bands.
cv::Mat find_dark_borders(const cv::Mat& grey, double dpi, const BorderOptions& options = {});

}  // namespace intake
