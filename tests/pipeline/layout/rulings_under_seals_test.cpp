#include "pipeline/layout/rulings_under_seals.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// At 200 dpi: a box 160 × 100 mm of two rows; a seal 40 mm across stamped on the ruling between them, centred at
// (100 mm, 60 mm). `seal_mask`: what the seal finder took as the seal's ink.
struct SealedTable {
  static constexpr int dpi = 200;
  static int px(double mm) { return static_cast<int>(mm * dpi / 25.4); }
  cv::Mat binary = cv::Mat(px(150), px(200), CV_8UC1, cv::Scalar(255));
  cv::Mat seal_mask = cv::Mat::zeros(binary.size(), CV_8UC1);
  SealMark seal{cv::Point2f(static_cast<float>(px(100)), static_cast<float>(px(60))), static_cast<float>(px(20)),
                false, 1.0};

  SealedTable() {
    cv::rectangle(binary, {px(20), px(10)}, {px(180), px(110)}, 0, 2);
    cv::line(binary, {px(20), px(60)}, {px(180), px(60)}, 0, 2);
  }
  // The seal's mask took the middle ruling where the seal lies on it: ink in the mask, paper in the binary.
  void mask_takes_the_ruling() {
    const cv::Rect under(px(80), px(60) - 2, px(40), 5);
    seal_mask(under).setTo(255, binary(under) == 0);
    binary(under).setTo(255);
  }
  // The star's arms: a bar 16 mm long inside the seal, above the ruling, where a date is printed.
  void star_arms() { cv::line(seal_mask, {px(92), px(52)}, {px(108), px(52)}, 255, 3); }
  bool horizontal_at(int y_mm, int from_mm, int to_mm) const {
    const PageRulings rulings = rulings_under_seals(binary, seal_mask, {seal}, dpi);
    const cv::Mat band = rulings.horizontal(cv::Range(px(y_mm) - 3, px(y_mm) + 4), cv::Range(px(from_mm), px(to_mm)));
    cv::Mat columns;
    cv::reduce(band, columns, 0, cv::REDUCE_MAX);
    return cv::countNonZero(columns) >= (px(to_mm) - px(from_mm)) * 9 / 10;
  }
};

TEST(RulingsUnderSeals, ARulingTheSealsMaskTookIsPutBack) {
  SealedTable table;
  table.mask_takes_the_ruling();
  EXPECT_TRUE(table.horizontal_at(60, 25, 175));
}

TEST(RulingsUnderSeals, TheSealsOwnStraightStrokesAreNoRulings) {
  SealedTable table;
  table.mask_takes_the_ruling();
  table.star_arms();
  EXPECT_FALSE(table.horizontal_at(52, 93, 107));
  EXPECT_TRUE(table.horizontal_at(60, 25, 175));
}

TEST(RulingsUnderSeals, ARulingInsideTheSealThatThePageHasItselfStays) {
  // A black ruling under a red seal, wholly inside it: the lift left it on the page, and the mask has it too. An
  // inch and more: a shorter piece meeting no vertical ruling is a line of text's aligned strokes (table_grid.h).
  SealedTable table;
  cv::line(table.binary, {table.px(86), table.px(50)}, {table.px(114), table.px(50)}, 0, 2);
  cv::line(table.seal_mask, {table.px(86), table.px(50)}, {table.px(114), table.px(50)}, 255, 2);
  EXPECT_TRUE(table.horizontal_at(50, 87, 113));
}

TEST(RulingsUnderSeals, WithoutASealTheRulingsAreThePagesOwn) {
  SealedTable table;
  const PageRulings rulings = rulings_under_seals(table.binary, {}, {}, SealedTable::dpi);
  const PageRulings plain = find_rulings(table.binary, SealedTable::dpi);
  EXPECT_EQ(cv::countNonZero(rulings.horizontal != plain.horizontal), 0);
  EXPECT_EQ(cv::countNonZero(rulings.vertical != plain.vertical), 0);
}

}  // namespace
}  // namespace intake
