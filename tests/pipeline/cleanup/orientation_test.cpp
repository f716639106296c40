#include "pipeline/cleanup/orientation.h"

#include <gtest/gtest.h>

#include <limits>
#include <opencv2/imgproc.hpp>

#include "synthetic_page.h"

namespace intake {
namespace {

// The scan of an upright page turned clockwise by `quarter` degrees.
cv::Mat turned_scan(const cv::Mat& upright, int quarter) {
  cv::Mat scan = upright;
  if (quarter == 90) cv::rotate(upright, scan, cv::ROTATE_90_CLOCKWISE);
  if (quarter == 180) cv::rotate(upright, scan, cv::ROTATE_180);
  if (quarter == 270) cv::rotate(upright, scan, cv::ROTATE_90_COUNTERCLOCKWISE);
  return scan;
}

// Stands in for Tesseract: lowercase Latin with ascenders and no descenders carries its ink low in the line
// box, so the ink centroid below the middle of the strip's ink means upright.
double ascender_scorer(const cv::Mat& grey) {
  const cv::Mat ink = grey < 128;
  cv::Mat rows;
  cv::reduce(ink, rows, 1, cv::REDUCE_SUM, CV_64F);
  int first = -1, last = -1;
  double mass = 0, moment = 0;
  for (int y = 0; y < rows.rows; ++y) {
    const double v = rows.at<double>(y);
    if (v <= 0) continue;
    if (first < 0) first = y;
    last = y;
    mass += v;
    moment += v * y;
  }
  if (mass == 0) return 0;
  return (moment / mass - (first + last) / 2.0) / (last - first + 1);
}

// The stand-in's scores are not the Tesseract scorer's units: every strip it scores votes, and any difference
// decides.
OrientationOptions with_stand_in() {
  OrientationOptions options;
  options.min_readable_score = -std::numeric_limits<double>::infinity();
  options.scorer_margin = 0;
  return options;
}

class OrientationTurn : public ::testing::TestWithParam<int> {};

// Forms with a title above the table, turned every way, found with layout cues alone.
TEST_P(OrientationTurn, FormTurnedFoundFromLayout) {
  const int quarter = GetParam();
  for (const auto& [dpi, seed] : {std::pair{200, 1u}, std::pair{300, 2u}, std::pair{200, 3u}}) {
    testing::PageSpec spec;
    spec.dpi = dpi;
    spec.seed = seed + static_cast<unsigned>(quarter);
    cv::Mat grey = turned_scan(testing::to_grey(testing::draw_page(spec).image), quarter);
    testing::add_noise(grey, 4, seed);
    const OrientationEstimate found = find_orientation(grey, dpi);
    EXPECT_EQ(found.rotation, (360 - quarter) % 360) << dpi << " dpi, seed " << spec.seed;
    EXPECT_EQ(found.flip_source, FlipSource::layout);
    EXPECT_GT(found.confidence, 0.3);
  }
}

// Prose without title or table has no layout cue worth the name: the scorer decides up from down.
TEST_P(OrientationTurn, ProseTurnedFoundWithScorer) {
  const int quarter = GetParam();
  for (unsigned seed : {4u, 5u}) {
    testing::PageSpec spec;
    spec.seed = seed + static_cast<unsigned>(quarter);
    spec.title = spec.table = spec.seal = false;
    const cv::Mat grey = turned_scan(testing::to_grey(testing::draw_page(spec).image), quarter);
    const OrientationEstimate found = find_orientation(grey, spec.dpi, with_stand_in(), ascender_scorer);
    EXPECT_EQ(found.rotation, (360 - quarter) % 360) << "seed " << spec.seed;
    EXPECT_EQ(found.flip_source, FlipSource::scorer);
  }
}

INSTANTIATE_TEST_SUITE_P(Orientation, OrientationTurn, ::testing::Values(0, 90, 180, 270),
                         [](const auto& info) { return "turned" + std::to_string(info.param); });

// The scorer, when it has an opinion, outranks layout: a scorer that prefers the flipped strips turns an upright
// form upside down. (Shows the scorer is consulted, and consulted on the strips the right way round.)
TEST(OrientationScorer, ScorerOutranksLayout) {
  testing::PageSpec spec;
  spec.seed = 9;
  const cv::Mat grey = testing::to_grey(testing::draw_page(spec).image);
  const auto contrary = [](const cv::Mat& strip) { return -ascender_scorer(strip); };
  EXPECT_EQ(find_orientation(grey, spec.dpi, with_stand_in(), ascender_scorer).rotation, 0);
  const OrientationEstimate flipped = find_orientation(grey, spec.dpi, with_stand_in(), contrary);
  EXPECT_EQ(flipped.rotation, 180);
  EXPECT_EQ(flipped.flip_source, FlipSource::scorer);
}

// A scorer that cannot tell (same score both ways) leaves the decision to layout.
TEST(OrientationScorer, UndecidedScorerFallsBackToLayout) {
  testing::PageSpec spec;
  spec.seed = 10;
  const cv::Mat grey = turned_scan(testing::to_grey(testing::draw_page(spec).image), 180);
  const OrientationEstimate found = find_orientation(grey, spec.dpi, {}, [](const cv::Mat&) { return 0.5; });
  EXPECT_EQ(found.rotation, 180);
  EXPECT_EQ(found.flip_source, FlipSource::layout);
}

// Each strip costs the scorer two OCR reads: once the difference is decisive the remaining strips are skipped.
TEST(OrientationScorer, StopsReadingStripsOnceDecisive) {
  testing::PageSpec spec;
  spec.seed = 11;
  spec.title = spec.table = spec.seal = false;
  const cv::Mat grey = turned_scan(testing::to_grey(testing::draw_page(spec).image), 180);
  int calls = 0;
  const auto counted = [&](const cv::Mat& strip) {
    ++calls;
    return 100 * ascender_scorer(strip);  // one strip's difference is far beyond scorer_decisive
  };
  EXPECT_EQ(find_orientation(grey, spec.dpi, with_stand_in(), counted).rotation, 180);
  EXPECT_EQ(calls, 2);
  OrientationOptions every_strip = with_stand_in();
  every_strip.scorer_decisive = std::numeric_limits<double>::infinity();
  calls = 0;
  EXPECT_EQ(find_orientation(grey, spec.dpi, every_strip, counted).rotation, 180);
  EXPECT_EQ(calls, 2 * every_strip.scorer_strips);
}

TEST(OrientationBlank, EmptyPageStaysAsItIsWithNoConfidence) {
  cv::Mat grey(2339, 1654, CV_8UC1, cv::Scalar(240));
  testing::add_noise(grey, 5, 1);
  const OrientationEstimate found = find_orientation(grey, 200);
  EXPECT_EQ(found.rotation, 0);
  EXPECT_EQ(found.confidence, 0);
}

}  // namespace
}  // namespace intake
