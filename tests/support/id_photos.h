#pragma once
// ID photos composited in the test from a portrait Debian ships (python3-skimage's astronaut.png, NASA, public
// domain): the head cut out with an elliptical matte and set on a backdrop with dark shoulders, so each test states
// exactly what it changes — the backdrop's colour, the head's size and place, blur, exposure, a second sitter.
// Tests GTEST_SKIP when the portrait is absent.
#include <filesystem>
#include <optional>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace intake::testing {

inline const std::filesystem::path astronaut_png = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";

// The astronaut's head in her portrait (512 × 512): the face, hair included, inside this box.
inline const cv::Rect astronaut_head(158, 18, 148, 200);

struct IdPhotoLook {
  cv::Size size{413, 579};
  cv::Scalar backdrop{250, 250, 250};  // BGR
  double head_height_share = 0.5;      // the pasted head's height / photo height
  double head_top_share = 0.07;        // its top below the photo's top edge
  double centre_x_share = 0.5;
  int heads = 1;                       // a second head is set beside the first (a photo of two people)
  bool shoulders = true;
};

// The portrait, once per process; empty when the package is not installed.
inline const cv::Mat& astronaut() {
  static const cv::Mat image = cv::imread(astronaut_png.string(), cv::IMREAD_COLOR);
  return image;
}

inline void paste_head(cv::Mat& photo, const IdPhotoLook& look, double centre_x_share) {
  const cv::Mat head = astronaut()(astronaut_head);
  const double scale = look.head_height_share * look.size.height / head.rows;
  cv::Mat scaled;
  cv::resize(head, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::Mat matte(scaled.size(), CV_32F, cv::Scalar(0));
  cv::ellipse(matte, cv::Point(scaled.cols / 2, scaled.rows / 2), cv::Size(scaled.cols / 2 - 1, scaled.rows / 2 - 1), 0, 0,
              360, cv::Scalar(1), cv::FILLED);
  cv::GaussianBlur(matte, matte, cv::Size(0, 0), 2);
  const int x0 = static_cast<int>(centre_x_share * look.size.width - scaled.cols / 2.0);
  const int y0 = static_cast<int>(look.head_top_share * look.size.height);
  for (int y = 0; y < scaled.rows; ++y)
    for (int x = 0; x < scaled.cols; ++x) {
      const int px = x0 + x, py = y0 + y;
      if (px < 0 || py < 0 || px >= photo.cols || py >= photo.rows) continue;
      const float a = matte.at<float>(y, x);
      auto& out = photo.at<cv::Vec3b>(py, px);
      const auto& in = scaled.at<cv::Vec3b>(y, x);
      for (int c = 0; c < 3; ++c) out[c] = cv::saturate_cast<unsigned char>(a * in[c] + (1 - a) * out[c]);
    }
}

// BGR CV_8UC3; empty when the portrait is absent.
inline cv::Mat id_photo(const IdPhotoLook& look = {}) {
  if (astronaut().empty()) return {};
  cv::Mat photo(look.size, CV_8UC3, look.backdrop);
  if (look.shoulders) {
    // A dark jacket from below the chin to the bottom edge, wider than the head, as in a head-and-shoulders crop.
    const int top = static_cast<int>((look.head_top_share + look.head_height_share * 0.95) * look.size.height);
    const int cx = static_cast<int>(look.centre_x_share * look.size.width);
    const std::vector<cv::Point> jacket{{cx - look.size.width / 6, top},
                                        {cx + look.size.width / 6, top},
                                        {cx + look.size.width * 9 / 20, look.size.height},
                                        {cx - look.size.width * 9 / 20, look.size.height}};
    cv::fillConvexPoly(photo, jacket, cv::Scalar(60, 45, 40));
  }
  if (look.heads == 1) {
    paste_head(photo, look, look.centre_x_share);
  } else {
    for (int i = 0; i < look.heads; ++i) paste_head(photo, look, (i + 0.5) / look.heads);
  }
  return photo;
}

inline std::vector<unsigned char> jpeg_bytes(const cv::Mat& image, int quality = 92) {
  std::vector<unsigned char> bytes;
  cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
  return bytes;
}

}  // namespace intake::testing
