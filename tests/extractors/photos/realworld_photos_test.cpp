// Real photos and non-photos (../shared/realworld/photos, each file's origin in its SOURCES.md, counts in its
// ground_truth.json): the checks must give the known answers on them. Skipped when the corpus is not there; its
// files are never copied into the repository.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>

#include "extractors/photos/photo_check.h"
#include "pipeline/bytes.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

class RealworldPhotos : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(root_)) GTEST_SKIP() << root_ << " is not there";
    auto created = FaceDetector::create();
    ASSERT_TRUE(created) << created.error().reason;
    detector_.emplace(std::move(created).value());
  }
  PhotoVerdict check(const std::string& relative) {
    const auto bytes = read_file_bytes(root_ / relative, 1ull << 26);
    EXPECT_TRUE(bytes) << relative;
    return check_photo(bytes ? bytes.value() : Bytes{}, relative, *detector_);
  }
  static bool has(const PhotoVerdict& verdict, const std::string& problem) {
    return std::any_of(verdict.problems.begin(), verdict.problems.end(),
                       [&](const PhotoProblem& p) { return p.problem == problem; });
  }
  const fs::path root_ = fs::path(INTAKE_REALWORLD_DIR) / "photos";
  std::optional<FaceDetector> detector_;
};

TEST_F(RealworldPhotos, FormatIsTheBytesNotTheName) {
  EXPECT_TRUE(has(check("portraits_idphoto_style/test1.jpg"), "not_jpeg"));  // WebP named .jpg
  EXPECT_TRUE(has(check("portraits_idphoto_style/test2.jpg"), "not_jpeg"));  // PNG named .jpg
  EXPECT_TRUE(has(check("jpeg_colour_models/out-cmyk-cmyk-adobe.jpg"), "cmyk_jpeg"));
  EXPECT_TRUE(has(check("jpeg_colour_models/out-ycck-ycck.jpg"), "cmyk_jpeg"));
  EXPECT_TRUE(check("jpeg_colour_models/out-rgb-yuv-jfif.jpg").format.decoded());
  EXPECT_TRUE(check("jpeg_colour_models/out-rgb-rgb-adobe.jpg").format.decoded());
  EXPECT_TRUE(has(check("reject_cases/truncated_corrupt.jpg"), "damaged_jpeg"));
}

TEST_F(RealworldPhotos, FacesAsTheUpstreamTestsCountThem) {
  EXPECT_EQ(check("portraits/obama.jpg").face->faces, 1);
  EXPECT_EQ(check("portraits/biden2.jpg").face->faces, 1);
  EXPECT_EQ(check("reject_cases/two_people.jpg").face->faces, 2);
  EXPECT_EQ(check("reject_cases/obama_and_biden.jpg").face->faces, 2);
  EXPECT_EQ(check("reject_cases/baboon_animal_face.jpg").face->faces, 0);
  EXPECT_EQ(check("reject_cases/fruits.jpg").face->faces, 0);
}

TEST_F(RealworldPhotos, PortraitsAreNotIdPhotosButTheWhitePanelOfTheDemoSheetIs) {
  for (const char* portrait : {"portraits/obama.jpg", "portraits/biden.jpg", "portraits_idphoto_style/test4.jpg"})
    EXPECT_TRUE(has(check(portrait), "background_not_white")) << portrait;
  // The demo sheet holds four finished ID photos side by side: red, blue, white and grey backdrops.
  const cv::Mat sheet = cv::imread((root_ / "portraits_idphoto_style/idphoto_backgrounds_demo.jpg").string());
  ASSERT_FALSE(sheet.empty());
  const int width = sheet.cols / 4;
  for (int panel = 0; panel < 4; ++panel) {
    std::vector<unsigned char> bytes;
    cv::imencode(".jpg", sheet(cv::Rect(panel * width, 0, width, sheet.rows)), bytes, {cv::IMWRITE_JPEG_QUALITY, 95});
    const PhotoVerdict verdict = check_photo(bytes, "张某某-19900101.jpg", *detector_);
    EXPECT_EQ(verdict.ok(), panel == 2) << "panel " << panel << ": " << verdict.measured().dump();
  }
}

}  // namespace
}  // namespace intake
