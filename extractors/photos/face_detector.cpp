#include "extractors/photos/face_detector.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace intake {

Result<FaceDetector> FaceDetector::create(const FaceDetectorOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.cascade, error))
    return Error{fmt::format("face detector: cascade file {} not found (Debian package opencv-data)",
                             options.cascade.string())};
  cv::CascadeClassifier cascade;
  if (!cascade.load(options.cascade.string()) || cascade.empty())
    return Error{fmt::format("face detector: {} is not a cascade OpenCV can load", options.cascade.string())};
  return FaceDetector(std::move(cascade), options);
}

std::vector<cv::Rect> FaceDetector::detect(const cv::Mat& image) {
  if (image.empty()) return {};
  cv::Mat grey;
  if (image.channels() == 3)
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
  else
    grey = image;
  const double scale = std::min(1.0, static_cast<double>(options_.working_long_side) / std::max(grey.cols, grey.rows));
  cv::Mat small;
  cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // Contrast stretched as the cascade was trained (equalised faces): a pale or dark photo is found as well.
  cv::equalizeHist(small, small);
  const int min_side = std::max(20, static_cast<int>(std::lround(options_.min_face_share * std::min(small.cols, small.rows))));
  std::vector<cv::Rect> found;
  cascade_.detectMultiScale(small, found, options_.scale_factor, options_.min_neighbours, 0,
                            cv::Size(min_side, min_side));
  std::sort(found.begin(), found.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.area() > b.area(); });
  std::vector<cv::Rect> faces;
  for (const cv::Rect& face : found) {
    if (face.width < options_.other_face_share * found.front().width) continue;
    faces.emplace_back(static_cast<int>(std::lround(face.x / scale)), static_cast<int>(std::lround(face.y / scale)),
                       static_cast<int>(std::lround(face.width / scale)),
                       static_cast<int>(std::lround(face.height / scale)));
  }
  return faces;
}

}  // namespace intake
