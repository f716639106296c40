#include "pipeline/cleanup/illumination.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/ink.h"

namespace intake {

cv::Mat estimate_paper(const cv::Mat& grey, double dpi, const IlluminationOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  const ReducedImage reduced = reduce_to_dpi(grey, dpi, options.working_dpi);
  // A closing (max then min filter) removes every dark structure the kernel does not fit in, and reproduces
  // linear ramps exactly, so a shadow fading in from an edge is followed, not smeared.
  const int ink = mm_to_px(options.ink_width_mm, reduced.dpi) | 1;
  cv::Mat paper;
  cv::morphologyEx(reduced.image, paper, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(ink, ink)));
  const int smooth = mm_to_px(options.smooth_mm, reduced.dpi) | 1;
  cv::medianBlur(paper, paper, std::clamp(smooth, 3, 5));
  cv::blur(paper, paper, cv::Size(smooth, smooth), cv::Point(-1, -1), cv::BORDER_REPLICATE);
  const int floor = static_cast<int>(grey_percentile(paper, 0.5) * options.min_background_fraction);
  paper = cv::max(paper, floor);
  // Back to full size. The reduction left out the last few rows and columns; stretching over them shifts the
  // estimate by under a working pixel, nothing next to how slowly shading changes.
  cv::Mat full;
  cv::resize(paper, full, grey.size(), 0, 0, cv::INTER_LINEAR);
  return full;
}

cv::Mat flatten(const cv::Mat& grey, const cv::Mat& paper) {
  CV_Assert(grey.type() == CV_8UC1 && paper.type() == CV_8UC1 && grey.size() == paper.size());
  // 255 / paper in 16.16 fixed point, one entry per paper level: a multiply and a shift per pixel instead of a
  // division (cv::divide converts to float and back, 4× slower).
  int gain[256];
  gain[0] = 0;
  for (int p = 1; p < 256; ++p) gain[p] = (255 << 16) / p;
  cv::Mat flat(grey.size(), CV_8UC1);
  for (int y = 0; y < grey.rows; ++y) {
    const auto* g = grey.ptr<unsigned char>(y);
    const auto* p = paper.ptr<unsigned char>(y);
    auto* out = flat.ptr<unsigned char>(y);
    for (int x = 0; x < grey.cols; ++x)
      out[x] = static_cast<unsigned char>(std::min(255, (g[x] * gain[p[x]] + 32768) >> 16));
  }
  return flat;
}

}  // namespace intake
