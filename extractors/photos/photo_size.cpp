#include "extractors/photos/photo_size.h"

#include <fmt/format.h>

#include <cmath>

namespace intake {

SizeVerdict check_photo_size(cv::Size size, const PhotoStandard& standard) {
  SizeVerdict verdict;
  verdict.width = size.width;
  verdict.height = size.height;
  if (size.width <= 0 || size.height <= 0) return verdict;
  verdict.aspect = static_cast<double>(size.width) / size.height;
  verdict.aspect_error = std::numeric_limits<double>::max();
  for (const double height_mm : standard.heights_mm) {
    const double error = std::abs(verdict.aspect / (standard.width_mm / height_mm) - 1);
    if (error < verdict.aspect_error) {
      verdict.aspect_error = error;
      verdict.nearest_height_mm = height_mm;
    }
  }
  constexpr double mm_per_inch = 25.4;
  verdict.dpi = size.width / (standard.width_mm / mm_per_inch);
  if (verdict.aspect_error > standard.aspect_tolerance)
    verdict.problems.push_back(
        {"wrong_aspect",
         fmt::format("{} × {} px has the shape {:.3f} (width/height); a 2-inch photo is {:.3f} ({:g} × {:g} mm) "
                     "within ±{:g} %, off by {:.0f} %",
                     size.width, size.height, verdict.aspect, standard.width_mm / verdict.nearest_height_mm,
                     standard.width_mm, verdict.nearest_height_mm, standard.aspect_tolerance * 100,
                     verdict.aspect_error * 100)});
  // Rounded as printers do: 413 px across 35 mm is 300 dpi.
  const int min_width = static_cast<int>(std::lround(standard.width_mm / mm_per_inch * standard.min_dpi));
  if (size.width < min_width)
    verdict.problems.push_back(
        {"too_small", fmt::format("{} × {} px is {:.0f} dpi at {:g} mm wide, under {:g} dpi ({} px wide at least)",
                                  size.width, size.height, verdict.dpi, standard.width_mm, standard.min_dpi,
                                  min_width)});
  return verdict;
}

}  // namespace intake
