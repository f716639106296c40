#include "pipeline/cleanup/deskew.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "ocr/pix_mat.h"
#include "pipeline/cleanup/ink.h"

namespace intake {
namespace {

constexpr double degrees_per_radian = 180.0 / std::numbers::pi;

PixPtr ink_to_pix(const cv::Mat& ink) {
  PixPtr pix(pixCreate(ink.cols, ink.rows, 1));
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < ink.rows; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    const auto* in = ink.ptr<unsigned char>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (in[x] != 0) SET_DATA_BIT(line, x);
  }
  return pix;
}

struct Sweep {
  double degrees = 0;
  double confidence = 0;
};

// Leptonica's sweep-and-search over vertical shears: the angle that makes the row projections of the ink most
// peaked. Its own reductions are OR-reductions, which merge the strokes of a text line into one band, so the
// score follows line spacing, not glyph shapes. Sweep at about half the analysis resolution, search at full.
Sweep projection_sweep(const cv::Mat& ink, const DeskewOptions& options) {
  silence_leptonica();
  const PixPtr pix = ink_to_pix(ink);
  l_float32 angle = 0, confidence = 0, score = 0;
  const bool failed =
      pixFindSkewSweepAndSearchScore(pix.get(), &angle, &confidence, &score, 2, 1, 0.0f,
                                     static_cast<l_float32>(options.max_degrees + 2.0), 1.0f, 0.01f) != 0;
  if (failed) return {};
  // Leptonica's angle is the slope angle of the lines with y pointing up: positive for lines rising to the
  // right, which is a counter-clockwise skew, our sense.
  return {static_cast<double>(angle), static_cast<double>(confidence)};
}

struct LineFit {
  double slope = 0;  // d(across)/d(along)
  double length = 0;
};

// Least squares y = a + b x, then again without the points more than `reject` px off the first line (a glyph
// sitting on the ruling, a crossing).
bool robust_line_fit(const std::vector<cv::Point2d>& points, double reject, double* slope) {
  auto fit = [](const std::vector<cv::Point2d>& p, double* a, double* b) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto& q : p) {
      sx += q.x;
      sy += q.y;
      sxx += q.x * q.x;
      sxy += q.x * q.y;
    }
    const double n = static_cast<double>(p.size());
    const double d = n * sxx - sx * sx;
    if (p.size() < 2 || d <= 0) return false;
    *b = (n * sxy - sx * sy) / d;
    *a = (sy - *b * sx) / n;
    return true;
  };
  double a = 0, b = 0;
  if (!fit(points, &a, &b)) return false;
  std::vector<cv::Point2d> kept;
  kept.reserve(points.size());
  for (const auto& q : points)
    if (std::abs(q.y - (a + b * q.x)) <= reject) kept.push_back(q);
  if (kept.size() < points.size() / 2 || !fit(kept, &a, &b)) return false;
  *slope = b;
  return true;
}

// Fits every long horizontal ruling in `grey`: per column, the darkness-weighted centre of the ruling's pixels
// (sub-pixel, so short rulings at 150 dpi still resolve hundredths of a degree).
std::vector<LineFit> fit_horizontal_rulings(const cv::Mat& grey, double dpi, const DeskewOptions& options) {
  const cv::Mat ink = find_ink(grey, dpi);
  const cv::Mat runs = long_runs(ink, dpi, options.min_ruling_mm, true);
  cv::Mat labels, stats;
  const int count = label_components(runs, labels, stats);
  const int paper = grey_percentile(grey, 0.9);
  const int min_length = mm_to_px(options.min_ruling_mm, dpi);
  std::vector<LineFit> fits;
  for (int label = 1; label < count; ++label) {
    const cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                       stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
    if (box.width < min_length || box.height > box.width / 8) continue;
    std::vector<cv::Point2d> centres;
    centres.reserve(static_cast<size_t>(box.width));
    for (int x = box.x; x < box.x + box.width; ++x) {
      int top = -1, bottom = -1;
      for (int y = box.y; y < box.y + box.height; ++y)
        if (labels.at<int>(y, x) == label) {
          if (top < 0) top = y;
          bottom = y;
        }
      if (top < 0) continue;
      double weight_sum = 0, moment = 0;
      for (int y = std::max(0, top - 1); y <= std::min(grey.rows - 1, bottom + 1); ++y) {
        const double w = std::max(0, paper - static_cast<int>(grey.at<unsigned char>(y, x)));
        weight_sum += w;
        moment += w * y;
      }
      if (weight_sum > 0) centres.emplace_back(x, moment / weight_sum);
    }
    double slope = 0;
    if (centres.size() >= static_cast<size_t>(min_length) && robust_line_fit(centres, 1.0, &slope))
      fits.push_back({slope, static_cast<double>(centres.size())});
  }
  return fits;
}

