#pragma once
// Size (notice 七: 2寸): the aspect of an accepted 2-inch format and enough pixels for a 300 dpi print.
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/photos/photo_problem.h"
#include "extractors/photos/photo_standard.h"

namespace intake {

struct SizeVerdict {
  int width = 0, height = 0;
  double aspect = 0;          // width / height
  double nearest_height_mm = 0;  // the accepted format whose aspect is nearest (49 or 53 mm by default)
  double aspect_error = 0;    // relative difference from that format's aspect
  double dpi = 0;             // pixels per inch at the standard's print width
  std::vector<PhotoProblem> problems;
};

SizeVerdict check_photo_size(cv::Size size, const PhotoStandard& standard = {});

}  // namespace intake
