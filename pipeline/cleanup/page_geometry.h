#pragma once
// The exact affine maps between a decoded page and its clean (upright, deskewed) copy. Boxes found on the clean
// page are reported in the decoded page's pixels, so every transform the cleanup applies is folded in here.
//
// Coordinates are pixel centres: pixel (x, y) covers [x - 0.5, x + 0.5] × [y - 0.5, y + 0.5], as cv::warpAffine
// and cv::rotate treat them, so a quarter turn maps the pixel grid onto itself exactly.
#include <opencv2/core.hpp>

namespace intake {

struct PageGeometry {
  cv::Matx23d to_clean = cv::Matx23d(1, 0, 0, 0, 1, 0);  // decoded-page pixel → clean-page pixel
  cv::Size clean_size;
};

// Turns the content by `skew_degrees` clockwise (undoing a counter-clockwise skew of that size) about the page
// centre, on a canvas grown to the rotated page's bounding box so no corner of the page is cut off.
PageGeometry deskew_geometry(cv::Size page, double skew_degrees);

// Follows `geometry` with a clockwise quarter turn of 0, 90, 180 or 270 degrees, as cv::rotate does it.
PageGeometry with_quarter_turn(const PageGeometry& geometry, int rotation);

// cv::rotate for a clockwise quarter turn; the image itself for 0.
cv::Mat rotate_quarter(const cv::Mat& image, int rotation);

cv::Matx23d invert(const cv::Matx23d& affine);
cv::Point2d map_point(const cv::Matx23d& affine, cv::Point2d point);
// Bounding box, in whole pixels, of the four mapped corners of `box` (taken at the pixel edges).
cv::Rect map_box(const cv::Matx23d& affine, const cv::Rect& box);

}  // namespace intake
