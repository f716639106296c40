#include "extractors/photos/photo_face.h"

#include <fmt/format.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// Sharpness and exposure of the face box, into `verdict`.
void measure_face_quality(const cv::Mat& bgr, const cv::Rect& face, const PhotoStandard& standard,
                          FaceVerdict& verdict) {
  const cv::Rect box = face & cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (box.area() == 0) return;
  cv::Mat grey;
  cv::cvtColor(bgr(box), grey, cv::COLOR_BGR2GRAY);

  // At a fixed face width the Laplacian's variance compares faces of any resolution: downsampling a large sharp
  // face keeps it sharp, upsampling a small one shows its softness.
  const double scale = static_cast<double>(standard.sharpness_face_width) / box.width;
  cv::Mat fixed, laplacian;
  cv::resize(grey, fixed, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  // Stretched to the full range first, so a dark or flat exposure is not taken for blur (exposure is its own check).
  cv::normalize(fixed, fixed, 0, 255, cv::NORM_MINMAX);
  cv::Laplacian(fixed, laplacian, CV_32F);
  cv::Scalar mean, deviation;
  cv::meanStdDev(laplacian, mean, deviation);
  verdict.sharpness = deviation[0] * deviation[0];

  // Exposure on the skin inside the box: its corners hold the backdrop, which is white on a good photo.
  const cv::Mat skin = grey(cv::Rect(grey.cols / 5, grey.rows / 5, std::max(1, grey.cols * 3 / 5),
                                     std::max(1, grey.rows * 7 / 10)));
  verdict.luminance = cv::mean(skin)[0];
  verdict.bright_share = static_cast<double>(cv::countNonZero(skin >= 250)) / skin.total();
  verdict.dark_share = static_cast<double>(cv::countNonZero(skin <= 8)) / skin.total();

  if (verdict.sharpness < standard.min_sharpness)
    verdict.problems.push_back(
        {"blurred", fmt::format("face sharpness {:.0f} < {:g} (variance of the Laplacian at {} px face width): the "
                                "photo is out of focus or blurred",
                                verdict.sharpness, standard.min_sharpness, standard.sharpness_face_width)});
  if (verdict.luminance > standard.max_face_luminance || verdict.bright_share > standard.max_clipped_share)
    verdict.problems.push_back(
        {"overexposed", fmt::format("face luminance {:.0f} (limit {:g}), {:.0f} % burnt out to white (limit {:.0f} "
                                    "%): overexposed",
                                    verdict.luminance, standard.max_face_luminance, verdict.bright_share * 100,
                                    standard.max_clipped_share * 100)});
  if (verdict.luminance < standard.min_face_luminance || verdict.dark_share > standard.max_clipped_share)
    verdict.problems.push_back(
        {"underexposed", fmt::format("face luminance {:.0f} (limit {:g}), {:.0f} % black (limit {:.0f} %): "
                                     "underexposed",
                                     verdict.luminance, standard.min_face_luminance, verdict.dark_share * 100,
                                     standard.max_clipped_share * 100)});
}

}  // namespace

FaceVerdict check_photo_face(const cv::Mat& bgr, FaceDetector& detector, const PhotoStandard& standard) {
  FaceVerdict verdict;
  if (bgr.empty()) return verdict;
  const std::vector<cv::Rect> faces = detector.detect(bgr);
  verdict.faces = static_cast<int>(faces.size());
  if (faces.empty()) {
    verdict.problems.push_back({"no_face", "no face found: a head-and-shoulders photo of the nominee is required"});
    return verdict;
  }
  verdict.face = faces.front();
  if (faces.size() > 1) {
    verdict.problems.push_back(
        {"several_faces", fmt::format("{} faces found: the photo must show the nominee alone", faces.size())});
    return verdict;
  }
  const cv::Rect& face = faces.front();
  const double width = bgr.cols, height = bgr.rows;
  verdict.height_share = face.height / height;
  verdict.top_margin_share = (face.y - standard.crown_above_box * face.height) / height;
  verdict.centre_offset_share = std::abs(face.x + face.width / 2.0 - width / 2) / width;

  if (verdict.height_share < standard.min_face_height_share)
    verdict.problems.push_back(
        {"face_too_small", fmt::format("face {:.0f} % of the photo's height < {:.0f} %: the head is too small (a "
                                       "head-and-shoulders crop is required)",
                                       verdict.height_share * 100, standard.min_face_height_share * 100)});
  if (verdict.height_share > standard.max_face_height_share)
    verdict.problems.push_back(
        {"face_too_large", fmt::format("face {:.0f} % of the photo's height > {:.0f} %: the head is cropped too "
                                       "closely",
                                       verdict.height_share * 100, standard.max_face_height_share * 100)});
  if (verdict.top_margin_share < 0)
    verdict.problems.push_back(
        {"head_cut", fmt::format("the top of the head is {:.0f} % of the height above the photo's edge: the head "
                                 "is cut off",
                                 -verdict.top_margin_share * 100)});
  else if (verdict.top_margin_share > standard.max_top_margin_share)
    verdict.problems.push_back(
        {"head_too_low", fmt::format("space above the head {:.0f} % of the height > {:.0f} %: the head sits too low",
                                     verdict.top_margin_share * 100, standard.max_top_margin_share * 100)});
  if (verdict.centre_offset_share > standard.max_centre_offset_share)
    verdict.problems.push_back(
        {"face_off_centre", fmt::format("face centre {:.0f} % of the width off the middle > {:.0f} %: not centred",
                                        verdict.centre_offset_share * 100, standard.max_centre_offset_share * 100)});
  measure_face_quality(bgr, face, standard, verdict);
  return verdict;
}

}  // namespace intake
