#pragma once
// Connected components of a sparse binary image worked out on its runs instead of its pixels. Rulings, the
// paper between them and the cells they enclose are a few thousand runs on a page of ten million pixels, so
// joining runs costs a fraction of a pixel-wise labelling (cv::connectedComponentsWithStats spends ~60 ms on a
// 300 dpi A4 page, most of it gathering statistics pixel by pixel).
#include <cstdint>
#include <span>
#include <vector>

#include <opencv2/core.hpp>

namespace intake {

// Pixels [begin, end) of one line: a row of an image, or a column when the runs were taken down the columns.
struct PixelRun {
  int line = 0;
  int begin = 0;
  int end = 0;
};

// The runs of non-zero pixels (`nonzero`) or of zero pixels (!`nonzero`) of a CV_8UC1 image, row by row, left to
// right; `line` is the row. Skips eight bytes at a time where nothing changes.
std::vector<PixelRun> row_runs(const cv::Mat& image, bool nonzero = true);

// Labels runs sorted by line, then begin, into connected components: runs on neighbouring lines join when they
// share a column (four-connected) or at least touch at a corner (eight-connected). Returns each run's component,
// numbered 0, 1, … in the order of each component's first run — for row runs, the order of its first pixel in a
// raster scan, as cv::connectedComponents numbers four-connected components.
std::vector<int> connect_runs(std::span<const PixelRun> runs, bool eight_connected, int* count);

}  // namespace intake
