#include "ocr/pix_mat.h"

#include <cstring>
#include <mutex>

namespace intake {
namespace {

PixPtr to_depth_8_or_32(PIX* pix) {
  PixPtr plain(pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC));
  if (!plain) return nullptr;
  switch (pixGetDepth(plain.get())) {
    case 8:
    case 32: return plain;
    case 1: return PixPtr(pixConvert1To8(nullptr, plain.get(), 255, 0));
    case 2:
    case 4: return PixPtr(pixConvertTo8(plain.get(), 0));
    case 16: return PixPtr(pixConvert16To8(plain.get(), L_MS_BYTE));
    case 24: return PixPtr(pixConvert24To32(plain.get()));
    default: return nullptr;
  }
}

}  // namespace

cv::Mat pix_to_mat(PIX* pix) {
  if (pix == nullptr) return {};
  const PixPtr plain = to_depth_8_or_32(pix);
  if (!plain) return {};
  const int w = static_cast<int>(pixGetWidth(plain.get()));
  const int h = static_cast<int>(pixGetHeight(plain.get()));
  const l_uint32* data = pixGetData(plain.get());
  const int wpl = pixGetWpl(plain.get());
  if (pixGetDepth(plain.get()) == 8) {
    cv::Mat grey(h, w, CV_8UC1);
    for (int y = 0; y < h; ++y) {
      const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
      auto* out = grey.ptr<unsigned char>(y);
      for (int x = 0; x < w; ++x) out[x] = static_cast<unsigned char>(GET_DATA_BYTE(line, x));
    }
    return grey;
  }
  cv::Mat bgr(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    auto* out = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < w; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(line[x], &r, &g, &b);
      out[x] = cv::Vec3b(static_cast<uchar>(b), static_cast<uchar>(g), static_cast<uchar>(r));
    }
  }
  return bgr;
}

PixPtr mat_to_pix(const cv::Mat& image) {
  if (image.empty() || (image.type() != CV_8UC1 && image.type() != CV_8UC3)) return nullptr;
  const bool grey = image.type() == CV_8UC1;
  PixPtr pix(pixCreate(image.cols, image.rows, grey ? 8 : 32));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.rows; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    if (grey) {
      const auto* in = image.ptr<unsigned char>(y);
      for (int x = 0; x < image.cols; ++x) SET_DATA_BYTE(line, x, in[x]);
    } else {
      const auto* in = image.ptr<cv::Vec3b>(y);
      for (int x = 0; x < image.cols; ++x) composeRGBPixel(in[x][2], in[x][1], in[x][0], &line[x]);
    }
  }
  return pix;
}

void silence_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

}  // namespace intake
