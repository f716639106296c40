#include "extractors/photos/photo_format.h"

// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <jpeglib.h>

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

cv::Mat colour_image() {
  cv::Mat image(120, 90, CV_8UC3, cv::Scalar(240, 240, 240));
  cv::circle(image, {45, 50}, 25, cv::Scalar(90, 140, 200), cv::FILLED);
  return image;
}

std::vector<unsigned char> encoded(const cv::Mat& image, const std::string& extension) {
  std::vector<unsigned char> bytes;
  cv::imencode(extension, image, bytes);
  return bytes;
}

// A CMYK JPEG as print workflows write it (libjpeg's own CMYK path: no conversion, four components).
std::vector<unsigned char> cmyk_jpeg() {
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = 16;
  info.image_height = 16;
  info.input_components = 4;
  info.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&info);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(16 * 4, 128);
  while (info.next_scanline < info.image_height) {
    JSAMPROW pointer = row.data();
    jpeg_write_scanlines(&info, &pointer, 1);
  }
  jpeg_finish_compress(&info);
  std::vector<unsigned char> bytes(buffer, buffer + size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return bytes;
}

std::vector<std::string> names(const FormatVerdict& verdict) {
  std::vector<std::string> out;
  for (const PhotoProblem& problem : verdict.problems) out.push_back(problem.problem);
  return out;
}

TEST(PhotoFormat, ColourJpegDecodes) {
  const FormatVerdict verdict = check_photo_format(encoded(colour_image(), ".jpg"));
  EXPECT_TRUE(verdict.problems.empty());
  ASSERT_TRUE(verdict.decoded());
  EXPECT_EQ(verdict.image.type(), CV_8UC3);
  EXPECT_EQ(verdict.colour, JpegColour::ycbcr);
  EXPECT_EQ(verdict.width, 90);
}

TEST(PhotoFormat, ThePngBehindAJpgNameIsNotAJpeg) {
  const FormatVerdict verdict = check_photo_format(encoded(colour_image(), ".png"));
  EXPECT_EQ(names(verdict), std::vector<std::string>{"not_jpeg"});
  EXPECT_EQ(verdict.problems.front().message, "the file is a PNG image, not a JPEG (JPG is required)");
  EXPECT_FALSE(verdict.decoded());
}

TEST(PhotoFormat, GreyscaleJpegIsNotColourButStillChecked) {
  cv::Mat grey;
  cv::cvtColor(colour_image(), grey, cv::COLOR_BGR2GRAY);
  const FormatVerdict verdict = check_photo_format(encoded(grey, ".jpg"));
  EXPECT_EQ(names(verdict), std::vector<std::string>{"not_colour"});
  EXPECT_NE(verdict.problems.front().message.find("8-bit greyscale"), std::string::npos);
  ASSERT_TRUE(verdict.decoded());
  EXPECT_EQ(verdict.image.channels(), 3);
}

TEST(PhotoFormat, CmykJpegIsNamed) {
  const FormatVerdict verdict = check_photo_format(cmyk_jpeg());
  EXPECT_EQ(names(verdict), std::vector<std::string>{"cmyk_jpeg"});
  EXPECT_EQ(verdict.colour, JpegColour::cmyk);
}

TEST(PhotoFormat, TruncatedOrBrokenJpegIsDamaged) {
  std::vector<unsigned char> bytes = encoded(colour_image(), ".jpg");
  bytes.resize(bytes.size() / 2);
  const FormatVerdict truncated = check_photo_format(bytes);
  EXPECT_EQ(names(truncated), std::vector<std::string>{"damaged_jpeg"});
  EXPECT_FALSE(truncated.decoded());
  const std::vector<unsigned char> header_only{0xFF, 0xD8, 0xFF, 0xE0, 0x00};
  EXPECT_EQ(names(check_photo_format(header_only)), std::vector<std::string>{"damaged_jpeg"});
  EXPECT_EQ(photo_rule("damaged_jpeg"), "unreadable_input");
}

}  // namespace
}  // namespace intake