// The skew left in `grey` (already roughly deskewed) according to its rulings, or nothing when they are too few.
bool ruling_residual(const cv::Mat& grey, double dpi, const DeskewOptions& options, double* residual_degrees) {
  struct Vote {
    double degrees, length;
  };
  std::vector<Vote> votes;
  double total = 0;
  // Horizontal rulings: direction (1, -tan a) for a counter-clockwise skew a.
  for (const LineFit& fit : fit_horizontal_rulings(grey, dpi, options)) {
    votes.push_back({-std::atan(fit.slope) * degrees_per_radian, fit.length});
    total += fit.length;
  }
  // Vertical rulings, fitted on the transposed page: direction (tan a, 1), so x = x0 + tan(a) y.
  cv::Mat transposed;
  cv::transpose(grey, transposed);
  for (const LineFit& fit : fit_horizontal_rulings(transposed, dpi, options)) {
    votes.push_back({std::atan(fit.slope) * degrees_per_radian, fit.length});
    total += fit.length;
  }
  if (total < options.min_total_ruling_mm * px_per_mm(dpi)) return false;
  // Length-weighted median, then the weighted mean of the rulings that agree with it: a ruling bent by a fold or
  // a underline drawn by hand should not pull the answer.
  std::sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) { return a.degrees < b.degrees; });
  double seen = 0, median = votes.front().degrees;
  for (const Vote& vote : votes) {
    seen += vote.length;
    if (seen >= total / 2) {
      median = vote.degrees;
      break;
    }
  }
  double sum = 0, weight = 0;
  for (const Vote& vote : votes)
    if (std::abs(vote.degrees - median) <= 0.15) {
      sum += vote.degrees * vote.length;
      weight += vote.length;
    }
  if (weight < options.min_total_ruling_mm * px_per_mm(dpi)) return false;
  *residual_degrees = sum / weight;
  return true;
}

cv::Mat rotate_about_centre(const cv::Mat& grey, double degrees) {
  const cv::Point2f centre((grey.cols - 1) / 2.0f, (grey.rows - 1) / 2.0f);
  cv::Mat rotated;
  cv::warpAffine(grey, rotated, cv::getRotationMatrix2D(centre, degrees, 1.0), grey.size(), cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  return rotated;
}

}  // namespace

SkewEstimate find_skew(const cv::Mat& grey, double dpi, const DeskewOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  if (grey.empty() || dpi <= 0) return {};
  const ReducedImage reduced = reduce_to_dpi(grey, dpi, options.analysis_dpi);
  const cv::Mat ink = find_ink(reduced.image, reduced.dpi);

  // Lines may run either way (a sideways page): sweep the page and its quarter turn and keep the clearer answer.
  // A quarter turn keeps the sense of a rotation, so both answers are skews of the same content.
  cv::Mat turned;
  cv::rotate(ink, turned, cv::ROTATE_90_CLOCKWISE);
  const Sweep along = projection_sweep(ink, options);
  const Sweep across = projection_sweep(turned, options);
  const Sweep best = along.confidence >= across.confidence ? along : across;
  if (best.confidence < options.min_confidence || std::abs(best.degrees) > options.max_degrees + 1.0)
    return {0, best.confidence, SkewSource::none};

  SkewEstimate estimate{best.degrees, best.confidence, SkewSource::projection};
  double residual = 0;
  if (options.refine_with_rulings &&
      ruling_residual(rotate_about_centre(reduced.image, -best.degrees), reduced.dpi, options, &residual) &&
      std::abs(residual) < 1.0) {
    estimate.degrees += residual;
    estimate.source = SkewSource::rulings;
  }
  return estimate;
}

}  // namespace intake
