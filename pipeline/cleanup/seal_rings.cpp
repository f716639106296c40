// Seals found by shape, on grey and 1-bit scans (see seals.h).
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/cleanup/ink.h"
#include "pipeline/cleanup/ring_geometry.h"
#include "pipeline/cleanup/seals.h"

namespace intake {
namespace {

struct Ring {
  Circle circle;      // centre line of the stroke, reduced pixels
  double stroke = 0;  // reduced pixels
  double coverage = 0;
};

constexpr double sample_tolerance = 1.0;  // px either side of a sampled radius

// Best-inked radius within ±`reach` px of `radius` about `centre`.
Ring best_radius(const cv::Mat& ink, cv::Point2d centre, double radius, double reach) {
  Ring best{{centre, radius}, 0, 0};
  for (double r = std::max(2.0, radius - reach); r <= radius + reach + 1e-9; r += 1.0) {
    const double coverage = ring_coverage(ink, centre, r, sample_tolerance);
    if (coverage > best.coverage) best = {{centre, r}, 0, coverage};
  }
  return best;
}

// The circle near `guess` with the best-inked circumference: the best radius (±2.5 mm) at the guessed centre,
// then a hill climb of the centre one pixel at a time (radius ±1 px with it). Then the radii over which the
// stroke keeps that coverage, which give its centre line and width.
Ring best_ring_near(const cv::Mat& ink, const Circle& guess, double mm) {
  Ring best = best_radius(ink, guess.centre, guess.radius, 2.5 * mm);
  for (int step = 0; step < 4 * mm && best.coverage > 0; ++step) {
    Ring next = best;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        if (dx == 0 && dy == 0) continue;
        const Ring moved = best_radius(ink, best.circle.centre + cv::Point2d(dx, dy), best.circle.radius, 1.0);
        if (moved.coverage > next.coverage) next = moved;
      }
    if (next.coverage <= best.coverage) break;
    best = next;
  }
  if (best.coverage == 0) return best;
  double inner = best.circle.radius, outer = best.circle.radius;
  while (inner > 1 && ring_coverage(ink, best.circle.centre, inner - 1, sample_tolerance) >= 0.9 * best.coverage)
    --inner;
  while (outer < best.circle.radius + 4 * mm &&
         ring_coverage(ink, best.circle.centre, outer + 1, sample_tolerance) >= 0.9 * best.coverage)
    ++outer;
  best.circle.radius = (inner + outer) / 2;
  // The sampling tolerance widens the span by ~2 px; a stroke is at least 1 px.
  best.stroke = std::max(1.0, outer - inner - 2 * sample_tolerance + 1);
  return best;
}

// Is `ring` a seal: inked round most of its circumference, much more than just inside and outside it (dense
// text inks every circle a little), and with something stamped inside. A faintly stamped seal's ring is dashes
// round less than half its circumference on a 1-bit scan; it passes when the circles beside it are almost bare,
// which no circle through text is.
bool looks_like_seal(const cv::Mat& ink, const Ring& ring, double mm, const SealOptions& options) {
  if (ring.coverage < options.min_faint_ring_coverage) return false;
  const double off = ring.stroke / 2 + 2 * mm;
  const double beside = std::max(ring_coverage(ink, ring.circle.centre, ring.circle.radius - off, sample_tolerance),
                                 ring_coverage(ink, ring.circle.centre, ring.circle.radius + off, sample_tolerance));
  const bool clear_ring = ring.coverage >= options.min_shape_ring_coverage &&
                          ring.coverage - beside >= options.min_ring_contrast;
  const bool faint_ring = beside <= options.max_faint_ring_beside &&
                          ring.coverage - beside >= options.min_faint_ring_contrast;
  if (!clear_ring && !faint_ring) return false;
  cv::Mat inside = cv::Mat::zeros(ink.size(), CV_8UC1);
  cv::circle(inside, cv::Point(cvRound(ring.circle.centre.x), cvRound(ring.circle.centre.y)),
             cvRound(0.75 * ring.circle.radius), 255, cv::FILLED);
  const int area = cv::countNonZero(inside);
  return area > 0 && cv::countNonZero(ink & inside) > 0.005 * area;
}

// Seal ink on a grey page: mid-grey pixels inside the disc that are not the anti-aliased edge of black text.
void mark_grey_seal_ink(const cv::Mat& grey, const SealMark& seal, double dpi, const SealOptions& options,
                        cv::Mat& mask) {
  const int reach = static_cast<int>(std::ceil(seal.radius + mm_to_px(0.5, dpi)));
  const cv::Rect box =
      cv::Rect(cvRound(seal.centre.x) - reach, cvRound(seal.centre.y) - reach, 2 * reach + 1, 2 * reach + 1) &
      cv::Rect(0, 0, grey.cols, grey.rows);
  const cv::Mat region = grey(box);
  cv::Mat black_edge;
  const int edge = 2 * mm_to_px(0.15, dpi) + 1;
  cv::dilate(region < options.grey_seal_dark, black_edge,
             cv::getStructuringElement(cv::MORPH_RECT, cv::Size(edge, edge)));
  cv::Mat disc = cv::Mat::zeros(box.size(), CV_8UC1);
  cv::circle(disc, cv::Point(cvRound(seal.centre.x) - box.x, cvRound(seal.centre.y) - box.y), reach, 255, cv::FILLED);
  cv::Mat part = mask(box);
  part |= (region >= options.grey_seal_dark) & (region < options.grey_seal_light) & ~black_edge & disc;
}

// On a 1-bit page: the ink of the ring's stroke.
void mark_ring_stroke(const cv::Mat& grey, const SealMark& seal, double stroke, double dpi, cv::Mat& mask) {
  const double pad = mm_to_px(0.5, dpi);
  cv::Mat ring = cv::Mat::zeros(grey.size(), CV_8UC1);
  cv::circle(ring, cv::Point(cvRound(seal.centre.x), cvRound(seal.centre.y)), cvRound(seal.radius - stroke / 2), 255,
             static_cast<int>(std::ceil(stroke + 2 * pad)));
  mask |= ring & (grey < 128);
}

}  // namespace

