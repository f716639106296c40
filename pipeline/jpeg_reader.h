#pragma once
// JPEG through libjpeg directly rather than through Leptonica, whose libjpeg setup prints libjpeg's warnings to
// stderr: a bad file must give one clear line naming it, and a truncated scan must be told apart from a good one.
#include <optional>
#include <span>
#include <string>

#include <opencv2/core.hpp>

#include "models/result.h"

namespace intake {

struct JpegImage {
  cv::Mat image;                       // CV_8UC1 for greyscale JPEGs, CV_8UC3 BGR otherwise
  int dpi = 0;                         // from the JFIF density; 0 when the file states none
  std::optional<std::string> warning;  // set when libjpeg had to patch over corrupt or missing data
};

struct JpegLimits {
  long long max_pixels = 150'000'000;
};

Result<JpegImage> read_jpeg(std::span<const unsigned char> bytes, const JpegLimits& limits);

// The colour model the file is coded in (libjpeg's reading of its JFIF and Adobe markers).
enum class JpegColour { greyscale, ycbcr, rgb, cmyk, ycck, other };

struct JpegHeader {
  int width = 0;
  int height = 0;
  int dpi = 0;  // from the JFIF density; 0 when the file states none
  JpegColour colour = JpegColour::ycbcr;
};

// The frame size and density without decoding the pixels (microseconds, for sorting attachments by what they are).
Result<JpegHeader> read_jpeg_header(std::span<const unsigned char> bytes);

}  // namespace intake
