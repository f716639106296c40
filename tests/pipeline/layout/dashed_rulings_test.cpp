#include "pipeline/layout/dashed_rulings.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <random>

namespace intake {
namespace {

// At 200 dpi: a horizontal ruling from the left edge to x = 100, rulings across it at x = 100 and x = `far` (400),
// and between them the ruling's row in `ink` only, as the scan left it.
struct Strip {
  cv::Mat along = cv::Mat::zeros(200, 600, CV_8UC1);
  cv::Mat across = cv::Mat::zeros(200, 600, CV_8UC1);
  cv::Mat ink = cv::Mat::zeros(200, 600, CV_8UC1);
  static constexpr int row = 100;

  explicit Strip(int far = 400) {
    along.row(row).colRange(0, 100).setTo(255);
    for (const int x : {100, far}) across.col(x).rowRange(20, 180).setTo(255);
    ink = along | across;
  }
  // Dashes `dash` long with gaps drawn from [shortest_gap, longest_gap], from x = 101 to `to`.
  void dash(int to, int dash_length, int shortest_gap, int longest_gap, unsigned seed = 1) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> gap(shortest_gap, longest_gap);
    for (int x = 101 + gap(random); x < to; x += dash_length + gap(random))
      ink.row(row).colRange(x, std::min(x + dash_length, to)).setTo(255);
  }
  bool continued_to(int x) {
    continue_dashed_horizontals(along, across, ink, 200);
    return cv::countNonZero(along.row(row).colRange(100, x)) >= x - 100 - 2;
  }
};

TEST(DashedRulings, FollowsSparseDashesToTheRulingAcross) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    Strip strip;
    strip.dash(400, 8, 5, 30, seed);  // about a third of the ruling left, gaps up to 4 mm
    EXPECT_TRUE(strip.continued_to(400)) << seed << ": " << cv::countNonZero(strip.ink.row(Strip::row).colRange(101, 400));
  }
}

TEST(DashedRulings, DashesThatStopShortOfARulingAreNone) {
  Strip strip;
  strip.dash(250, 8, 5, 15);
  EXPECT_FALSE(strip.continued_to(400));
  EXPECT_EQ(cv::countNonZero(strip.along.row(Strip::row).colRange(101, 600)), 0);
}

TEST(DashedRulings, AWiderGapIsBridgedOnlyToTheRulingsOwnFarSide) {
  // Dashes for most of the way, then 11 mm of bare paper to the ruling across at x = 340: into a merged cell that
  // no ruling crosses, that is no ruling; to where the ruling goes on past the one across, it is.
  Strip into_cell(340);
  into_cell.dash(250, 8, 5, 15);
  EXPECT_FALSE(into_cell.continued_to(340));
  Strip far_side(340);
  far_side.along.row(Strip::row).colRange(342, 600).setTo(255);
  far_side.ink |= far_side.along;
  far_side.dash(250, 8, 5, 15);
  EXPECT_TRUE(far_side.continued_to(340));
}

TEST(DashedRulings, TextAcrossTheRowEndsTheWalk) {
  Strip strip;
  strip.dash(400, 8, 5, 15);
  for (const int x : {250, 258, 266}) strip.ink.col(x).rowRange(80, 120).setTo(255);  // a character's strokes
  EXPECT_FALSE(strip.continued_to(400));
}

TEST(DashedRulings, CrossesADashedRulingAcrossIt) {
  Strip strip;
  strip.dash(400, 8, 5, 15);
  strip.ink.col(250).rowRange(90, 110).setTo(255);  // a dash of a ruling across, not found as a ruling
  EXPECT_TRUE(strip.continued_to(400));
}

TEST(DashedRulings, SpecksAreNoDashes) {
  Strip strip;
  strip.dash(400, 2, 20, 30);  // one pixel in twelve
  EXPECT_FALSE(strip.continued_to(400));
}

TEST(DashedRulings, OneStrokeInTheMiddleOfARowIsACharactersNotARuling) {
  // A column's ruling ends on the row above; below it, in a merged cell 11 mm high, a character's upright stroke
  // (办's) lies in line with it, 2.5 mm clear of both rulings across.
  Strip stroke(190);
  stroke.ink.row(Strip::row).colRange(120, 170).setTo(255);
  EXPECT_FALSE(stroke.continued_to(190));
  // The same ink reaching the far ruling is a ruling broken once.
  Strip broken(190);
  broken.ink.row(Strip::row).colRange(120, 190).setTo(255);
  EXPECT_TRUE(broken.continued_to(190));
}

TEST(DashedRulings, VerticalRulingsAreFollowedDownTheirColumn) {
  cv::Mat vertical = cv::Mat::zeros(600, 200, CV_8UC1), horizontal = vertical.clone();
  vertical.col(100).rowRange(0, 100).setTo(255);
  for (const int y : {100, 400}) horizontal.row(y).colRange(20, 180).setTo(255);
  cv::Mat ink = vertical | horizontal;
  for (int y = 110; y < 400; y += 20) ink.col(100).rowRange(y, y + 7).setTo(255);
  continue_dashed_verticals(vertical, horizontal, ink, 200);
  EXPECT_GE(cv::countNonZero(vertical.col(100).rowRange(100, 400)), 295);
}

}  // namespace
}  // namespace intake
