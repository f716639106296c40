#include "pipeline/cleanup/ink.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace intake {

int mm_to_px(double mm, double dpi) { return std::max(1, static_cast<int>(std::lround(mm * px_per_mm(dpi)))); }

ReducedImage reduce_to_dpi(const cv::Mat& image, double dpi, double target_dpi) {
  const int factor = std::max(1, static_cast<int>(std::lround(dpi / target_dpi)));
  if (factor == 1 || image.cols < factor || image.rows < factor) return {image, dpi, 1};
  const cv::Size size(image.cols / factor, image.rows / factor);
  ReducedImage reduced{{}, dpi / factor, factor};
  cv::resize(image(cv::Rect(0, 0, size.width * factor, size.height * factor)), reduced.image, size, 0, 0,
             cv::INTER_AREA);
  return reduced;
}

int label_components(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats) {
  const int count = cv::connectedComponents(mask, labels, 8, CV_32S);
  std::vector<int> left(static_cast<size_t>(count), mask.cols), top(static_cast<size_t>(count), mask.rows);
  std::vector<int> right(static_cast<size_t>(count), -1), bottom(static_cast<size_t>(count), -1);
  std::vector<int> area(static_cast<size_t>(count), 0);
  for (int y = 0; y < labels.rows; ++y) {
    const int* row = labels.ptr<int>(y);
    for (int x = 0; x < labels.cols; ++x) {
      const auto label = static_cast<size_t>(row[x]);
      if (label == 0) continue;
      left[label] = std::min(left[label], x);
      right[label] = std::max(right[label], x);
      top[label] = std::min(top[label], y);
      bottom[label] = std::max(bottom[label], y);
      ++area[label];
    }
  }
  stats = cv::Mat::zeros(count, cv::CC_STAT_MAX, CV_32S);
  for (size_t i = 1; i < static_cast<size_t>(count); ++i) {
    int* s = stats.ptr<int>(static_cast<int>(i));
    s[cv::CC_STAT_LEFT] = left[i];
    s[cv::CC_STAT_TOP] = top[i];
    s[cv::CC_STAT_WIDTH] = right[i] - left[i] + 1;
    s[cv::CC_STAT_HEIGHT] = bottom[i] - top[i] + 1;
    s[cv::CC_STAT_AREA] = area[i];
  }
  return count;
}

cv::Mat find_ink(const cv::Mat& grey, double dpi) {
  // 6 mm is wider than a stroke and a character's inner counters, so a glyph never sets its own local mean. 35
  // grey levels below that mean is above paper grain, JPEG noise and the mirror image showing through from the
  // back of the sheet (10–30 levels), and well below print, whose strokes keep 100+ even when averaged down.
  const int block = mm_to_px(6.0, dpi) | 1;
  cv::Mat ink;
  cv::adaptiveThreshold(grey, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, std::max(3, block), 35);
  return ink;
}

namespace {

// Keeps only the runs of 255 that are at least `min_length` long in every row.
cv::Mat long_row_runs(const cv::Mat& ink, int min_length) {
  cv::Mat runs = cv::Mat::zeros(ink.size(), CV_8UC1);
  for (int y = 0; y < ink.rows; ++y) {
    const auto* in = ink.ptr<unsigned char>(y);
    auto* out = runs.ptr<unsigned char>(y);
    int x = 0;
    while (x < ink.cols) {
      if (in[x] == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < ink.cols && in[x] != 0) ++x;
      if (x - start >= min_length) std::fill(out + start, out + x, 255);
    }
  }
  return runs;
}

}  // namespace

cv::Mat long_runs(const cv::Mat& ink, double dpi, double min_length_mm, bool horizontal) {
  const int length = mm_to_px(min_length_mm, dpi);
  if (horizontal) return long_row_runs(ink, length);
  cv::Mat transposed;
  cv::transpose(ink, transposed);
  cv::Mat runs;
  cv::transpose(long_row_runs(transposed, length), runs);
  return runs;
}

cv::Mat glyph_sized_ink(const cv::Mat& ink, double dpi, double min_mm, double max_mm) {
  cv::Mat labels, stats;
  const int count = label_components(ink, labels, stats);
  const double min_px = min_mm * px_per_mm(dpi);
  const double max_px = max_mm * px_per_mm(dpi);
  std::vector<unsigned char> keep(static_cast<size_t>(count), 0);
  for (int i = 1; i < count; ++i) {
    const int side = std::max(stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    keep[static_cast<size_t>(i)] = side >= min_px && side <= max_px ? 255 : 0;
  }
  cv::Mat glyphs(ink.size(), CV_8UC1);
  for (int y = 0; y < ink.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    auto* out = glyphs.ptr<unsigned char>(y);
    for (int x = 0; x < ink.cols; ++x) out[x] = keep[static_cast<size_t>(label[x])];
  }
  return glyphs;
}

int grey_percentile(const cv::Mat& grey, double fraction, const cv::Mat& mask) {
  const int channels[] = {0};
  const int bins[] = {256};
  const float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::Mat histogram;
  cv::calcHist(&grey, 1, channels, mask, histogram, 1, bins, ranges);
  const double total = cv::sum(histogram)[0];
  if (total <= 0) return 255;
  double seen = 0;
  for (int level = 0; level < 256; ++level) {
    seen += histogram.at<float>(level);
    if (seen >= fraction * total) return level;
  }
  return 255;
}

cv::Mat thin_dark_strokes(const cv::Mat& levels, double dpi, double width_mm, int contrast) {
  const int width = static_cast<int>(std::lround(width_mm * px_per_mm(dpi))) | 1;
  cv::Mat filled;
  cv::morphologyEx(levels, filled, cv::MORPH_BLACKHAT, cv::getStructuringElement(cv::MORPH_RECT, {width, width}));
  return filled >= contrast;
}

std::optional<int> masked_quantile(const cv::Mat& levels, const cv::Mat& mask, double quantile) {
  std::vector<unsigned char> values;
  values.reserve(static_cast<std::size_t>(cv::countNonZero(mask)));
  for (int y = 0; y < levels.rows; ++y) {
    const auto* level = levels.ptr<unsigned char>(y);
    const auto* set = mask.ptr<unsigned char>(y);
    for (int x = 0; x < levels.cols; ++x)
      if (set[x]) values.push_back(level[x]);
  }
  if (values.empty()) return std::nullopt;
  const std::size_t index = std::min(
      values.size() - 1, static_cast<std::size_t>(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(values.size())));
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(index);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace intake
