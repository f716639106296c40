#include "extractors/photos/photo_background.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// Rec. 601 luma, as JPEG codes it.
int luma(const cv::Vec3b& p) { return (299 * p[2] + 587 * p[1] + 114 * p[0] + 500) / 1000; }
int spread(const cv::Vec3b& p) { return std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}); }

int median_of(const std::array<int, 256>& histogram, int count) {
  int seen = 0;
  for (int v = 0; v < 256; ++v)
    if ((seen += histogram[static_cast<std::size_t>(v)]) * 2 >= count) return v;
  return 255;
}

// The frame around the head: the top band and both side bands above the shoulders.
std::vector<cv::Rect> frame_of(cv::Size size, const PhotoStandard& standard) {
  const int top = std::max(1, static_cast<int>(std::lround(size.height * standard.top_band_share)));
  const int side = std::max(1, static_cast<int>(std::lround(size.width * standard.side_band_share)));
  const int bottom = std::max(top + 1, static_cast<int>(std::lround(size.height * standard.side_band_bottom)));
  return {cv::Rect(0, 0, size.width, top), cv::Rect(0, top, side, bottom - top),
          cv::Rect(size.width - side, top, side, bottom - top)};
}

}  // namespace

BackgroundVerdict check_photo_background(const cv::Mat& bgr, const PhotoStandard& standard) {
  BackgroundVerdict verdict;
  if (bgr.empty()) return verdict;
  const std::vector<cv::Rect> frame = frame_of(bgr.size(), standard);
  std::array<int, 256> luma_histogram{};
  std::array<std::array<int, 256>, 3> channel_histograms{};
  int count = 0;
  for (const cv::Rect& band : frame)
    for (int y = band.y; y < band.y + band.height; ++y) {
      const auto* row = bgr.ptr<cv::Vec3b>(y);
      for (int x = band.x; x < band.x + band.width; ++x) {
        ++luma_histogram[static_cast<std::size_t>(luma(row[x]))];
        for (std::size_t c = 0; c < 3; ++c) ++channel_histograms[c][row[x][static_cast<int>(c)]];
        ++count;
      }
    }
  verdict.luminance = median_of(luma_histogram, count);
  std::array<int, 3> median{};
  for (std::size_t c = 0; c < 3; ++c) median[c] = median_of(channel_histograms[c], count);
  static constexpr std::array<const char*, 3> channel_names{"blue", "green", "red"};
  const auto strongest = static_cast<std::size_t>(std::max_element(median.begin(), median.end()) - median.begin());
  const auto weakest = static_cast<std::size_t>(std::min_element(median.begin(), median.end()) - median.begin());
  verdict.cast = median[strongest] - median[weakest];
  verdict.cast_towards = fmt::format("{} over {}", channel_names[strongest], channel_names[weakest]);

  // Plain: close to the frame's median colour in every channel (a blue backdrop is plain, and not white).
  const auto range = static_cast<int>(standard.uniform_range);
  int uniform = 0;
  for (const cv::Rect& band : frame)
    for (int y = band.y; y < band.y + band.height; ++y) {
      const auto* row = bgr.ptr<cv::Vec3b>(y);
      for (int x = band.x; x < band.x + band.width; ++x)
        if (std::abs(row[x][0] - median[0]) <= range && std::abs(row[x][1] - median[1]) <= range &&
            std::abs(row[x][2] - median[2]) <= range)
          ++uniform;
    }
  verdict.uniform_share = count ? static_cast<double>(uniform) / count : 0;

  std::vector<std::string> not_white;
  if (verdict.luminance < standard.min_background_luminance)
    not_white.push_back(fmt::format("background luminance {:.0f} < {:g} (median of the frame around the head)",
                                    verdict.luminance, standard.min_background_luminance));
  if (verdict.cast > standard.max_background_cast)
    not_white.push_back(fmt::format("background colour cast {:.0f} > {:g} ({})", verdict.cast,
                                    standard.max_background_cast, verdict.cast_towards));
  if (!not_white.empty())
    verdict.problems.push_back({"background_not_white", fmt::format("{}: a white background is required",
                                                                    fmt::join(not_white, ", "))});
  if (verdict.uniform_share < standard.min_background_uniform_share)
    verdict.problems.push_back(
        {"background_not_uniform",
         fmt::format("background plain on {:.0f} % of the frame around the head < {:.0f} %: a plain backdrop is "
                     "required",
                     verdict.uniform_share * 100, standard.min_background_uniform_share * 100)});
  return verdict;
}

ColourVerdict check_photo_colour(const cv::Mat& bgr, const std::optional<cv::Rect>& face,
                                 const PhotoStandard& standard) {
  ColourVerdict verdict;
  if (bgr.empty()) return verdict;
  // The sitter fills the photo's centre whatever the crop.
  const cv::Rect centre(bgr.cols / 4, bgr.rows / 5, std::max(1, bgr.cols / 2), std::max(1, bgr.rows * 3 / 5));
  double total = 0;
  for (int y = centre.y; y < centre.y + centre.height; ++y) {
    const auto* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = centre.x; x < centre.x + centre.width; ++x) total += spread(row[x]);
  }
  verdict.chroma = total / centre.area();
  if (verdict.chroma < standard.min_chroma)
    verdict.problems.push_back({"not_colour", fmt::format("colour {:.1f} < {:g} (mean chroma of the sitter): the "
                                                          "photo is greyscale; a colour photo is required",
                                                          verdict.chroma, standard.min_chroma)});
  if (!face || verdict.chroma < standard.min_chroma) return verdict;
  // Cheeks and nose: the box's middle, clear of hair, eyes and background.
  const cv::Rect skin = cv::Rect(face->x + face->width / 4, face->y + face->height * 2 / 5, std::max(1, face->width / 2),
                                 std::max(1, face->height * 7 / 20)) &
                        cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (skin.area() == 0) return verdict;
  cv::Mat ycrcb;
  cv::cvtColor(bgr(skin), ycrcb, cv::COLOR_BGR2YCrCb);
  const cv::Scalar mean = cv::mean(ycrcb);
  verdict.face_cr = mean[1];
  verdict.face_cb = mean[2];
  const bool skin_tone = *verdict.face_cb >= standard.skin_cb_min && *verdict.face_cb <= standard.skin_cb_max &&
                         *verdict.face_cr >= standard.skin_cr_min && *verdict.face_cr <= standard.skin_cr_max;
  if (!skin_tone)
    verdict.problems.push_back(
        {"colour_cast",
         fmt::format("face colour Cb {:.0f}, Cr {:.0f} outside the range of skin (Cb {:g}–{:g}, Cr {:g}–{:g}): the "
                     "colours are cast",
                     *verdict.face_cb, *verdict.face_cr, standard.skin_cb_min, standard.skin_cb_max,
                     standard.skin_cr_min, standard.skin_cr_max)});
  return verdict;
}

}  // namespace intake
