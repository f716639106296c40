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

}  // namespace intake
