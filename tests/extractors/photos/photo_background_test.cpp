#include "extractors/photos/photo_background.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "extractors/photos/face_detector.h"
#include "support/id_photos.h"

namespace intake {
namespace {

using testing::id_photo;
using testing::IdPhotoLook;

std::vector<std::string> names(const std::vector<PhotoProblem>& problems) {
  std::vector<std::string> out;
  for (const PhotoProblem& problem : problems) out.push_back(problem.problem);
  return out;
}

cv::Mat photo_on(cv::Scalar backdrop) {
  IdPhotoLook look;
  look.backdrop = backdrop;
  return id_photo(look);
}

#define NEED_PORTRAIT(image) \
  if ((image).empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)"

TEST(PhotoBackground, WhiteBackdropPasses) {
  const cv::Mat photo = photo_on({250, 250, 250});
  NEED_PORTRAIT(photo);
  const BackgroundVerdict verdict = check_photo_background(photo);
  EXPECT_TRUE(verdict.problems.empty()) << verdict.problems.front().message;
  EXPECT_GE(verdict.luminance, 245);
  EXPECT_LE(verdict.cast, 2);
}

TEST(PhotoBackground, BlueAndRedBackdropsFailWithTheirMeasures) {
  const cv::Mat blue = photo_on({219, 142, 67});  // BGR: the common blue ID backdrop
  NEED_PORTRAIT(blue);
  const BackgroundVerdict on_blue = check_photo_background(blue);
  EXPECT_EQ(names(on_blue.problems), std::vector<std::string>{"background_not_white"});
  EXPECT_NE(on_blue.problems.front().message.find("background luminance 128 < 215"), std::string::npos)
      << on_blue.problems.front().message;
  EXPECT_NE(on_blue.problems.front().message.find("cast 152 > 15 (blue over red)"), std::string::npos)
      << on_blue.problems.front().message;
  const BackgroundVerdict on_red = check_photo_background(photo_on({44, 38, 214}));
  EXPECT_EQ(names(on_red.problems), std::vector<std::string>{"background_not_white"});
  EXPECT_EQ(on_red.cast_towards, "red over green");
}

TEST(PhotoBackground, LightGreyAndPalePinkAreNotWhite) {
  const cv::Mat grey = photo_on({200, 200, 200});
  NEED_PORTRAIT(grey);
  EXPECT_EQ(names(check_photo_background(grey).problems), std::vector<std::string>{"background_not_white"});
  EXPECT_EQ(names(check_photo_background(photo_on({225, 220, 252})).problems),
            std::vector<std::string>{"background_not_white"});
}

TEST(PhotoBackground, AClutteredBackdropIsNotUniform) {
  cv::Mat photo = photo_on({250, 250, 250});
  NEED_PORTRAIT(photo);
  // Shelves behind the sitter: dark and light stripes down both sides.
  for (int x = 0; x < photo.cols; x += 20) cv::rectangle(photo, {x, 0, 9, photo.rows / 2}, cv::Scalar(90, 110, 130), cv::FILLED);
  testing::paste_head(photo, IdPhotoLook{}, 0.5);
  const BackgroundVerdict verdict = check_photo_background(photo);
  EXPECT_LT(verdict.uniform_share, 0.75);
  EXPECT_EQ(names(verdict.problems).back(), "background_not_uniform");
}

TEST(PhotoColour, GreyscaleSavedAsColourIsNotColour) {
  cv::Mat photo = photo_on({250, 250, 250});
  NEED_PORTRAIT(photo);
  cv::Mat grey;
  cv::cvtColor(photo, grey, cv::COLOR_BGR2GRAY);
  cv::cvtColor(grey, photo, cv::COLOR_GRAY2BGR);
  const ColourVerdict verdict = check_photo_colour(photo, std::nullopt);
  EXPECT_EQ(names(verdict.problems), std::vector<std::string>{"not_colour"});
  EXPECT_LT(verdict.chroma, 1);
}

TEST(PhotoColour, SkinToneOfTheFaceAndACast) {
  const cv::Mat photo = photo_on({250, 250, 250});
  NEED_PORTRAIT(photo);
  auto detector = FaceDetector::create();
  ASSERT_TRUE(detector) << detector.error().reason;
  const std::vector<cv::Rect> faces = detector->detect(photo);
  ASSERT_EQ(faces.size(), 1u);
  const ColourVerdict natural = check_photo_colour(photo, faces.front());
  EXPECT_TRUE(natural.problems.empty()) << natural.problems.front().message;
  ASSERT_TRUE(natural.face_cb);
  // A strong blue-green cast, as from a badly white-balanced camera under fluorescent light.
  cv::Mat cast;
  cv::transform(photo, cast, cv::Matx33f(1.35f, 0, 0, 0, 1.1f, 0, 0, 0, 0.7f));
  const ColourVerdict verdict = check_photo_colour(cast, faces.front());
  EXPECT_EQ(names(verdict.problems), std::vector<std::string>{"colour_cast"});
}

}  // namespace
}  // namespace intake
