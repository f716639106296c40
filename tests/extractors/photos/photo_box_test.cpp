#include "extractors/photos/photo_box.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "support/id_photos.h"

namespace intake {
namespace {

// A form's first rows at 200 dpi: a 25 × 35 mm photo box (197 × 276 px) at the right, ruled, on flattened paper.
const cv::Rect box_cell(600, 100, 200, 280);

cv::Mat page_with(const cv::Mat& photo) {
  cv::Mat page(600, 850, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, box_cell, cv::Scalar(0), 2);
  cv::putText(page, "photo", {650, 250}, cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(0), 2);  // the printed label
  if (!photo.empty()) {
    cv::Mat grey, small;
    cv::cvtColor(photo, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(180, 252), 0, 0, cv::INTER_AREA);
    small.copyTo(page(cv::Rect(box_cell.x + 10, box_cell.y + 14, small.cols, small.rows)));
  }
  return page;
}

class PhotoBox : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::astronaut().empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)";
    auto created = FaceDetector::create();
    ASSERT_TRUE(created) << created.error().reason;
    detector_.emplace(std::move(created).value());
  }
  std::optional<FaceDetector> detector_;
};

TEST_F(PhotoBox, AGluedPhotoWithOneFace) {
  const PhotoBoxVerdict verdict = check_photo_box(page_with(testing::id_photo()), box_cell, *detector_);
  EXPECT_TRUE(verdict.photo);
  EXPECT_EQ(verdict.faces, 1);
}

TEST_F(PhotoBox, TheLabelAloneIsNoPhoto) {
  const PhotoBoxVerdict verdict = check_photo_box(page_with({}), box_cell, *detector_);
  EXPECT_FALSE(verdict.photo);
  EXPECT_LT(verdict.dark_share, 0.05);
  EXPECT_EQ(verdict.faces, -1);
}

TEST_F(PhotoBox, APhotoWithoutAFaceAndA1BitScan) {
  testing::IdPhotoLook shoulders;
  shoulders.heads = 0;
  const PhotoBoxVerdict faceless = check_photo_box(page_with(testing::id_photo(shoulders)), box_cell, *detector_);
  EXPECT_TRUE(faceless.photo);
  EXPECT_EQ(faceless.faces, 0);
  cv::Mat bitonal;
  cv::threshold(page_with(testing::id_photo()), bitonal, 128, 255, cv::THRESH_BINARY);
  const PhotoBoxVerdict one_bit = check_photo_box(bitonal, box_cell, *detector_);
  EXPECT_TRUE(one_bit.photo);
  EXPECT_EQ(one_bit.faces, -1) << "no face can be told on a 1-bit scan";
}

TEST(PhotoBoxCell, TheTallCellAtTheRightOfTheFirstRows) {
  TableGrid table;
  table.column_edges = {0, 100, 300, 400, 600, 800};
  table.row_edges = {0, 90, 180, 270, 360};
  table.cells = {{{0, 0, 100, 90}, 0, 0, 1, 1},        {{100, 0, 200, 90}, 0, 1, 1, 1},
                 {{600, 0, 200, 270}, 0, 4, 3, 1},     {{0, 90, 100, 90}, 1, 0, 1, 1},
                 {{0, 270, 800, 90}, 3, 0, 1, 5}};
  EXPECT_EQ(find_photo_cell(table), cv::Rect(600, 0, 200, 270));
  table.cells[2].row_span = 1;  // a one-row cell is a value, not a photo box
  EXPECT_FALSE(find_photo_cell(table));
}

TEST(PhotoBoxFindings, EmptyAndFacelessBoxesOfTheCopies) {
  const PhotoBoxRead good{{}, true, 1}, empty{{}, false, -1}, faceless{{}, true, 0}, one_bit{{}, true, -1};
  EXPECT_TRUE(photo_box_findings({good, one_bit}).empty());
  const auto findings = photo_box_findings({good, empty, faceless, empty, good});
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "photo_missing");
  EXPECT_NE(findings[0].message.find("on 2 of 5 copies"), std::string::npos) << findings[0].message;
  EXPECT_EQ(findings[1].rule, "photo_face");
  EXPECT_EQ(findings[1].problem, "no_face");
  EXPECT_EQ(photo_box_findings({empty}).front().message.find(" of "), std::string::npos);
}

}  // namespace
}  // namespace intake
