#include "models/media_type.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

std::span<const unsigned char> as_bytes(std::string_view text) {
  return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

TEST(MediaType, RecognisesImagesByTheirBytes) {
  const cv::Mat page = testing::make_page(1, 50);
  EXPECT_EQ(sniff_media_type(testing::encode_jpeg(page, 50)), MediaType::jpeg);
  EXPECT_EQ(sniff_media_type(testing::encode_png(page)), MediaType::png);
  EXPECT_EQ(sniff_media_type(as_bytes(std::string_view("II*\0\x08\0\0\0", 8))), MediaType::tiff);
  EXPECT_EQ(sniff_media_type(as_bytes(std::string_view("MM\0*\0\0\0\x08", 8))), MediaType::tiff);
}

TEST(MediaType, FindsAPdfHeaderAfterLeadingJunk) {
  EXPECT_EQ(sniff_media_type(as_bytes("%PDF-1.7\n")), MediaType::pdf);
  EXPECT_EQ(sniff_media_type(as_bytes("\r\n\r\n  %PDF-1.4\n%\xE2\xE3\xCF\xD3")), MediaType::pdf);
  const std::string late = std::string(1100, ' ') + "%PDF-1.4";
  EXPECT_NE(sniff_media_type(as_bytes(late)), MediaType::pdf);
}

TEST(MediaType, TextAndUnknownAreNotScannable) {
  EXPECT_EQ(sniff_media_type(as_bytes("Dear sir,\nplease find attached")), MediaType::text);
  EXPECT_EQ(sniff_media_type(as_bytes(std::string_view("\x01\x02\x03\x00\xff", 5))), MediaType::unknown);
  EXPECT_EQ(sniff_media_type(as_bytes("PK\x03\x04rest")), MediaType::zip);
  EXPECT_FALSE(is_scannable(MediaType::text));
  EXPECT_FALSE(is_scannable(MediaType::zip));
  EXPECT_FALSE(is_scannable(MediaType::unknown));
  EXPECT_TRUE(is_scannable(MediaType::tiff));
  EXPECT_TRUE(is_scannable(MediaType::pdf));
}

TEST(MediaType, EmptyInputIsUnknown) { EXPECT_EQ(sniff_media_type({}), MediaType::unknown); }

}  // namespace
}  // namespace intake
