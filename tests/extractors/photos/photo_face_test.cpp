#include "extractors/photos/photo_face.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "support/id_photos.h"

namespace intake {
namespace {

using testing::id_photo;
using testing::IdPhotoLook;

std::vector<std::string> names(const FaceVerdict& verdict) {
  std::vector<std::string> out;
  for (const PhotoProblem& problem : verdict.problems) out.push_back(problem.problem);
  return out;
}

class PhotoFace : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::astronaut().empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)";
    auto created = FaceDetector::create();
    ASSERT_TRUE(created) << created.error().reason;
    detector_.emplace(std::move(created).value());
  }
  FaceVerdict check(const cv::Mat& photo) { return check_photo_face(photo, *detector_); }
  std::optional<FaceDetector> detector_;
};

TEST_F(PhotoFace, OneWellPlacedSharpFacePasses) {
  const FaceVerdict verdict = check(id_photo());
  EXPECT_EQ(verdict.faces, 1);
  EXPECT_TRUE(verdict.problems.empty()) << verdict.problems.front().message;
  EXPECT_GT(verdict.height_share, 0.22);
  EXPECT_LT(verdict.centre_offset_share, 0.05);
}

TEST_F(PhotoFace, ShouldersWithoutAHeadHaveNoFace) {
  IdPhotoLook look;
  look.heads = 0;  // the jacket alone
  EXPECT_EQ(names(check(id_photo(look))), std::vector<std::string>{"no_face"});
}

TEST_F(PhotoFace, TwoPeopleAreSeveralFaces) {
  IdPhotoLook look;
  look.size = {826, 579};
  look.heads = 2;
  look.shoulders = false;
  const FaceVerdict verdict = check(id_photo(look));
  EXPECT_EQ(verdict.faces, 2);
  EXPECT_EQ(names(verdict), std::vector<std::string>{"several_faces"});
}

TEST_F(PhotoFace, HeadSizeAndPlace) {
  IdPhotoLook small;
  small.head_height_share = 0.3;
  small.head_top_share = 0.2;
  EXPECT_EQ(names(check(id_photo(small))), std::vector<std::string>{"face_too_small"});

  IdPhotoLook aside;
  aside.centre_x_share = 0.35;
  EXPECT_EQ(names(check(id_photo(aside))), std::vector<std::string>{"face_off_centre"});

  IdPhotoLook cut;
  cut.head_top_share = -0.12;
  EXPECT_EQ(names(check(id_photo(cut))), std::vector<std::string>{"head_cut"});

  IdPhotoLook low;
  low.head_top_share = 0.3;
  low.head_height_share = 0.45;
  EXPECT_EQ(names(check(id_photo(low))), std::vector<std::string>{"head_too_low"});
}

TEST_F(PhotoFace, BlurIsMeasuredOnTheFace) {
  cv::Mat blurred;
  cv::GaussianBlur(id_photo(), blurred, cv::Size(0, 0), 4);
  const FaceVerdict verdict = check(blurred);
  ASSERT_EQ(verdict.faces, 1) << "the detector still finds a blurred face";
  EXPECT_EQ(names(verdict), std::vector<std::string>{"blurred"});
  EXPECT_NE(verdict.problems.front().message.find("< 50 (variance of the Laplacian at 128 px face width)"),
            std::string::npos)
      << verdict.problems.front().message;
  // The measure does not depend on resolution: the sharp photo at twice the pixels still passes.
  cv::Mat large;
  cv::resize(id_photo(), large, cv::Size(), 2, 2, cv::INTER_CUBIC);
  EXPECT_TRUE(check(large).problems.empty());
}

TEST_F(PhotoFace, OverAndUnderExposure) {
  const cv::Mat photo = id_photo();
  cv::Mat bright, dark;
  photo.convertTo(bright, -1, 1.9, 40);
  photo.convertTo(dark, -1, 0.3, 0);
  EXPECT_EQ(names(check(bright)), std::vector<std::string>{"overexposed"});
  EXPECT_EQ(names(check(dark)), std::vector<std::string>{"underexposed"});
}

TEST(FaceDetector, AMissingCascadeIsAClearError) {
  auto detector = FaceDetector::create({.cascade = "/nonexistent/haarcascade.xml"});
  ASSERT_FALSE(detector);
  EXPECT_NE(detector.error().reason.find("opencv-data"), std::string::npos);
}

}  // namespace
}  // namespace intake
