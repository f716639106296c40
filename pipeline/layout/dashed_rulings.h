#pragma once
// A thin ruling on a light or 1-bit scan comes out as dashes: pieces far shorter than any ruling, with gaps wider
// than a pinhole. Found alone, they are no ruling, and the cells on both sides of one become a single cell. From
// each end of a ruling already found, the ruling is followed through such dashes along its own rows until it meets
// a ruling across it; text never lies on a ruling's rows in thin dashes that lead from one ruling to another.
#include <opencv2/core.hpp>

namespace intake {

// `horizontal`: the horizontal rulings found (255), continued in place. `vertical`: the rulings they may end on.
// `ink`: the page's ink (255).
void continue_dashed_horizontals(cv::Mat& horizontal, const cv::Mat& vertical, const cv::Mat& ink, int dpi);
// The same down the columns.
void continue_dashed_verticals(cv::Mat& vertical, const cv::Mat& horizontal, const cv::Mat& ink, int dpi);

}  // namespace intake
