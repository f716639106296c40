#pragma once
// Format (notice 七: JPG): a JPEG by its bytes, whatever the extension says, that decodes whole, in a colour
// model screens and the office's tools show as it is (RGB/YCbCr; CMYK and YCCK files from print workflows show
// inverted or not at all), with three colour channels (24-bit). A pure stage: bytes in, verdict out.
#include <span>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/photos/photo_problem.h"
#include "models/media_type.h"
#include "pipeline/jpeg_reader.h"

namespace intake {

struct FormatVerdict {
  MediaType type = MediaType::unknown;    // by the bytes
  JpegColour colour = JpegColour::other;  // JPEGs only
  int width = 0, height = 0;
  int dpi = 0;      // the JFIF density, 0 when none (informational: pixels decide the size)
  cv::Mat image;    // CV_8UC3 BGR when decoded whole (a greyscale JPEG is expanded to three equal channels)
  std::vector<PhotoProblem> problems;

  // Whether the pixel checks (size, background, colour, face) can run on `image`.
  bool decoded() const { return !image.empty(); }
};

struct FormatOptions {
  JpegLimits limits{.max_pixels = 60'000'000};  // a 2-inch photo is 0.24 MP; a camera's original under 60 MP
};

FormatVerdict check_photo_format(std::span<const unsigned char> bytes, const FormatOptions& options = {});

}  // namespace intake
