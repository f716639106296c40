#include "pipeline/cleanup/blank_page.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/ink.h"

namespace intake {

BlankVerdict assess_blank(const cv::Mat& grey, double dpi, const BlankOptions& options) {
  CV_Assert(grey.type() == CV_8UC1);
  BlankVerdict verdict;
  if (grey.empty()) {
    verdict.blank = true;
    return verdict;
  }
  cv::Mat dark;
  cv::compare(grey, options.dark_level, dark, cv::CMP_LT);
  const int margin = static_cast<int>(options.edge_margin_mm * px_per_mm(dpi));
  if (2 * margin < std::min(dark.rows, dark.cols)) {
    dark.rowRange(0, margin).setTo(0);
    dark.rowRange(dark.rows - margin, dark.rows).setTo(0);
    dark.colRange(0, margin).setTo(0);
    dark.colRange(dark.cols - margin, dark.cols).setTo(0);
  }
  verdict.ink_fraction = cv::countNonZero(dark) / static_cast<double>(dark.total());
  // OR-pool to the analysis resolution (a speck stays a dot).
  const ReducedImage reduced = reduce_to_dpi(dark, dpi, options.analysis_dpi);
  const cv::Mat marks = reduced.image > 0;
  cv::Mat labels, stats;
  const int count = label_components(marks, labels, stats);
  const double min_side = options.min_mark_mm * px_per_mm(reduced.dpi);
  for (int i = 1; i < count; ++i)
    if (std::max(stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)) >= min_side)
      ++verdict.marks;
  verdict.rulings = cv::countNonZero(long_runs(marks, reduced.dpi, options.ruling_mm, true)) > 0 ||
                    cv::countNonZero(long_runs(marks, reduced.dpi, options.ruling_mm, false)) > 0;
  verdict.blank =
      verdict.marks < options.min_marks && verdict.ink_fraction < options.max_ink_fraction && !verdict.rulings;
  return verdict;
}

}  // namespace intake
