#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/illumination.h"
#include "pipeline/cleanup/seals.h"
#include "synthetic_page.h"

namespace intake {
namespace {

cv::Mat jpeg_round_trip(const cv::Mat& image, int quality) {
  std::vector<unsigned char> bytes;
  cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
  return cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
}

double iou(const cv::Mat& a, const cv::Mat& b) {
  const double both = cv::countNonZero(a & b), either = cv::countNonZero(a | b);
  return either == 0 ? 0 : both / either;
}

// Share of the pixels of `where` that are set in `condition` (both masks).
double share(const cv::Mat& condition, const cv::Mat& where) {
  const int total = cv::countNonZero(where);
  return total == 0 ? 0 : cv::countNonZero(condition & where) / static_cast<double>(total);
}

void expect_matches_drawn_seal(const SealMark& seal, const testing::SyntheticPage& page) {
  const double mm = page.dpi / 25.4;
  EXPECT_LT(cv::norm(seal.centre - page.seal_centre), 2 * mm);
  EXPECT_NEAR(seal.radius, page.seal_radius, 0.1 * page.seal_radius);
}

struct SealCase {
  int dpi;
  bool light;
  int jpeg_quality;  // 0: no JPEG
};

class SealRed : public ::testing::TestWithParam<SealCase> {};

// Red seals on colour scans: found where drawn, masked with the drawn ink, lifted off the OCR page while the
// black text under them stays.
TEST_P(SealRed, FoundMaskedAndRemovedWithTextKept) {
  const SealCase c = GetParam();
  for (unsigned seed = 1; seed <= (c.dpi < 300 ? 2u : 1u); ++seed) {
    testing::PageSpec spec;
    spec.dpi = c.dpi;
    spec.seed = seed + (c.light ? 20u : 0u) + static_cast<unsigned>(c.jpeg_quality);
    spec.light_seal = c.light;
    testing::SyntheticPage page = testing::draw_page(spec);
    testing::add_noise(page.image, 3, seed);
    if (c.jpeg_quality > 0) page.image = jpeg_round_trip(page.image, c.jpeg_quality);

    const cv::Mat grey = testing::to_grey(page.image);
    const cv::Mat paper = estimate_paper(grey, c.dpi);
    cv::Mat flat = flatten(grey, paper);
    const SealFinding found = find_red_seals(page.image, paper, c.dpi);
    ASSERT_EQ(found.seals.size(), 1u) << "seed " << spec.seed;
    EXPECT_TRUE(found.seals[0].red);
    expect_matches_drawn_seal(found.seals[0], page);
    // Seal ink not under black text, and black text under the seal.
    cv::Mat black_near;
    cv::dilate(page.black_ink, black_near, cv::Mat::ones(5, 5, CV_8UC1));
    const cv::Mat seal_only = page.seal_ink & ~black_near;
    const cv::Mat text_under_seal = page.black_ink & page.seal_ink;
    EXPECT_GT(iou(found.mask, page.seal_ink), 0.8) << "seed " << spec.seed;

    remove_red_seal_ink(flat, page.image, paper, found);
    EXPECT_GT(share(flat > 200, seal_only), 0.97) << "seal ink left in the OCR page";
    ASSERT_GT(cv::countNonZero(text_under_seal), 0);
    EXPECT_GT(share(flat < 128, text_under_seal), 0.95) << "text under the seal lost";
  }
}

INSTANTIATE_TEST_SUITE_P(Seal, SealRed,
                         ::testing::Values(SealCase{200, false, 0}, SealCase{300, false, 80}, SealCase{200, true, 85},
                                           SealCase{300, true, 0}),
                         [](const auto& info) {
                           return std::to_string(info.param.dpi) + (info.param.light ? "dpi_light" : "dpi_full") +
                                  (info.param.jpeg_quality ? "_jpeg" : "");
                         });

// Red that is not a round seal (a red letterhead line, 红头) stays in the page.
TEST(SealRedHeader, RedTextIsNotASeal) {
  testing::PageSpec spec;
  spec.seal = false;
  testing::SyntheticPage page = testing::draw_page(spec);
  cv::Mat ignored = cv::Mat::zeros(page.image.size(), CV_8UC1);
  cv::RNG rng(5);
  testing::PageDrawer draw(page.image, ignored, spec.dpi, rng);
  draw.text_line(40, 8, 12, 10, cv::Scalar(40, 40, 210), false);
  draw.line(20, 3, 190, 3, 0.8, cv::Scalar(40, 40, 210));
  const cv::Mat paper = estimate_paper(testing::to_grey(page.image), spec.dpi);
  const SealFinding found = find_red_seals(page.image, paper, spec.dpi);
  EXPECT_TRUE(found.seals.empty());
  EXPECT_TRUE(found.mask.empty());
}

class SealShape : public ::testing::TestWithParam<int> {};

// Grey scans: the red seal is mid-grey; found by its ring, masked by its grey level, black text kept.
TEST_P(SealShape, GreyScanRingFoundWithoutColour) {
  for (unsigned seed : {3u, 4u}) {
    testing::PageSpec spec;
    spec.dpi = GetParam();
    spec.seed = seed;
    const testing::SyntheticPage page = testing::draw_page(spec);
    cv::Mat grey = testing::to_grey(page.image);
    testing::add_noise(grey, 3, seed);
    const cv::Mat flat = flatten(grey, estimate_paper(grey, spec.dpi));
    const SealFinding found = find_seal_rings(flat, spec.dpi, false);
    ASSERT_EQ(found.seals.size(), 1u) << "seed " << seed;
    EXPECT_FALSE(found.seals[0].red);
    expect_matches_drawn_seal(found.seals[0], page);
    cv::Mat black_near;
    cv::dilate(page.black_ink, black_near, cv::Mat::ones(5, 5, CV_8UC1));
    EXPECT_GT(share(found.mask, page.seal_ink & ~black_near), 0.8);
    EXPECT_LT(share(found.mask, page.black_ink & page.seal_ink), 0.05);
  }
}

// Grey scans, faded: the seal's ink turns to paper while black text keeps its strokes, also on a blurred scan
// where the cores of strokes over the seal are no darker than the seal's own darker parts.
TEST_P(SealShape, GreySealFadedTextKept) {
  for (const double blur : {0.0, 2.0}) {
    testing::PageSpec spec;
    spec.dpi = GetParam();
    spec.seed = 9;
    const testing::SyntheticPage page = testing::draw_page(spec);
    cv::Mat grey = testing::to_grey(page.image);
    if (blur > 0) cv::GaussianBlur(grey, grey, cv::Size(), blur * spec.dpi / 200.0);
    testing::add_noise(grey, 3, 9);
    cv::Mat flat = flatten(grey, estimate_paper(grey, spec.dpi));
    const SealFinding found = find_seal_rings(flat, spec.dpi, false);
    ASSERT_EQ(found.seals.size(), 1u) << "blur " << blur;
    fade_grey_seal_ink(flat, found, spec.dpi);
    cv::Mat black_near;
    cv::dilate(page.black_ink, black_near, cv::Mat::ones(5, 5, CV_8UC1));
    cv::Mat black_core;
    cv::erode(page.black_ink, black_core, cv::Mat::ones(3, 3, CV_8UC1));
    EXPECT_GT(share(flat > 200, page.seal_ink & ~black_near), 0.9) << "blur " << blur << ": seal ink left";
    const cv::Mat text_under_seal = black_core & page.seal_ink;
    ASSERT_GT(cv::countNonZero(text_under_seal), 0);
    // Whitening every mid-grey pixel kept 69–76 % of these strokes at blur 2 (measured when this was written).
    EXPECT_GT(share(flat < 128, text_under_seal), 0.82) << "blur " << blur << ": text under the seal lost";
  }
}

// Grey scans, faded: a serif font's hairlines (one pixel as light as the seal's ink) stay, over paper and over
// the seal's star, while the star, ring and lettering strokes of seal width fade. Stretching the disc alone lost
// every hairline over paper.
TEST_P(SealShape, GreySealFadedHairlinesKept) {
  const int dpi = GetParam();
  const double mm = dpi / 25.4;
  cv::Mat grey(static_cast<int>(60 * mm), static_cast<int>(60 * mm), CV_8UC1, cv::Scalar(245));
  const cv::Point centre(grey.cols / 2, grey.rows / 2);
  const int radius = static_cast<int>(20 * mm);
  cv::Mat seal_ink = cv::Mat::zeros(grey.size(), CV_8UC1);
  cv::circle(seal_ink, centre, radius - static_cast<int>(0.6 * mm), 255, static_cast<int>(1.2 * mm));
  cv::circle(seal_ink, centre, static_cast<int>(5 * mm), 255, cv::FILLED);  // the star
  cv::line(seal_ink, centre + cv::Point(-static_cast<int>(14 * mm), -static_cast<int>(10 * mm)),
           centre + cv::Point(-static_cast<int>(8 * mm), -static_cast<int>(14 * mm)), 255,
           static_cast<int>(0.8 * mm));  // a lettering stroke
  cv::Mat grain(grey.size(), CV_32FC1);  // a stamp's uneven ink: blotches of 95–160
  cv::randu(grain, 0, 1);
  cv::GaussianBlur(grain, grain, cv::Size(), 0.15 * mm);
  cv::normalize(grain, grain, 95, 160, cv::NORM_MINMAX);
  grain.convertTo(grain, CV_8UC1);
  grain.copyTo(grey, seal_ink);
  cv::Mat hairlines = cv::Mat::zeros(grey.size(), CV_8UC1);
  for (const int dy : {-2, 0, 2, 8})  // rows of one-pixel horizontals across paper and star
    cv::line(hairlines, centre + cv::Point(-static_cast<int>(12 * mm), static_cast<int>(dy * mm)),
             centre + cv::Point(static_cast<int>(12 * mm), static_cast<int>(dy * mm)), 255, 1);
  grey.setTo(105, hairlines & ~seal_ink);  // lighter than much of the seal's ink
  grey.setTo(60, hairlines & seal_ink);
  SealFinding found;
  found.mask = seal_ink.clone();
  found.seals.push_back({cv::Point2f(centre), static_cast<float>(radius), false, 1.0});
  fade_grey_seal_ink(grey, found, dpi);
  EXPECT_GT(share(grey < 160, hairlines & ~seal_ink), 0.95) << "hairlines over paper lost";
  EXPECT_GT(share(grey < 160, hairlines & seal_ink), 0.95) << "hairlines over the star lost";
  cv::Mat seal_away;
  cv::dilate(hairlines, seal_away, cv::Mat::ones(3, 3, CV_8UC1));
  seal_away = seal_ink & ~seal_away;
  EXPECT_GT(share(grey > 200, seal_away), 0.97) << "seal ink left";
}

// 1-bit scans: the seal is black like the text; its ring is still a ring.
TEST_P(SealShape, OneBitScanRingFoundWithoutColour) {
  for (unsigned seed : {5u, 6u}) {
    testing::PageSpec spec;
    spec.dpi = GetParam();
    spec.seed = seed;
    const testing::SyntheticPage page = testing::draw_page(spec);
    const cv::Mat bw = testing::to_bw(page.image);
    const SealFinding found = find_seal_rings(bw, spec.dpi, true);
    ASSERT_EQ(found.seals.size(), 1u) << "seed " << seed;
    EXPECT_FALSE(found.seals[0].red);
    expect_matches_drawn_seal(found.seals[0], page);
    EXPECT_GT(cv::countNonZero(found.mask & page.seal_ink), 0);
  }
}

// A faintly stamped seal on a 200 dpi 1-bit scan, in an opinion box: its ring is dashes round two fifths of its
// circumference, with a table ruling across it, the date's glyphs over its middle and a few strokes of its
// lettering. Hough's evidence for such a ring is thin, and its centre a pixel or two off at the search's 75 dpi.
cv::Mat faint_seal_page(int dpi, unsigned seed, cv::Point2d& centre, double& radius) {
  cv::RNG rng(seed);
  const double mm = dpi / 25.4;
  const int thin = std::max(1, static_cast<int>(0.3 * mm));
  cv::Mat page(cv::Size(static_cast<int>(210 * mm), static_cast<int>(297 * mm)), CV_8UC1, cv::Scalar(255));
  centre = {140 * mm, 200 * mm};
  radius = 20 * mm;
  const cv::Point c(centre);
  const int ruling_y = cvRound(centre.y + 0.45 * radius);
  cv::line(page, {cvRound(10 * mm), ruling_y}, {cvRound(200 * mm), ruling_y}, 0, thin);
  cv::line(page, {cvRound(40 * mm), cvRound(150 * mm)}, {cvRound(40 * mm), cvRound(280 * mm)}, 0, thin);
  const int ring_radius = static_cast<int>(radius - 0.5 * mm), stroke = static_cast<int>(0.7 * mm);
  for (double a = rng.uniform(0.0, 10.0); a < 360;) {
    const double dash = rng.uniform(3.6, 8.4), gap = rng.uniform(6.6, 15.4);
    cv::ellipse(page, c, {ring_radius, ring_radius}, 0, a, a + dash, 0, stroke);
    a += dash + gap;
  }
  for (int i = 0; i < 9; ++i) {
    const cv::Point corner(cvRound(centre.x - 0.8 * radius + i * 4.2 * mm), cvRound(centre.y + 0.1 * radius));
    const cv::Rect glyph(corner, cv::Size(static_cast<int>(3.2 * mm), static_cast<int>(3.6 * mm)));
    cv::rectangle(page, glyph, 0, thin);
    cv::line(page, {glyph.x, glyph.y + glyph.height / 2}, {glyph.x + glyph.width, glyph.y + glyph.height / 2}, 0, thin);
  }
  for (int i = 0; i < 8; ++i) {
    const double a = (210 + i * 16) * CV_PI / 180;
    const cv::Point p(cvRound(centre.x + 0.7 * radius * std::cos(a)), cvRound(centre.y + 0.7 * radius * std::sin(a)));
    cv::line(page, p, p + cv::Point(rng.uniform(-8, 8), rng.uniform(4, 12)), 0, thin);
  }
  return page;
}

TEST(SealFaint, DashedOneBitRingsInOpinionBoxesFound) {
  // The earlier search (25 Hough votes; a candidate looked at closely only when inked 0.4 round its guessed
  // centre) found none of these eight; seven are found now. No other ring is.
  int found_seals = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    cv::Point2d centre;
    double radius = 0;
    const cv::Mat page = faint_seal_page(200, seed, centre, radius);
    const SealFinding found = find_seal_rings(page, 200, true);
    ASSERT_LE(found.seals.size(), 1u) << "seed " << seed;
    if (found.seals.empty()) continue;
    ++found_seals;
    EXPECT_LT(cv::norm(cv::Point2d(found.seals[0].centre) - centre), 2 * 200 / 25.4) << "seed " << seed;
    EXPECT_NEAR(found.seals[0].radius, radius, 0.1 * radius) << "seed " << seed;
  }
  EXPECT_GE(found_seals, 6);
}

// Tables, text and title make no ring.
TEST_P(SealShape, NoSealNoRing) {
  for (unsigned seed : {7u, 8u}) {
    testing::PageSpec spec;
    spec.dpi = GetParam();
    spec.seed = seed;
    spec.seal = false;
    const testing::SyntheticPage page = testing::draw_page(spec);
    const cv::Mat grey = testing::to_grey(page.image);
    EXPECT_TRUE(find_seal_rings(flatten(grey, estimate_paper(grey, spec.dpi)), spec.dpi, false).seals.empty());
    EXPECT_TRUE(find_seal_rings(testing::to_bw(page.image), spec.dpi, true).seals.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Seal, SealShape, ::testing::Values(200, 300),
                         [](const auto& info) { return std::to_string(info.param) + "dpi"; });

}  // namespace
}  // namespace intake
