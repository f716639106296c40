#pragma once
// The rulings of a page a seal was stamped on. On grey and 1-bit scans the seal's mask takes the table's lines where
// the seal crosses them, so rulings are found with the seal's ink put back. But the seal's own straight strokes then
// pass for rulings too — its star's arms, the flat cap of its ring — and a ruling is painted out of every cell read:
// one through the date under the seal takes the tops of its glyphs (2026年1 read 20275亿). A ruling that lies wholly
// inside a seal is kept only when the page without the seal's ink has it as well.
#include <vector>

#include <opencv2/core.hpp>

#include "pipeline/cleanup/seals.h"
#include "pipeline/layout/table_grid.h"

namespace intake {

// `binary`: the clean page (0 = ink); `seal_mask`: 255 on seal ink (same size), or empty.
PageRulings rulings_under_seals(const cv::Mat& binary, const cv::Mat& seal_mask, const std::vector<SealMark>& seals,
                                int dpi);

}  // namespace intake
