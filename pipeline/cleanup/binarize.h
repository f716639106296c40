#pragma once
// The binary page for Tesseract and for line finding: Sauvola's local threshold on the flattened grey page, then
// speckle removal. A 1-bit scan is already binary and only has its speckles removed.
#include <opencv2/core.hpp>

namespace intake {

struct BinarizeOptions {
  // Sauvola window: about one 五号 glyph, so a glyph's strokes and the paper around them share a window. Smaller
  // hollows out bold strokes; larger loses faint text next to dark text.
  double window_mm = 4;
  // Sauvola's k: how far below the local mean (relative to the local contrast) ink must be. 0.34 is Leptonica's
  // and Sauvola's value; lower keeps fainter strokes and more noise.
  double k = 0.34;
  // Local means and deviations are kept per block of pixels at about this resolution (a 4×4 block at 300 dpi),
  // from the full-resolution pixels: the threshold varies over the window's scale, so blocks change ~nothing and
  // keep the statistics small.
  double statistics_dpi = 75;
  // Ink components this small (mm²) are scanner noise: 0.05 mm² is a 0.22 mm dot, well below a 、 or 。 (0.3 mm²).
  double max_speck_mm2 = 0.05;
};

// 0 = ink, 255 = paper. `grey`: CV_8UC1 flattened page at `dpi`.
cv::Mat binarize_sauvola(const cv::Mat& grey, double dpi, const BinarizeOptions& options = {});

// Whitens ink components of at most `max_area_mm2` in `binary` (0 = ink), and the same pixels in `grey` when
// given (same size). Returns how many were removed.
int remove_speckles(cv::Mat& binary, cv::Mat* grey, double dpi, double max_area_mm2);

}  // namespace intake
