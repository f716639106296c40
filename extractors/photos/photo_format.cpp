#include "extractors/photos/photo_format.h"

#include <fmt/format.h>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

std::string_view what_it_is(MediaType type) {
  switch (type) {
    case MediaType::png: return "a PNG image";
    case MediaType::webp: return "a WebP image";
    case MediaType::gif: return "a GIF image";
    case MediaType::bmp: return "a BMP image";
    case MediaType::tiff: return "a TIFF image";
    case MediaType::pdf: return "a PDF document";
    case MediaType::zip: return "a ZIP archive (or an Office document)";
    case MediaType::text: return "text";
    default: return "not an image intake recognises";
  }
}

}  // namespace

FormatVerdict check_photo_format(std::span<const unsigned char> bytes, const FormatOptions& options) {
  FormatVerdict verdict;
  verdict.type = sniff_media_type(bytes);
  if (verdict.type != MediaType::jpeg) {
    verdict.problems.push_back(
        {"not_jpeg", fmt::format("the file is {}, not a JPEG (JPG is required)", what_it_is(verdict.type))});
    return verdict;
  }
  const auto header = read_jpeg_header(bytes);
  if (!header) {
    verdict.problems.push_back({"damaged_jpeg", fmt::format("the JPEG cannot be read: {}", header.error().reason)});
    return verdict;
  }
  verdict.colour = header->colour;
  verdict.width = header->width;
  verdict.height = header->height;
  verdict.dpi = header->dpi;
  if (verdict.colour == JpegColour::cmyk || verdict.colour == JpegColour::ycck || verdict.colour == JpegColour::other) {
    verdict.problems.push_back(
        {"cmyk_jpeg", fmt::format("the JPEG is coded in {} (a print colour model that screens show wrongly); an "
                                  "RGB JPEG is required",
                                  verdict.colour == JpegColour::ycck ? "YCCK" : "CMYK")});
    return verdict;
  }
  auto decoded = read_jpeg(bytes, options.limits);
  if (!decoded) {
    verdict.problems.push_back({"damaged_jpeg", fmt::format("the JPEG cannot be decoded: {}", decoded.error().reason)});
    return verdict;
  }
  if (decoded->warning) {
    verdict.problems.push_back({"damaged_jpeg", *decoded->warning});
    return verdict;
  }
  if (decoded->image.channels() == 1) {
    // 8-bit greyscale: the file itself says the photo is not in colour (彩色证件照).
    verdict.problems.push_back({"not_colour", "the JPEG is 8-bit greyscale; a 24-bit colour photo is required"});
    cv::cvtColor(decoded->image, verdict.image, cv::COLOR_GRAY2BGR);
  } else {
    verdict.image = std::move(decoded->image);
  }
  return verdict;
}

}  // namespace intake
