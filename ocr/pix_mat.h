#pragma once
// Leptonica Pix ownership and conversion to and from OpenCV images.
#include <leptonica/allheaders.h>

#include <memory>
#include <opencv2/core.hpp>

namespace intake {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// 1-bit pages become 0/255 greyscale, colour-mapped and 2/4/16-bit ones 8-bit grey or BGR, 32-bit ones BGR.
// An empty Mat when the depth is unsupported.
cv::Mat pix_to_mat(PIX* pix);

// CV_8UC1 → 8-bit grey Pix, CV_8UC3 (BGR) → 32-bit RGB Pix. Null for other types.
PixPtr mat_to_pix(const cv::Mat& image);

// Leptonica reports every failed read on stderr; a batch reports its own errors, so keep it quiet.
void silence_leptonica();

}  // namespace intake
