// Red round seals on colour scans (see seals.h).
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/cleanup/ink.h"
#include "pipeline/cleanup/ring_geometry.h"
#include "pipeline/cleanup/seals.h"

namespace intake {
namespace {

// Seal blobs are grouped at this resolution: a 30 mm seal is still 60 px across.
constexpr double blob_dpi = 50;
// Red marks of one seal (ring, star, characters) lie within this distance of each other.
constexpr double blob_bridge_mm = 2;

double percentile_distance(const std::vector<cv::Point2d>& points, cv::Point2d centre, double fraction) {
  std::vector<double> d;
  d.reserve(points.size());
  for (const auto& p : points) d.push_back(std::hypot(p.x - centre.x, p.y - centre.y));
  auto at = d.begin() + static_cast<std::ptrdiff_t>(fraction * static_cast<double>(d.size() - 1));
  std::nth_element(d.begin(), at, d.end());
  return *at;
}

// Fits the outer ring of the red blob in `roi`; false when the blob has no ring of seal size.
bool fit_seal_ring(const cv::Mat& red, cv::Rect roi, double dpi, const SealOptions& options, SealMark* seal) {
  const double mm = px_per_mm(dpi);
  const cv::Point2d start(roi.x + roi.width / 2.0, roi.y + roi.height / 2.0);
  const std::vector<cv::Point2d> all = annulus_points(red, roi, start, 0, 1e9);
  if (all.size() < 50) return false;
  // The ring is the outermost red; start from the blob's outer extent and fit twice, each time on the pixels
  // near the previous circle, which drops the star, the characters and any text-coloured neighbours.
  Circle circle{start, percentile_distance(all, start, 0.98) - 1.0 * mm};
  for (const double half_band : {2.0 * mm, 1.5 * mm}) {
    const auto ring = annulus_points(red, roi, circle.centre, circle.radius - half_band, circle.radius + half_band);
    if (ring.size() < 50 || !fit_circle(ring, &circle)) return false;
  }
  const auto ring = annulus_points(red, roi, circle.centre, circle.radius - 1.5 * mm, circle.radius + 1.5 * mm);
  double spread = 0;
  for (const auto& p : ring) {
    const double off = std::hypot(p.x - circle.centre.x, p.y - circle.centre.y) - circle.radius;
    spread += off * off;
  }
  // A stroke of width t spreads its pixels uniformly over t: deviation t/√12.
  const double stroke = std::clamp(std::sqrt(12 * spread / static_cast<double>(ring.size())), 0.3 * mm, 3.0 * mm);
  const double outer = circle.radius + stroke / 2;
  const double coverage = ring_coverage(red, circle.centre, circle.radius, stroke / 2 + 1);
  const double diameter_mm = 2 * outer / mm;
  if (diameter_mm < options.min_diameter_mm || diameter_mm > options.max_diameter_mm ||
      coverage < options.min_red_ring_coverage)
    return false;
  *seal = {cv::Point2f(static_cast<float>(circle.centre.x), static_cast<float>(circle.centre.y)),
           static_cast<float>(outer), true, coverage};
  return true;
}

cv::Rect disc_box(const SealMark& seal, double margin, cv::Size size) {
  const int r = static_cast<int>(std::ceil(seal.radius + margin));
  return cv::Rect(static_cast<int>(seal.centre.x) - r, static_cast<int>(seal.centre.y) - r, 2 * r + 1, 2 * r + 1) &
         cv::Rect(0, 0, size.width, size.height);
}

}  // namespace

cv::Mat red_ink_mask(const cv::Mat& bgr, const cv::Mat& paper, const SealOptions& options) {
  CV_Assert(bgr.type() == CV_8UC3 && (paper.empty() || paper.size() == bgr.size()));
  cv::Mat mask(bgr.size(), CV_8UC1);
  const float hue_limit = static_cast<float>(options.max_hue_degrees / 60.0);
  const float saturation = static_cast<float>(options.min_saturation);
  for (int y = 0; y < bgr.rows; ++y) {
    const auto* in = bgr.ptr<cv::Vec3b>(y);
    const unsigned char* tone = paper.empty() ? nullptr : paper.ptr<unsigned char>(y);
    auto* out = mask.ptr<unsigned char>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const int b = in[x][0], g = in[x][1], r = in[x][2];
      const int low = std::min(b, g);
      const int chroma = r - low;
      const int p = tone ? tone[x] : 255;
      // Red is the brightest channel and the hue (60° (g-b)/chroma) lies near 0°; value and chroma are judged
      // against the local paper, so shading neither hides nor makes red.
      const bool red = r >= g && r >= b && chroma > 0 && static_cast<float>(std::abs(g - b)) <= hue_limit * chroma &&
                       static_cast<float>(chroma) >= saturation * r && r * 255 >= options.min_value * p &&
                       chroma * 255 >= options.min_chroma * p;
      out[x] = red ? 255 : 0;
    }
  }
  return mask;
}