SealFinding find_seal_rings(const cv::Mat& grey, double dpi, bool one_bit, const SealOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  SealFinding finding;
  const ReducedImage reduced = reduce_to_dpi(grey, dpi, options.ring_search_dpi);
  const double mm = px_per_mm(reduced.dpi);
  const cv::Mat ink = reduced.image < options.ring_ink_level;
  cv::Mat smooth;
  cv::GaussianBlur(reduced.image, smooth, cv::Size(5, 5), 1.2);
  std::vector<cv::Vec3f> circles;
  const int min_radius = static_cast<int>(0.5 * options.min_diameter_mm * mm * 0.95);
  const int max_radius = static_cast<int>(std::ceil(0.5 * options.max_diameter_mm * mm * 1.05));
  cv::HoughCircles(smooth, circles, cv::HOUGH_GRADIENT, 1, min_radius, 100, options.hough_votes, min_radius,
                   max_radius);
  constexpr size_t max_candidates = 12;
  std::vector<Ring> rings;
  for (size_t i = 0; i < std::min(circles.size(), max_candidates); ++i) {
    const Circle guess{{circles[i][0], circles[i][1]}, circles[i][2]};
    bool known = false;
    for (const Ring& ring : rings) known |= cv::norm(ring.circle.centre - guess.centre) < ring.circle.radius;
    // Most candidates sit in tables and text: a coarse look at the guessed centre (radii ±2.5 mm, 2 px apart, a
    // wide sampling band) rejects them before the fine search.
    if (known ||
        best_radius(ink, guess.centre, guess.radius, 2.5 * mm).coverage < options.min_candidate_ring_coverage)
      continue;
    const Ring ring = best_ring_near(ink, guess, mm);
    const double diameter_mm = (2 * ring.circle.radius + ring.stroke) / mm;
    if (diameter_mm >= options.min_diameter_mm && diameter_mm <= options.max_diameter_mm &&
        looks_like_seal(ink, ring, mm, options))
      rings.push_back(ring);
  }
  if (rings.empty()) return finding;
  finding.mask = cv::Mat::zeros(grey.size(), CV_8UC1);
  for (const Ring& ring : rings) {
    const cv::Point2d centre = reduced.to_input(ring.circle.centre);
    const double stroke = ring.stroke * reduced.factor;
    const SealMark seal{cv::Point2f(static_cast<float>(centre.x), static_cast<float>(centre.y)),
                        static_cast<float>(ring.circle.radius * reduced.factor + stroke / 2), false, ring.coverage};
    if (one_bit)
      mark_ring_stroke(grey, seal, stroke, dpi, finding.mask);
    else
      mark_grey_seal_ink(grey, seal, dpi, options, finding.mask);
    finding.seals.push_back(seal);
  }
  return finding;
}

void fade_grey_seal_ink(cv::Mat& grey, const SealFinding& finding, double dpi, const SealOptions& options) {
  if (finding.mask.empty()) return;
  for (const SealMark& seal : finding.seals) {
    const int reach = static_cast<int>(std::ceil(seal.radius * 1.1));
    const cv::Rect box =
        cv::Rect(cvRound(seal.centre.x) - reach, cvRound(seal.centre.y) - reach, 2 * reach + 1, 2 * reach + 1) &
        cv::Rect(0, 0, grey.cols, grey.rows);
    cv::Mat region = grey(box);
    const std::optional<int> ink_level = masked_quantile(region, finding.mask(box), options.grey_seal_white_quantile);
    if (!ink_level) continue;
    const double black = options.grey_seal_dark;
    const double white = std::max(black + 1, static_cast<double>(*ink_level));
    cv::Mat disc = cv::Mat::zeros(box.size(), CV_8UC1);
    cv::circle(disc, cv::Point(cvRound(seal.centre.x) - box.x, cvRound(seal.centre.y) - box.y), reach, 255,
               cv::FILLED);
    disc &= ~(thin_dark_strokes(region, dpi, options.grey_seal_hairline_mm, options.grey_seal_hairline_contrast) &
              (region < options.grey_seal_light));
    for (int y = 0; y < box.height; ++y) {
      auto* out = region.ptr<unsigned char>(y);
      const auto* inside = disc.ptr<unsigned char>(y);
      for (int x = 0; x < box.width; ++x) {
        if (!inside[x]) continue;
        const double stretched = 255.0 * (out[x] - black) / (white - black);
        out[x] = static_cast<unsigned char>(std::clamp(stretched, 0.0, 255.0));
      }
    }
  }
}

}  // namespace intake
