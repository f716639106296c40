#pragma once
// Finds the lines of text in a region of a binary page: glyphs merged along the line by a short horizontal
// closing, components grouped by vertical overlap. Chinese glyphs such as 二 and 三 are broken vertically, but their
// neighbours on the line bridge them, so a line comes out whole.
#include <vector>

#include <opencv2/core.hpp>

namespace intake {

// `binary`: CV_8UC1, 0 = ink. Boxes in `binary`'s pixels, top to bottom; marks smaller than a glyph (specks) and
// larger than a line (photos, seal rings on 1-bit scans) are not lines.
std::vector<cv::Rect> find_text_lines(const cv::Mat& binary, int dpi);

// The `lines` of `image` (boxes in its pixels, top to bottom) set side by side on one line of paper (`paper`: its
// value), `gap` pixels apart and centred on one middle: a value that wrapped in a narrow cell (0418-528 / 2786,
// 1984年7 / 月) unwrapped for the single-line reads its type wants.
cv::Mat side_by_side(const cv::Mat& image, const std::vector<cv::Rect>& lines, int gap, unsigned char paper = 255);

}  // namespace intake
