#include "pipeline/jpeg_reader.h"

// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <jpeglib.h>

#include <csetjmp>
#include <fmt/format.h>

namespace intake {
namespace {

struct QuietErrors {
  jpeg_error_mgr manager{};
  std::jmp_buf escape{};
  char message[JMSG_LENGTH_MAX] = {};
};

// libjpeg reports fatal errors by calling error_exit, which must not return: jump back to read_jpeg. Only C
// objects live between setjmp and longjmp, so no destructor is skipped.
[[noreturn]] void jump_out(j_common_ptr info) {
  auto* errors = reinterpret_cast<QuietErrors*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->escape, 1);
}

void keep_quiet(j_common_ptr /*info*/) {}

void install_quiet_errors(jpeg_decompress_struct& info, QuietErrors& errors) {
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jump_out;
  errors.manager.output_message = keep_quiet;
}

struct Decompressor {
  jpeg_decompress_struct info{};
  ~Decompressor() { jpeg_destroy_decompress(&info); }
};

int density_dpi(const jpeg_decompress_struct& info) {
  switch (info.density_unit) {
    case 1: return info.X_density;                                             // dots per inch
    case 2: return static_cast<int>(std::lround(info.X_density * 2.54));     // dots per cm
    default: return 0;                                                         // aspect ratio only
  }
}

JpegColour colour_of(J_COLOR_SPACE space) {
  switch (space) {
    case JCS_GRAYSCALE: return JpegColour::greyscale;
    case JCS_YCbCr: return JpegColour::ycbcr;
    case JCS_RGB: return JpegColour::rgb;
    case JCS_CMYK: return JpegColour::cmyk;
    case JCS_YCCK: return JpegColour::ycck;
    default: return JpegColour::other;
  }
}

}  // namespace

Result<JpegImage> read_jpeg(std::span<const unsigned char> bytes, const JpegLimits& limits) {
  QuietErrors errors;
  Decompressor decompressor;
  jpeg_decompress_struct& info = decompressor.info;
  install_quiet_errors(info, errors);

  JpegImage result;
  if (setjmp(errors.escape)) return Error{fmt::format("JPEG data is damaged ({})", errors.message)};

  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  if (static_cast<long long>(info.image_width) * info.image_height > limits.max_pixels)
    return Error{fmt::format("image too large ({} × {} pixels)", info.image_width, info.image_height)};
  const bool grey = info.jpeg_color_space == JCS_GRAYSCALE;
  // libjpeg-turbo writes BGR directly, which is what OpenCV wants.
  info.out_color_space = grey ? JCS_GRAYSCALE : JCS_EXT_BGR;
  jpeg_start_decompress(&info);

  result.image.create(static_cast<int>(info.output_height), static_cast<int>(info.output_width),
                      grey ? CV_8UC1 : CV_8UC3);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = result.image.ptr<unsigned char>(static_cast<int>(info.output_scanline));
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  result.dpi = density_dpi(info);
  if (errors.manager.num_warnings > 0) {
    (*errors.manager.format_message)(reinterpret_cast<j_common_ptr>(&info), errors.message);
    result.warning = fmt::format("JPEG data is truncated or corrupt; decoded with gaps ({})", errors.message);
  }
  return result;
}

Result<JpegHeader> read_jpeg_header(std::span<const unsigned char> bytes) {
  QuietErrors errors;
  Decompressor decompressor;
  jpeg_decompress_struct& info = decompressor.info;
  install_quiet_errors(info, errors);
  if (setjmp(errors.escape)) return Error{fmt::format("JPEG data is damaged ({})", errors.message)};
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  return JpegHeader{static_cast<int>(info.image_width), static_cast<int>(info.image_height), density_dpi(info),
                    colour_of(info.jpeg_color_space)};
}

}  // namespace intake
