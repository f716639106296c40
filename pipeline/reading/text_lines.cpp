#include "pipeline/reading/text_lines.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

int mm(double millimetres, int dpi) { return std::max(1, static_cast<int>(millimetres * dpi / 25.4 + 0.5)); }

double vertical_overlap(const cv::Rect& a, const cv::Rect& b) {
  const int common = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  const int shorter = std::min(a.height, b.height);
  return shorter > 0 ? std::max(0, common) / static_cast<double>(shorter) : 0.0;
}

}  // namespace

std::vector<cv::Rect> find_text_lines(const cv::Mat& binary, int dpi) {
  std::vector<cv::Rect> lines;
  if (binary.empty()) return lines;
  cv::Mat ink;
  cv::threshold(binary, ink, 127, 255, cv::THRESH_BINARY_INV);
  // Wider than the gap between two characters of a line (a quarter em of 五号 ≈ 1 mm, more with letter spacing),
  // narrower than the gap between the label columns of 附件4's header line is not needed: they are one line anyway.
  cv::morphologyEx(ink, ink, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {mm(3.0, dpi), mm(0.3, dpi)}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(ink, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);

  const int min_height = mm(1.2, dpi);   // below: specks and underlines
  const int max_height = mm(16.0, dpi);  // above: photos, seal rings, blots (a 二号 title is ~8 mm)
  std::vector<cv::Rect> pieces;
  for (const auto& contour : contours) {
    const cv::Rect box = cv::boundingRect(contour);
    if (box.height < min_height / 2 || box.height > max_height) continue;
    if (box.width < mm(1.0, dpi) && box.height < min_height) continue;
    pieces.push_back(box);
  }
  std::sort(pieces.begin(), pieces.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.y < b.y; });
  for (const cv::Rect& piece : pieces) {
    auto same = std::find_if(lines.begin(), lines.end(),
                             [&](const cv::Rect& line) { return vertical_overlap(line, piece) > 0.5; });
    if (same != lines.end())
      *same |= piece;
    else
      lines.push_back(piece);
  }
  std::erase_if(lines, [&](const cv::Rect& line) { return line.height < min_height; });
  std::sort(lines.begin(), lines.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.y < b.y; });
  return lines;
}

}  // namespace intake
