#pragma once
// Round seals (公章): found, measured, and their ink taken out of the page OCR reads, because a seal stamped over
// the date or the signature block otherwise turns those characters into noise.
//
// Colour scans: seal ink is red. A red-ink mask (HSV-style hue, saturation and value tests on the flattened page)
// is grouped into blobs of seal size; a blob whose outer ring fits a circle is a seal. Its red pixels are
// whitened in the OCR grey page, except where they are dark in every channel: that is black text under the red.
// Grey and 1-bit scans: the seal is grey or black, so it is found by shape: a thin ring of seal size (Hough
// circles on a reduced page, then a check that ink lies on the ring and not just beside it) with something
// inside. On grey scans the seal ink is mid-grey, lighter than black text, which gives its mask and lets it be
// faded; on 1-bit scans only the ring's own stroke is marked, and nothing is removed (seal and text ink cannot
// be told apart).
// Thread-safe.
#include <opencv2/core.hpp>
#include <vector>

namespace intake {

struct SealMark {
  cv::Point2f centre;  // in clean-page pixels
  float radius = 0;    // outer radius of the ring, px
  bool red = true;     // found by colour (false: by shape on a grey or 1-bit page)
  double score = 0;    // share of the ring's circumference that is inked, 0–1
};

struct SealOptions {
  // Ring diameters accepted. Official seals are 38–45 mm across and department seals 35–42 mm; 30–50 mm leaves
  // room for a wrong resolution in the file, scale error and old seals.
  double min_diameter_mm = 30;
  double max_diameter_mm = 50;
  // Red ink, as HSV tests: hue within this many degrees of red (both ends of the hue circle), ...
  double max_hue_degrees = 25;
  // ... saturation (max - min) / max at least this (pink, under-inked stamps are ~0.25; paper tint < 0.08), ...
  double min_saturation = 0.18;
  // ... value (brightest channel, on flattened paper) at least this: darker is black text, red or not, ...
  int min_value = 90;
  // ... and chroma (max - min, on flattened paper) at least this, so noise on near-white paper is never "red".
  int min_chroma = 35;
  // Under a red seal the OCR page is the brightest channel (flattened), stretched so the seal's typical red
  // becomes paper: white at this share of the seal's median level, and never below keep_dark_value (black text
  // is darker than that in every channel and must stay ink).
  double seal_white_share = 0.85;
  int keep_dark_value = 110;
  // A red blob is a round seal when at least this share of its ring's circumference is inked.
  double min_red_ring_coverage = 0.6;

  // Shape-based search (grey and 1-bit scans; colour scans without a red seal).
  bool rings_without_colour = true;
  // Resolution of the ring search: a 1 mm seal stroke is still 3 px at 75 dpi.
  double ring_search_dpi = 75;
  // Reduced grey darker than this is ink for the ring test (flattened paper is 255, grey seal ink ~100–200).
  int ring_ink_level = 215;
  // Hough accumulator threshold: candidates only, each one is verified; lower finds fainter rings, costs time.
  int hough_votes = 20;
  // Share of the circumference that must be inked ...
  double min_shape_ring_coverage = 0.75;
  // ... and by how much more than 2 mm inside and outside it: a ring, not a patch of dense text.
  double min_ring_contrast = 0.4;
  // A faint stamp's ring (dashes on a 1-bit scan, 0.4–0.7 of the circumference) is a seal when the circles 2 mm
  // inside and outside it are almost bare (seals measured ≤ 0.14 there, circles through text ≥ 0.2) and it is
  // inked this much more than they are.
  double min_faint_ring_coverage = 0.4;
  // A Hough candidate is looked at closely when its circle at the guessed centre is inked this much. A faint ring's
  // guessed centre is a pixel or two off (at 75 dpi), which halves the dashes a circle meets: a 1-bit seal inked
  // 0.64 round its true circle measured 0.39 at the guess.
  double min_candidate_ring_coverage = 0.3;
  double max_faint_ring_beside = 0.15;
  double min_faint_ring_contrast = 0.28;
  // On grey scans, seal ink lies between these levels of the flattened page: lighter than black text and its
  // anti-aliased edges, darker than paper and show-through.
  int grey_seal_dark = 70;
  int grey_seal_light = 215;
  // Fading grey seal ink: this quantile of the seal ink's levels becomes paper. Low enough that the stamp's darker
  // strokes (the star, the ring) fade too, high enough that black strokes, darker still, stay ink.
  double grey_seal_white_quantile = 0.25;
  // ... except the hairlines of printed text: a stroke narrower than this that is darker than what lies round it
  // by at least grey_seal_hairline_contrast keeps its levels. A serif font's horizontals at 200 dpi are one pixel
  // of 80–100, as light as the seal's ink, and the stretch took them (2025年12月15日 read 20%年1) SE); text over the
  // seal's star is 60–80 darker than the star. The ring, star and lettering are wider and fade as before.
  double grey_seal_hairline_mm = 0.3;
  int grey_seal_hairline_contrast = 40;
};

struct SealFinding {
  cv::Mat mask;  // 255 where seal ink was found, same size as the page; empty when no seal
  std::vector<SealMark> seals;
};

// `bgr`: the clean page in colour, or a region of it; `paper`: its paper estimate (CV_8UC1, same size; see
// illumination.h), or empty to take the paper as white.
SealFinding find_red_seals(const cv::Mat& bgr, const cv::Mat& paper, double dpi, const SealOptions& options = {});

// Boxes of `bgr` that hold a seal-sized blob of red (found on a ~50 dpi copy): where find_red_seals looks, and
// all of a colour page that cleanup has to read in colour.
std::vector<cv::Rect> red_seal_regions(const cv::Mat& bgr, const cv::Mat& paper, double dpi,
                                       const SealOptions& options = {});

// Whitens the seal ink of `finding` in `grey` (the flattened clean page) but keeps black text under it.
void remove_red_seal_ink(cv::Mat& grey, const cv::Mat& bgr, const cv::Mat& paper, const SealFinding& finding,
                         const SealOptions& options = {});

// Red-ink mask alone (255 = red seal-like ink). `paper` may be empty (unflattened: paper taken as white).
cv::Mat red_ink_mask(const cv::Mat& bgr, const cv::Mat& paper, const SealOptions& options = {});

// Shape-based search on a flattened grey page (`one_bit`: the page came from a 1-bit scan). The mask marks
// mid-grey seal ink inside the ring on grey pages and the ring's stroke on 1-bit pages.
SealFinding find_seal_rings(const cv::Mat& grey, double dpi, bool one_bit, const SealOptions& options = {});

// Fades the grey seal ink of `finding` (from find_seal_rings on a grey page) out of `grey`. Not a cut at one level:
// on a blurred scan the cores of thin black strokes printed over the seal are as grey as the seal's darker parts,
// and whitening every mid-grey pixel broke the date under the seal into specks. Inside each seal's disc the grey
// is stretched so that most of its seal ink becomes paper and grey_seal_dark stays black; text hairlines (see
// grey_seal_hairline_mm) are left as they are.
void fade_grey_seal_ink(cv::Mat& grey, const SealFinding& finding, double dpi, const SealOptions& options = {});

}  // namespace intake
