#include "pipeline/cleanup/border.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "synthetic_page.h"

namespace intake {
namespace {

// A black scanner edge at the left and a lid shadow at the bottom: both bands are marked, to their depth and no
// further, and no page content is.
TEST(CleanupBorder, ScannerEdgeAndLidShadowMarkedContentNot) {
  for (const auto& [dpi, seed] : {std::pair{100, 1u}, std::pair{100, 2u}, std::pair{150, 3u}}) {
    testing::PageSpec spec;
    spec.dpi = dpi;
    spec.seed = seed;
    const testing::SyntheticPage page = testing::draw_page(spec);
    cv::Mat grey = testing::to_grey(page.image);
    const int edge = static_cast<int>(8 * dpi / 25.4);
    grey.colRange(0, edge).setTo(25);
    testing::add_uneven_light(grey, dpi, 1.0, testing::Edge::bottom, 5, 10);
    testing::add_noise(grey, 4, seed);

    const cv::Mat bands = find_dark_borders(grey, dpi);
    const double mm = dpi / 25.4;
    EXPECT_GT(cv::countNonZero(bands.colRange(0, edge)), 0.97 * edge * grey.rows) << "left edge";
    EXPECT_EQ(
        cv::countNonZero(bands.colRange(edge + static_cast<int>(2 * mm), grey.cols / 2).rowRange(0, grey.rows / 2)), 0);
    const cv::Mat bottom_band = bands.rowRange(grey.rows - static_cast<int>(5 * mm), grey.rows);
    EXPECT_GT(cv::countNonZero(bottom_band), 0.97 * bottom_band.total());
    EXPECT_EQ(cv::countNonZero(bands & page.black_ink), 0);
  }
}

TEST(CleanupBorder, CleanScanHasNoBands) {
  testing::PageSpec spec;
  spec.dpi = 100;
  cv::Mat grey = testing::to_grey(testing::draw_page(spec).image);
  testing::add_noise(grey, 4, 9);
  EXPECT_EQ(cv::countNonZero(find_dark_borders(grey, spec.dpi)), 0);
}

}  // namespace
}  // namespace intake
