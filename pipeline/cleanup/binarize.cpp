#include "pipeline/cleanup/binarize.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/cleanup/ink.h"

namespace intake {
namespace {

// Means of x and x² over blocks of `factor`² pixels, in one pass and without a full-size copy. Box-filtering these
// gives the window statistics of the full-resolution page (to the block), thin strokes' variance included, which
// an area-averaged copy of the page would smooth away.
void block_moments(const cv::Mat& grey, int factor, cv::Mat& mean, cv::Mat& mean_square) {
  const cv::Size size((grey.cols + factor - 1) / factor, (grey.rows + factor - 1) / factor);
  mean = cv::Mat::zeros(size, CV_32F);
  mean_square = cv::Mat::zeros(size, CV_32F);
  for (int y = 0; y < grey.rows; ++y) {
    const auto* in = grey.ptr<unsigned char>(y);
    float* m = mean.ptr<float>(y / factor);
    float* m2 = mean_square.ptr<float>(y / factor);
    for (int bx = 0; bx < size.width; ++bx) {
      int sum = 0, sum_square = 0;
      const int end = std::min(grey.cols, (bx + 1) * factor);
      for (int x = bx * factor; x < end; ++x) {
        sum += in[x];
        sum_square += in[x] * in[x];
      }
      m[bx] += static_cast<float>(sum);
      m2[bx] += static_cast<float>(sum_square);
    }
  }
  for (int by = 0; by < size.height; ++by) {
    const int rows = std::min(grey.rows, (by + 1) * factor) - by * factor;
    float* m = mean.ptr<float>(by);
    float* m2 = mean_square.ptr<float>(by);
    for (int bx = 0; bx < size.width; ++bx) {
      const float count = static_cast<float>(rows * (std::min(grey.cols, (bx + 1) * factor) - bx * factor));
      m[bx] /= count;
      m2[bx] /= count;
    }
  }
}

// Sauvola's threshold T = m (1 + k (s / R - 1)) per block, over a window of `window` blocks; R = 128, the largest
// deviation of 8-bit grey.
cv::Mat sauvola_threshold(const cv::Mat& grey, int factor, int window, double k) {
  cv::Mat mean, mean_square;
  block_moments(grey, factor, mean, mean_square);
  cv::boxFilter(mean, mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
  cv::boxFilter(mean_square, mean_square, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true,
                cv::BORDER_REPLICATE);
  cv::Mat threshold(mean.size(), CV_8UC1);
  const auto kf = static_cast<float>(k);
  for (int y = 0; y < threshold.rows; ++y) {
    const float* m = mean.ptr<float>(y);
    const float* m2 = mean_square.ptr<float>(y);
    auto* t = threshold.ptr<unsigned char>(y);
    for (int x = 0; x < threshold.cols; ++x) {
      const float s = std::sqrt(std::max(0.0f, m2[x] - m[x] * m[x]));
      t[x] = cv::saturate_cast<unsigned char>(m[x] * (1.0f + kf * (s / 128.0f - 1.0f)));
    }
  }
  return threshold;
}

// Ink components of at most `max_area` px whose pixels all lie in rows [top, bottom) of `ink`, the rows of
// `ink` being `first` onwards of the page; whitened in `binary` and `grey` at those rows.
int whiten_specks(const cv::Mat& ink, int first, int top, int bottom, int max_area, cv::Mat& labels, cv::Mat& binary,
                  cv::Mat* grey) {
  cv::Mat stats;
  const int count = label_components(ink, labels, stats);
  std::vector<unsigned char> speck(static_cast<size_t>(count), 0);
  int specks = 0;
  for (int i = 1; i < count; ++i) {
    const int y0 = first + stats.at<int>(i, cv::CC_STAT_TOP);
    const int y1 = y0 + stats.at<int>(i, cv::CC_STAT_HEIGHT);
    // Touching the band's edge (not the page's): it may go on outside, so it is judged by a band that holds it.
    const bool whole = (y0 > first || first == 0) && (y1 < first + ink.rows || first + ink.rows == binary.rows);
    if (whole && stats.at<int>(i, cv::CC_STAT_AREA) <= max_area && y0 >= top && y0 < bottom) {
      speck[static_cast<size_t>(i)] = 1;
      ++specks;
    }
  }
  if (specks == 0) return 0;
  for (int y = 0; y < ink.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    auto* b = binary.ptr<unsigned char>(first + y);
    unsigned char* g = grey ? grey->ptr<unsigned char>(first + y) : nullptr;
    for (int x = 0; x < ink.cols; ++x)
      if (speck[static_cast<size_t>(label[x])] != 0) {
        b[x] = 255;
        if (g) g[x] = 255;
      }
  }
  return specks;
}

}  // namespace

cv::Mat binarize_sauvola(const cv::Mat& grey, double dpi, const BinarizeOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  const int factor = std::max(1, static_cast<int>(std::lround(dpi / options.statistics_dpi)));
  const int window = std::max(3, mm_to_px(options.window_mm, dpi / factor) | 1);
  const cv::Mat threshold = sauvola_threshold(grey, factor, window, options.k);
  // Each pixel against its block's threshold: the threshold varies over the window's scale (tens of pixels), so
  // the step between blocks is immaterial and no full-size threshold image is needed.
  cv::Mat binary(grey.size(), CV_8UC1);
  std::vector<unsigned char> row_threshold(static_cast<size_t>(grey.cols));
  for (int y = 0; y < grey.rows; ++y) {
    if (y % factor == 0) {
      const auto* t = threshold.ptr<unsigned char>(y / factor);
      for (int x = 0; x < grey.cols; ++x) row_threshold[static_cast<size_t>(x)] = t[x / factor];
    }
    const auto* in = grey.ptr<unsigned char>(y);
    auto* out = binary.ptr<unsigned char>(y);
    for (int x = 0; x < grey.cols; ++x) out[x] = in[x] > row_threshold[static_cast<size_t>(x)] ? 255 : 0;
  }
  return binary;
}

int remove_speckles(cv::Mat& binary, cv::Mat* grey, double dpi, double max_area_mm2) {
  CV_Assert(binary.type() == CV_8UC1 && (grey == nullptr || grey->size() == binary.size()));
  const int max_area = static_cast<int>(max_area_mm2 * px_per_mm(dpi) * px_per_mm(dpi));
  if (max_area < 1) return 0;
  // Labelled in bands of rows, each read with a margin taller than any speck, so a speck is always whole in the
  // band that holds its top row; the label buffer stays small (a full page of int labels is 35 MB at 300 dpi).
  constexpr int band = 256;
  const int margin = max_area + 1;
  cv::Mat labels, ink;
  int specks = 0;
  for (int top = 0; top < binary.rows; top += band) {
    const int bottom = std::min(binary.rows, top + band);
    const int first = std::max(0, top - margin), last = std::min(binary.rows, bottom + margin);
    cv::compare(binary.rowRange(first, last), 0, ink, cv::CMP_EQ);
    specks += whiten_specks(ink, first, top, bottom, max_area, labels, binary, grey);
  }
  return specks;
}

}  // namespace intake
