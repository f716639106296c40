#pragma once
// Frontal faces with OpenCV's Haar cascade from Debian's opencv-data. A cv::CascadeClassifier is not safe to
// share between threads and takes ~30 ms to load, so each worker owns one FaceDetector, created once; a missing
// cascade file is an error at creation, not a silent "no face" on every photo.
#include <filesystem>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/objdetect.hpp>

#include "models/result.h"

namespace intake {

struct FaceDetectorOptions {
  // haarcascade_frontalface_alt2 rather than _default: on the real portraits and reject cases of docs/PHOTOS.md
  // it finds one face where _default finds two on some sitters (a second box on a collar or hair) and none on
  // the animals and objects; the sample generator places faces with _default, so the checks do not share its
  // blind spots.
  std::filesystem::path cascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";
  // Faces are looked for on a copy whose longer side is this long: an ID photo's face is a third of its height,
  // so 240 px leaves it ~80 px, well above the cascade's 20 px window, and detection costs a few milliseconds
  // whatever the file's resolution. Faces of a group photo stay above the window too.
  int working_long_side = 240;
  double scale_factor = 1.1;
  int min_neighbours = 4;
  // Faces smaller than this share of the working copy's shorter side are texture, not a sitter.
  double min_face_share = 0.1;
  // A second face counts when at least this share of the largest one's width (someone beside the sitter); smaller
  // detections are a face in a picture on the wall or a false alarm.
  double other_face_share = 0.5;
};

class FaceDetector {
 public:
  static Result<FaceDetector> create(const FaceDetectorOptions& options = {});

  // Faces in `image` (CV_8UC1 or CV_8UC3 BGR), in its pixels, largest first; only those at least
  // `other_face_share` of the largest. Not const: the classifier keeps scratch state.
  std::vector<cv::Rect> detect(const cv::Mat& image);

 private:
  FaceDetector(cv::CascadeClassifier cascade, FaceDetectorOptions options)
      : cascade_(std::move(cascade)), options_(std::move(options)) {}
  cv::CascadeClassifier cascade_;
  FaceDetectorOptions options_;
};

}  // namespace intake
