#include "pipeline/cleanup/ring_geometry.h"

#include <cmath>
#include <numbers>

namespace intake {

bool fit_circle(const std::vector<cv::Point2d>& points, Circle* circle) {
  if (points.size() < 3) return false;
  // x² + y² + D x + E y + F = 0 in least squares, about the points' mean for conditioning.
  cv::Point2d mean(0, 0);
  for (const auto& p : points) mean += p;
  mean *= 1.0 / static_cast<double>(points.size());
  cv::Matx33d a = cv::Matx33d::zeros();
  cv::Vec3d b(0, 0, 0);
  for (const auto& p : points) {
    const double x = p.x - mean.x, y = p.y - mean.y, z = -(x * x + y * y);
    const cv::Vec3d row(x, y, 1);
    a += row * row.t();
    b += row * z;
  }
  cv::Vec3d solution;
  if (!cv::solve(a, b, solution, cv::DECOMP_CHOLESKY)) return false;
  const double cx = -solution[0] / 2, cy = -solution[1] / 2;
  const double r2 = cx * cx + cy * cy - solution[2];
  if (r2 <= 0) return false;
  *circle = {{cx + mean.x, cy + mean.y}, std::sqrt(r2)};
  return true;
}

double ring_coverage(const cv::Mat& mask, cv::Point2d centre, double radius, double tolerance) {
  constexpr int directions = 360;
  int covered = 0;
  for (int i = 0; i < directions; ++i) {
    const double a = 2 * std::numbers::pi * i / directions;
    const double dx = std::cos(a), dy = std::sin(a);
    for (double r = radius - tolerance; r <= radius + tolerance + 1e-9; r += 0.5) {
      const int x = static_cast<int>(std::lround(centre.x + r * dx));
      const int y = static_cast<int>(std::lround(centre.y + r * dy));
      if (x >= 0 && y >= 0 && x < mask.cols && y < mask.rows && mask.at<unsigned char>(y, x) != 0) {
        ++covered;
        break;
      }
    }
  }
  return covered / static_cast<double>(directions);
}

std::vector<cv::Point2d> annulus_points(const cv::Mat& mask, cv::Rect roi, cv::Point2d centre, double inner,
                                        double outer) {
  std::vector<cv::Point2d> points;
  roi &= cv::Rect(0, 0, mask.cols, mask.rows);
  const double inner2 = inner * inner, outer2 = outer * outer;
  for (int y = roi.y; y < roi.br().y; ++y) {
    const auto* row = mask.ptr<unsigned char>(y);
    const double dy2 = (y - centre.y) * (y - centre.y);
    for (int x = roi.x; x < roi.br().x; ++x) {
      if (row[x] == 0) continue;
      const double d2 = (x - centre.x) * (x - centre.x) + dy2;
      if (d2 >= inner2 && d2 <= outer2) points.emplace_back(x, y);
    }
  }
  return points;
}

}  // namespace intake
