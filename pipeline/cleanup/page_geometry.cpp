#include "pipeline/cleanup/page_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

cv::Matx33d to_3x3(const cv::Matx23d& a) { return {a(0, 0), a(0, 1), a(0, 2), a(1, 0), a(1, 1), a(1, 2), 0, 0, 1}; }

cv::Matx23d to_2x3(const cv::Matx33d& a) { return {a(0, 0), a(0, 1), a(0, 2), a(1, 0), a(1, 1), a(1, 2)}; }

}  // namespace

PageGeometry deskew_geometry(cv::Size page, double skew_degrees) {
  if (skew_degrees == 0) return {cv::Matx23d(1, 0, 0, 0, 1, 0), page};
  const double radians = skew_degrees * std::numbers::pi / 180.0;
  const double c = std::abs(std::cos(radians));
  const double s = std::abs(std::sin(radians));
  const cv::Size canvas(static_cast<int>(std::lround(page.width * c + page.height * s)),
                        static_cast<int>(std::lround(page.width * s + page.height * c)));
  const cv::Point2d centre((page.width - 1) / 2.0, (page.height - 1) / 2.0);
  // getRotationMatrix2D turns counter-clockwise for a positive angle (y pointing down); undoing a skew of
  // +skew_degrees is a turn of -skew_degrees.
  cv::Matx23d to_clean = cv::getRotationMatrix2D(centre, -skew_degrees, 1.0);
  to_clean(0, 2) += (canvas.width - 1) / 2.0 - centre.x;
  to_clean(1, 2) += (canvas.height - 1) / 2.0 - centre.y;
  return {to_clean, canvas};
}

PageGeometry with_quarter_turn(const PageGeometry& geometry, int rotation) {
  const int w = geometry.clean_size.width;
  const int h = geometry.clean_size.height;
  cv::Matx33d turn = cv::Matx33d::eye();
  cv::Size size = geometry.clean_size;
  switch (((rotation % 360) + 360) % 360) {
    case 90:  // ROTATE_90_CLOCKWISE: (x, y) → (h-1-y, x)
      turn = {0, -1, h - 1.0, 1, 0, 0, 0, 0, 1};
      size = {h, w};
      break;
    case 180: turn = {-1, 0, w - 1.0, 0, -1, h - 1.0, 0, 0, 1}; break;
    case 270:  // ROTATE_90_COUNTERCLOCKWISE: (x, y) → (y, w-1-x)
      turn = {0, 1, 0, -1, 0, w - 1.0, 0, 0, 1};
      size = {h, w};
      break;
    default: return geometry;
  }
  return {to_2x3(turn * to_3x3(geometry.to_clean)), size};
}

cv::Mat rotate_quarter(const cv::Mat& image, int rotation) {
  cv::Mat turned;
  switch (((rotation % 360) + 360) % 360) {
    case 90: cv::rotate(image, turned, cv::ROTATE_90_CLOCKWISE); return turned;
    case 180: cv::rotate(image, turned, cv::ROTATE_180); return turned;
    case 270: cv::rotate(image, turned, cv::ROTATE_90_COUNTERCLOCKWISE); return turned;
    default: return image;
  }
}

cv::Matx23d invert(const cv::Matx23d& affine) {
  cv::Matx23d inverse;
  cv::invertAffineTransform(affine, inverse);
  return inverse;
}

cv::Point2d map_point(const cv::Matx23d& a, cv::Point2d p) {
  return {a(0, 0) * p.x + a(0, 1) * p.y + a(0, 2), a(1, 0) * p.x + a(1, 1) * p.y + a(1, 2)};
}

cv::Rect map_box(const cv::Matx23d& affine, const cv::Rect& box) {
  const double left = box.x - 0.5, top = box.y - 0.5;
  const double right = box.x + box.width - 0.5, bottom = box.y + box.height - 0.5;
  double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
  for (const cv::Point2d corner :
       {cv::Point2d(left, top), cv::Point2d(right, top), cv::Point2d(left, bottom), cv::Point2d(right, bottom)}) {
    const cv::Point2d mapped = map_point(affine, corner);
    min_x = std::min(min_x, mapped.x);
    min_y = std::min(min_y, mapped.y);
    max_x = std::max(max_x, mapped.x);
    max_y = std::max(max_y, mapped.y);
  }
  // Tolerate the rounding noise of a quarter turn (cos 90° is 6e-17, not 0) before taking whole pixels.
  constexpr double eps = 1e-6;
  const int x0 = static_cast<int>(std::floor(min_x + 0.5 + eps));
  const int y0 = static_cast<int>(std::floor(min_y + 0.5 + eps));
  const int x1 = static_cast<int>(std::ceil(max_x + 0.5 - eps));
  const int y1 = static_cast<int>(std::ceil(max_y + 0.5 - eps));
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace intake
