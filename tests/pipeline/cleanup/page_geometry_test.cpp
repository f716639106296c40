#include "pipeline/cleanup/page_geometry.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// Quarter turns are exact: warping with the geometry's affine reproduces cv::rotate pixel for pixel, and boxes map
// onto the boxes cv::rotate moves them to.
TEST(CleanupGeometry, QuarterTurnsMatchCvRotateExactly) {
  cv::Mat image(37, 53, CV_8UC1);
  cv::randu(image, 0, 256);
  const cv::Rect box(5, 9, 11, 7);
  for (int rotation : {0, 90, 180, 270}) {
    const PageGeometry geometry = with_quarter_turn(deskew_geometry(image.size(), 0), rotation);
    const cv::Mat turned = rotate_quarter(image, rotation);
    ASSERT_EQ(geometry.clean_size, turned.size()) << rotation;
    cv::Mat warped;
    cv::warpAffine(image, warped, geometry.to_clean, geometry.clean_size, cv::INTER_NEAREST);
    EXPECT_EQ(cv::countNonZero(warped != turned), 0) << rotation;

    cv::Mat marked = cv::Mat::zeros(image.size(), CV_8UC1);
    marked(box).setTo(255);
    EXPECT_EQ(map_box(geometry.to_clean, box), cv::boundingRect(rotate_quarter(marked, rotation))) << rotation;
    EXPECT_EQ(map_box(invert(geometry.to_clean), map_box(geometry.to_clean, box)), box) << rotation;
  }
}

// The deskew canvas holds the whole rotated page, and its centre maps onto the page's centre.
TEST(CleanupGeometry, DeskewCanvasKeepsTheWholePage) {
  const cv::Size page(1654, 2339);
  for (double skew : {-9.5, -0.4, 2.1, 7.3}) {
    const PageGeometry geometry = deskew_geometry(page, skew);
    const cv::Size canvas = geometry.clean_size;
    double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
    for (const cv::Point2d corner : {cv::Point2d(0, 0), cv::Point2d(page.width - 1, 0), cv::Point2d(0, page.height - 1),
                                     cv::Point2d(page.width - 1, page.height - 1)}) {
      const cv::Point2d p = map_point(geometry.to_clean, corner);
      left = std::min(left, p.x), right = std::max(right, p.x), top = std::min(top, p.y),
      bottom = std::max(bottom, p.y);
    }
    // Every corner pixel lands on the canvas, and the canvas is no larger than it must be.
    EXPECT_GE(left, -0.5) << skew;
    EXPECT_GE(top, -0.5) << skew;
    EXPECT_LE(right, canvas.width - 0.5) << skew;
    EXPECT_LE(bottom, canvas.height - 0.5) << skew;
    EXPECT_LT(canvas.width - (right - left), 3) << skew;
    EXPECT_LT(canvas.height - (bottom - top), 3) << skew;
    const cv::Point2d centre = map_point(geometry.to_clean, {(page.width - 1) / 2.0, (page.height - 1) / 2.0});
    EXPECT_NEAR(centre.x, (canvas.width - 1) / 2.0, 1e-9);
    EXPECT_NEAR(centre.y, (canvas.height - 1) / 2.0, 1e-9);
    // Undoing a counter-clockwise skew turns clockwise: the page's top-right corner comes down.
    const cv::Point2d top_left = map_point(geometry.to_clean, {0, 0});
    const cv::Point2d top_right = map_point(geometry.to_clean, {page.width - 1.0, 0});
    EXPECT_EQ(top_right.y > top_left.y, skew > 0) << skew;
  }
}

}  // namespace
}  // namespace intake
