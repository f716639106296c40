#include "pipeline/jpeg_reader.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

TEST(JpegReader, ReadsColourAndTheStatedResolution) {
  const cv::Mat page = testing::make_page(1, 200);
  const auto jpeg = read_jpeg(testing::encode_jpeg(page, 200), {});
  ASSERT_TRUE(jpeg) << jpeg.error().reason;
  EXPECT_EQ(jpeg->image.size(), page.size());
  EXPECT_EQ(jpeg->image.channels(), 3);
  EXPECT_EQ(jpeg->dpi, 200);
  EXPECT_FALSE(jpeg->warning);
  // Red text stays red: the channel order is BGR as OpenCV expects.
  EXPECT_GT(cv::norm(jpeg->image, page, cv::NORM_L1) / page.total(), 0.0);
  EXPECT_LT(cv::norm(jpeg->image, page, cv::NORM_L1) / static_cast<double>(page.total() * 3), 4.0);
}

TEST(JpegReader, GreyscaleStaysOneChannel) {
  const auto jpeg = read_jpeg(testing::encode_jpeg(testing::make_page(1, 100, false), 100), {});
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->image.channels(), 1);
}

TEST(JpegReader, TruncatedScanDecodesWithAWarning) {
  auto bytes = testing::encode_jpeg(testing::make_page(1, 150), 150);
  bytes.resize(bytes.size() * 2 / 3);
  const auto jpeg = read_jpeg(bytes, {});
  ASSERT_TRUE(jpeg) << jpeg.error().reason;
  ASSERT_TRUE(jpeg->warning);
  EXPECT_NE(jpeg->warning->find("truncated"), std::string::npos);
}

TEST(JpegReader, DamagedHeaderIsAnErrorNotACrash) {
  auto bytes = testing::encode_jpeg(testing::make_page(1, 100), 100);
  bytes.resize(200);
  EXPECT_FALSE(read_jpeg(bytes, {}));
}

TEST(JpegReader, RefusesImagesOverThePixelLimit) {
  const auto jpeg = read_jpeg(testing::encode_jpeg(testing::make_page(1, 100), 100), {.max_pixels = 1000});
  ASSERT_FALSE(jpeg);
  EXPECT_NE(jpeg.error().reason.find("too large"), std::string::npos);
}

}  // namespace
}  // namespace intake
