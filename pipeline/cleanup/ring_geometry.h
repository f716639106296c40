#pragma once
// Circle fitting and ring measures shared by the red-seal and the shape-based seal finders.
#include <opencv2/core.hpp>
#include <vector>

namespace intake {

struct Circle {
  cv::Point2d centre;
  double radius = 0;
};

// Algebraic (Kåsa) least-squares circle through `points`; false when they do not determine one.
bool fit_circle(const std::vector<cv::Point2d>& points, Circle* circle);

// Share of 360 directions from `centre` in which `mask` (non-zero = ink) has a pixel at a distance within
// [radius - tolerance, radius + tolerance].
double ring_coverage(const cv::Mat& mask, cv::Point2d centre, double radius, double tolerance);

// Pixels of `mask` within `roi` whose distance from `centre` lies in [inner, outer], as points of the whole image.
std::vector<cv::Point2d> annulus_points(const cv::Mat& mask, cv::Rect roi, cv::Point2d centre, double inner,
                                        double outer);

}  // namespace intake
