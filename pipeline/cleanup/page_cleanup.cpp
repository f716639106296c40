#include "pipeline/cleanup/page_cleanup.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/cleanup/ink.h"
#include "pipeline/cleanup/page_geometry.h"

namespace intake {
namespace {

constexpr int assumed_dpi = 300;  // what PDFs render at and most office scanners default to

cv::Mat grey_of(const cv::Mat& image) {
  if (image.channels() == 1) return image;
  cv::Mat grey;
  cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
  return grey;
}

// Red seals of a colour scan, read in colour only inside `regions` (seal-sized red blobs, scan pixels): each is
// warped into the clean page on its own, so a colour page never needs a full colour copy. Their ink is removed
// from `grey` (the flattened clean page).
SealFinding lift_red_seals(const cv::Mat& scan, const std::vector<cv::Rect>& regions, const cv::Matx23d& to_clean,
                           const cv::Mat& paper, double dpi, const SealOptions& options, cv::Mat& grey) {
  SealFinding all;
  const int margin = mm_to_px(3, dpi);
  for (const cv::Rect& region : regions) {
    const cv::Rect box = map_box(to_clean, region + cv::Size(2 * margin, 2 * margin) - cv::Point(margin, margin)) &
                         cv::Rect(0, 0, grey.cols, grey.rows);
    if (box.empty()) continue;
    cv::Matx23d to_box = to_clean;
    to_box(0, 2) -= box.x;
    to_box(1, 2) -= box.y;
    cv::Mat colour;
    cv::warpAffine(scan, colour, to_box, box.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    const SealFinding found = find_red_seals(colour, paper(box), dpi, options);
    if (found.seals.empty()) continue;
    cv::Mat grey_box = grey(box);
    remove_red_seal_ink(grey_box, colour, paper(box), found, options);
    if (all.mask.empty()) all.mask = cv::Mat::zeros(grey.size(), CV_8UC1);
    cv::Mat mask_box = all.mask(box);
    mask_box |= found.mask;
    for (SealMark seal : found.seals) {
      seal.centre += cv::Point2f(static_cast<float>(box.x), static_cast<float>(box.y));
      // Neighbouring regions can both hold one seal.
      const bool known = std::any_of(all.seals.begin(), all.seals.end(), [&](const SealMark& other) {
        return cv::norm(other.centre - seal.centre) < other.radius;
      });
      if (!known) all.seals.push_back(seal);
    }
  }
  return all;
}

// Where the red seal regions lie on the deskewed page, drawn at 1/`factor` scale: a cue for orientation.
cv::Mat seal_hint(const std::vector<cv::Rect>& regions, const cv::Matx23d& to_clean, cv::Size clean_size, int factor) {
  cv::Mat hint = cv::Mat::zeros(clean_size.height / factor + 1, clean_size.width / factor + 1, CV_8UC1);
  for (const cv::Rect& region : regions) {
    const cv::Rect box = map_box(to_clean, region);
    cv::rectangle(hint, cv::Rect(box.x / factor, box.y / factor, box.width / factor + 1, box.height / factor + 1), 255,
                  cv::FILLED);
  }
  return hint;
}

// The border bands, found on the reduced scan, drawn into the clean page: clean pixel → scan pixel → reduced pixel.
// Grown by one reduced pixel first: the deskew warp interpolates, so the band's dark edge bleeds a pixel or two
// beyond where nearest-neighbour sampling of the mask ends, and would be left as a thin line.
cv::Mat borders_in_clean_page(cv::Mat bands, int factor, const cv::Matx23d& to_original, cv::Size size) {
  cv::dilate(bands, bands, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  const double s = 1.0 / factor, shift = 0.5 / factor - 0.5;  // scan pixel centre x → reduced (x + 0.5)/f - 0.5
  const cv::Matx23d to_reduced(s * to_original(0, 0), s * to_original(0, 1), s * to_original(0, 2) + shift,
                               s * to_original(1, 0), s * to_original(1, 1), s * to_original(1, 2) + shift);
  cv::Mat mask;
  cv::warpAffine(bands, mask, to_reduced, size, cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, 0);
  return mask;
}

}  // namespace

cv::Rect CleanPage::original_box(const cv::Rect& clean_box) const {
  if (to_original.empty()) return clean_box;
  return map_box(cv::Matx23d(to_original), clean_box);
}

CleanPage clean_page(const DecodedPage& page, const CleanupOptions& options, const UprightScorer& scorer) {
  CV_Assert(page.image.empty() || page.image.type() == CV_8UC1 || page.image.type() == CV_8UC3);
  CleanPage clean;
  clean.dpi = page.dpi > 0 ? page.dpi : assumed_dpi;
  clean.to_original = cv::Mat(cv::Matx23d(1, 0, 0, 0, 1, 0));
  if (page.image.empty()) {
    clean.blank = true;
    return clean;
  }
  const double dpi = clean.dpi;
  const bool colour = page.image.channels() == 3;
  const bool one_bit = page.mode == ColourMode::bw && !colour;

  // 1. Scanner frame, reduced: border bands, then skew with the bands painted over; on colour scans also where
  //    the seal-sized red blobs are, the only parts read in colour later.
  const ReducedImage scan = reduce_to_dpi(page.image, dpi, options.deskew.analysis_dpi);
  cv::Mat scan_grey = grey_of(scan.image).clone();
  const cv::Mat bands = find_dark_borders(scan_grey, scan.dpi, options.border);
  const bool any_bands = cv::countNonZero(bands) > 0;
  const int paper_tone = grey_percentile(scan_grey, 0.9, ~bands);
  if (any_bands) scan_grey.setTo(paper_tone, bands);
  if (options.correct_skew) {
    const SkewEstimate skew = find_skew(scan_grey, scan.dpi, options.deskew);
    if (std::abs(skew.degrees) >= options.min_skew_degrees) clean.skew_degrees = skew.degrees;
  }
  const std::vector<cv::Rect> red_regions =
      colour ? red_seal_regions(page.image, {}, dpi, options.seal) : std::vector<cv::Rect>();

  // 2. One warp at full resolution, of the grey page; the corners it uncovers are filled with paper, so they
  //    flatten to white and grow no edge for the later stages to find.
  PageGeometry geometry = deskew_geometry(page.image.size(), clean.skew_degrees);
  cv::Mat grey = grey_of(page.image);
  if (clean.skew_degrees != 0)
    cv::warpAffine(cv::Mat(grey), grey, geometry.to_clean, geometry.clean_size,
                   options.cubic ? cv::INTER_CUBIC : cv::INTER_LINEAR, cv::BORDER_CONSTANT, paper_tone);

  // 3. Upright.
  if (options.correct_orientation) {
    const cv::Mat seals = seal_hint(red_regions, geometry.to_clean, geometry.clean_size, scan.factor);
    const OrientationEstimate orientation = find_orientation(grey, dpi, options.orientation, scorer, seals);
    clean.rotation = orientation.rotation;
    clean.orientation_confidence = orientation.confidence;
    geometry = with_quarter_turn(geometry, clean.rotation);
    grey = rotate_quarter(grey, clean.rotation);
  }
  const cv::Matx23d to_original = invert(geometry.to_clean);
  clean.to_original = cv::Mat(to_original);

  // 4. Paper, borders, seals, binary.
  cv::Mat paper;
  if (one_bit) {
    clean.grey = grey.clone();
  } else {
    paper = estimate_paper(grey, dpi, options.illumination);
    clean.grey = flatten(grey, paper);
  }
  if (any_bands) clean.grey.setTo(255, borders_in_clean_page(bands, scan.factor, to_original, clean.grey.size()));

  // A 1-bit page is binary already: its specks go before the ring search, where they ink the circles beside a
  // faint seal's dashed ring almost as much as the ring. Other pages are binarised once their seals are faded.
  if (one_bit) {
    cv::threshold(clean.grey, clean.binary, 127, 255, cv::THRESH_BINARY);
    if (clean.skew_degrees != 0)
      cv::threshold(clean.grey, clean.ruling_binary, options.one_bit_ruling_level, 255, cv::THRESH_BINARY);
    remove_speckles(clean.binary, &clean.grey, dpi, options.binarize.max_speck_mm2);
  }
  SealFinding seals;
  if (colour) seals = lift_red_seals(page.image, red_regions, geometry.to_clean, paper, dpi, options.seal, clean.grey);
  if (seals.seals.empty() && (!colour || options.seal.rings_without_colour)) {
    seals = find_seal_rings(clean.grey, dpi, one_bit, options.seal);
    if (!one_bit) fade_grey_seal_ink(clean.grey, seals, dpi, options.seal);
  }
  clean.seal_mask = seals.mask;
  clean.seals = seals.seals;
  if (!one_bit) {
    clean.binary = binarize_sauvola(clean.grey, dpi, options.binarize);
    remove_speckles(clean.binary, &clean.grey, dpi, options.binarize.max_speck_mm2);
  }

  clean.blank = clean.seals.empty() && assess_blank(clean.grey, dpi, options.blank).blank;
  return clean;
}

}  // namespace intake
