#include "pipeline/cleanup/border.h"

#include <algorithm>
#include <vector>

#include "pipeline/cleanup/ink.h"

namespace intake {
namespace {

// How far in from the start of `line` (a row or column read from the edge inwards) the dark band reaches.
int band_depth(const std::vector<unsigned char>& line, int dark, int max_gap, int max_depth) {
  int depth = 0, gap = 0;
  const int limit = std::min(static_cast<int>(line.size()), max_depth);
  for (int i = 0; i < limit; ++i) {
    if (line[static_cast<size_t>(i)] < dark) {
      depth = i + 1;
      gap = 0;
    } else if (++gap > max_gap) {
      break;
    }
  }
  return depth;
}

std::vector<int> median_filtered(const std::vector<int>& depths, int window) {
  std::vector<int> smoothed(depths.size());
  std::vector<int> scratch;
  const int n = static_cast<int>(depths.size());
  for (int i = 0; i < n; ++i) {
    const int lo = std::max(0, i - window / 2), hi = std::min(n, i + window / 2 + 1);
    scratch.assign(depths.begin() + lo, depths.begin() + hi);
    std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(scratch.size() / 2), scratch.end());
    smoothed[static_cast<size_t>(i)] = scratch[scratch.size() / 2];
  }
  return smoothed;
}

// Depths of the band along the left edge of `grey` (other edges: the caller flips or transposes).
std::vector<int> left_band(const cv::Mat& grey, int dark, int max_gap, int max_depth, int window) {
  std::vector<int> depths(static_cast<size_t>(grey.rows));
  std::vector<unsigned char> line(static_cast<size_t>(grey.cols));
  for (int y = 0; y < grey.rows; ++y) {
    const auto* row = grey.ptr<unsigned char>(y);
    line.assign(row, row + grey.cols);
    depths[static_cast<size_t>(y)] = band_depth(line, dark, max_gap, max_depth);
  }
  return median_filtered(depths, window);
}

}  // namespace

cv::Mat find_dark_borders(const cv::Mat& grey, double dpi, const BorderOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  cv::Mat mask = cv::Mat::zeros(grey.size(), CV_8UC1);
  if (grey.empty()) return mask;
  const int dark = static_cast<int>(grey_percentile(grey, 0.9) * options.dark_fraction);
  const int max_gap = mm_to_px(options.gap_mm, dpi);
  const int max_depth = mm_to_px(options.max_depth_mm, dpi);
  const int window = mm_to_px(options.smooth_mm, dpi) | 1;

  // Each edge in turn, read from the edge inwards: left as is, right mirrored, top and bottom transposed.
  cv::Mat mirrored, transposed, transposed_mirrored;
  cv::flip(grey, mirrored, 1);
  cv::transpose(grey, transposed);
  cv::flip(transposed, transposed_mirrored, 1);
  const std::vector<int> left = left_band(grey, dark, max_gap, max_depth, window);
  const std::vector<int> right = left_band(mirrored, dark, max_gap, max_depth, window);
  const std::vector<int> top = left_band(transposed, dark, max_gap, max_depth, window);
  const std::vector<int> bottom = left_band(transposed_mirrored, dark, max_gap, max_depth, window);
  for (int y = 0; y < grey.rows; ++y) {
    auto* row = mask.ptr<unsigned char>(y);
    std::fill(row, row + left[static_cast<size_t>(y)], 255);
    std::fill(row + grey.cols - right[static_cast<size_t>(y)], row + grey.cols, 255);
  }
  for (int x = 0; x < grey.cols; ++x) {
    for (int y = 0; y < top[static_cast<size_t>(x)]; ++y) mask.at<unsigned char>(y, x) = 255;
    for (int y = grey.rows - bottom[static_cast<size_t>(x)]; y < grey.rows; ++y) mask.at<unsigned char>(y, x) = 255;
  }
  return mask;
}

}  // namespace intake
