#pragma once
// The sitter (notice 七: 免冠证件照): exactly one face, head size and position as ID-photo standards set them
// (PhotoStandard), in focus and neither over- nor under-exposed. Measured on the face the detector finds.
#include <optional>
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/photos/face_detector.h"
#include "extractors/photos/photo_problem.h"
#include "extractors/photos/photo_standard.h"

namespace intake {

struct FaceVerdict {
  int faces = 0;
  std::optional<cv::Rect> face;  // the largest, in the photo's pixels
  double height_share = 0;       // face box height / photo height
  double top_margin_share = 0;   // estimated crown's distance below the top edge / photo height (< 0: cut off)
  double centre_offset_share = 0;  // |face centre − photo centre| / photo width
  double sharpness = 0;          // variance of the Laplacian at PhotoStandard::sharpness_face_width
  double luminance = 0;          // mean luma of the skin inside the face box
  double bright_share = 0, dark_share = 0;  // of that skin clipped to white / black
  std::vector<PhotoProblem> problems;
};

// `bgr`: CV_8UC3. Geometry, sharpness and exposure are measured only when exactly one face is found.
FaceVerdict check_photo_face(const cv::Mat& bgr, FaceDetector& detector, const PhotoStandard& standard = {});

}  // namespace intake