std::vector<cv::Rect> red_seal_regions(const cv::Mat& bgr, const cv::Mat& paper, double dpi,
                                       const SealOptions& options) {
  CV_Assert(bgr.type() == CV_8UC3 && (paper.empty() || paper.size() == bgr.size()));
  const ReducedImage small = reduce_to_dpi(bgr, dpi, blob_dpi);
  cv::Mat blobs =
      red_ink_mask(small.image, paper.empty() ? cv::Mat() : reduce_to_dpi(paper, dpi, blob_dpi).image, options);
  const int bridge = mm_to_px(blob_bridge_mm, small.dpi);
  cv::dilate(blobs, blobs, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * bridge + 1, 2 * bridge + 1)));
  cv::Mat labels, stats;
  const int count = label_components(blobs, labels, stats);
  const double mm = px_per_mm(small.dpi);
  const int f = small.factor;
  std::vector<cv::Rect> regions;
  for (int i = 1; i < count; ++i) {
    const double w = stats.at<int>(i, cv::CC_STAT_WIDTH) / mm, h = stats.at<int>(i, cv::CC_STAT_HEIGHT) / mm;
    // Seal-sized and round-ish; the bridge grew the blob by 2 × blob_bridge_mm.
    if (std::min(w, h) < 0.8 * options.min_diameter_mm ||
        std::max(w, h) > options.max_diameter_mm + 3 * blob_bridge_mm || std::max(w, h) > 1.3 * std::min(w, h))
      continue;
    regions.push_back(cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT) * f, stats.at<int>(i, cv::CC_STAT_TOP) * f,
                               stats.at<int>(i, cv::CC_STAT_WIDTH) * f, stats.at<int>(i, cv::CC_STAT_HEIGHT) * f) &
                      cv::Rect(0, 0, bgr.cols, bgr.rows));
  }
  return regions;
}

SealFinding find_red_seals(const cv::Mat& bgr, const cv::Mat& paper, double dpi, const SealOptions& options) {
  SealFinding finding;
  // Full resolution is read only inside the seal-sized red blobs of a reduced copy.
  for (const cv::Rect& roi : red_seal_regions(bgr, paper, dpi, options)) {
    cv::Mat red = red_ink_mask(bgr(roi), paper.empty() ? cv::Mat() : paper(roi), options);
    // JPEG leaves pinholes and 1-px breaks in red strokes.
    cv::morphologyEx(red, red, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    SealMark seal;
    if (!fit_seal_ring(red, cv::Rect(0, 0, roi.width, roi.height), dpi, options, &seal)) continue;
    // The seal's ink: the red inside the ring, and 1 mm beyond for the ring's ragged edge.
    cv::Mat disc = cv::Mat::zeros(red.size(), CV_8UC1);
    cv::circle(disc, cv::Point(cvRound(seal.centre.x), cvRound(seal.centre.y)),
               cvRound(seal.radius + mm_to_px(1.0, dpi)), 255, cv::FILLED);
    if (finding.mask.empty()) finding.mask = cv::Mat::zeros(bgr.size(), CV_8UC1);
    cv::Mat inside = finding.mask(roi);
    inside |= red & disc;
    seal.centre += cv::Point2f(static_cast<float>(roi.x), static_cast<float>(roi.y));
    finding.seals.push_back(seal);
  }
  return finding;
}

void remove_red_seal_ink(cv::Mat& grey, const cv::Mat& bgr, const cv::Mat& paper, const SealFinding& finding,
                         const SealOptions& options) {
  for (const SealMark& seal : finding.seals) {
    // The mask reaches 1 mm beyond the ring, never more than a tenth of a seal's radius (≥ 15 mm).
    const cv::Rect box = disc_box(seal, 0.1 * seal.radius + 2, grey.size());
    // One pixel beyond the mask too: JPEG leaves a light pink fringe round red strokes.
    cv::Mat near;
    cv::dilate(finding.mask(box), near, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    // Under the seal the page is seen through its brightest (red) channel: red ink is bright there and black
    // text stays dark, with its anti-aliased edges in between. Cutting at one level instead broke the strokes of
    // characters printed over the seal (二〇二六 read as 二〇二八), because blurred black over red is only
    // half dark. The stretch's white point is this seal's own typical red level, so a pale and a deep stamp
    // both vanish.
    cv::Mat seen(box.size(), CV_8UC1);
    for (int y = 0; y < box.height; ++y) {
      const auto* in = bgr.ptr<cv::Vec3b>(box.y + y) + box.x;
      const auto* tone = paper.ptr<unsigned char>(box.y + y) + box.x;
      auto* flat = seen.ptr<unsigned char>(y);
      for (int x = 0; x < box.width; ++x)
        flat[x] = static_cast<unsigned char>(
            std::min(255, std::max({in[x][0], in[x][1], in[x][2]}) * 255 / std::max(1, static_cast<int>(tone[x]))));
    }
    const std::optional<int> seal_level = masked_quantile(seen, near, 0.5);
    if (!seal_level) continue;
    const double white_point = std::max(static_cast<double>(options.keep_dark_value),
                                         options.seal_white_share * *seal_level);
    for (int y = 0; y < box.height; ++y) {
      const auto* m = near.ptr<unsigned char>(y);
      const auto* flat = seen.ptr<unsigned char>(y);
      auto* out = grey.ptr<unsigned char>(box.y + y) + box.x;
      for (int x = 0; x < box.width; ++x) {
        if (m[x] == 0) continue;
        const double lifted = std::min(255.0, 255.0 * flat[x] / white_point);
        out[x] = static_cast<unsigned char>(std::max<double>(out[x], lifted));
      }
    }
  }
}

}  // namespace intake
