#pragma once
// Background and colour (notice 七: 白色背景, 彩色). The background is measured on a frame around the head — a
// band along the top and down both sides above the shoulders — by its median luminance and colour (robust to hair
// reaching into the frame) and by how much of it is plain. Colour is measured on the sitter: chroma at the centre
// of the photo, and the skin tone of the face when one was found.
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/photos/photo_problem.h"
#include "extractors/photos/photo_standard.h"

namespace intake {

struct BackgroundVerdict {
  double luminance = 0;      // median luma of the frame, 0–255
  double cast = 0;           // strongest minus weakest channel of the frame's median colour
  std::string cast_towards;  // e.g. "blue over red"
  double uniform_share = 0;  // share of the frame close to its median
  std::vector<PhotoProblem> problems;
};

// `bgr`: CV_8UC3.
BackgroundVerdict check_photo_background(const cv::Mat& bgr, const PhotoStandard& standard = {});

struct ColourVerdict {
  double chroma = 0;                  // mean strongest − weakest channel over the photo's centre
  std::optional<double> face_cb, face_cr;  // mean of the face's centre (YCbCr, 0–255), when a face is given
  std::vector<PhotoProblem> problems;
};

// `face`: the face box in `bgr`'s pixels, when one was found (the skin-tone test needs it).
ColourVerdict check_photo_colour(const cv::Mat& bgr, const std::optional<cv::Rect>& face,
                                 const PhotoStandard& standard = {});

}  // namespace intake
