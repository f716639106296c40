#pragma once
// An opinion box's date line under a seal that is as dark as the date (grey and 1-bit scans). There the seal's ring,
// lettering and star and the date are one blot to the line finder, and the date line is never found. But a printed
// line's glyphs share a baseline, the lettering runs round the ring, and the star is larger than a glyph: the date
// is a row of glyph-sized marks inside the seal whose bottoms align. Each such row is cut out onto clean paper with
// only the marks that lie within it. The lettering that crosses the row and the star are left out, and with them
// any digit they touch: what is read is the visible part of the date (see extractors/normalise/hidden_date.h).
#include <vector>

#include <opencv2/core.hpp>

namespace intake {

struct SealDateLine {
  cv::Rect box;    // in the searched image's pixels
  cv::Mat binary;  // box's size: the row's own marks on white, 0 = ink
};

// `binary`: a box of the page, 0 = ink; `centre`, `radius`: the seal's ring in its pixels; `glyph_height`: the
// height of the box's printed glyphs, px. Rows of at least three aligned marks, those with most marks first, at
// most `most` of them.
std::vector<SealDateLine> seal_date_lines(const cv::Mat& binary, cv::Point2f centre, float radius,
                                          double glyph_height, std::size_t most = 3);

}  // namespace intake
