#include "pipeline/reading/seal_date_lines.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// A glyph's ink is 0.3–1.25 of the glyph height tall (一 and the full stop are lower still and are not needed to
// find the row) and at most 1.5 of it wide; the seal's lettering is larger and its star larger again.
constexpr double least_mark_height = 0.3;
constexpr double most_mark_height = 1.25;
constexpr double most_mark_width = 1.5;
// Bottoms within this share of the glyph height lie on one baseline (a 1-bit scan's ragged edges).
constexpr double baseline_tolerance = 0.15;
// A row's marks lie inside the ring, and the row is read this far past its outer marks (digits that touched the
// lettering are not among the marks; 日 at the ring still may be).
constexpr double inside_ring = 1.1;
constexpr double row_margin = 1.5;
// A row is this share of the glyph height above its baseline: a Chinese glyph, and little room for the lettering's
// fragments above it.
constexpr double row_height = 1.1;
constexpr int least_marks = 3;
// Ink smaller than this share of the glyph height every way is a speck of the seal's grain, not a stroke (a full
// stop is about a fifth).
constexpr double least_speck_side = 0.12;

struct Mark {
  cv::Rect box;
  int label = 0;
};

bool no_larger_than_glyph(const cv::Rect& box, double glyph_height) {
  return box.height <= most_mark_height * glyph_height && box.width <= most_mark_width * glyph_height;
}

bool mark_sized(const cv::Rect& box, double glyph_height) {
  return box.height >= least_mark_height * glyph_height && no_larger_than_glyph(box, glyph_height);
}

int bottom(const cv::Rect& box) { return box.y + box.height; }

}  // namespace

std::vector<SealDateLine> seal_date_lines(const cv::Mat& binary, cv::Point2f centre, float radius,
                                          double glyph_height, std::size_t most) {
  std::vector<SealDateLine> lines;
  if (binary.empty() || glyph_height <= 0 || radius <= 0) return lines;
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(binary < 128, labels, stats, centroids, 8, CV_32S);
  std::vector<Mark> all, inside;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    all.push_back({box, i});
    const cv::Point2f middle(box.x + box.width / 2.f, box.y + box.height / 2.f);
    if (mark_sized(box, glyph_height) && cv::norm(middle - centre) <= inside_ring * radius) inside.push_back({box, i});
  }

  // Baselines by how many marks sit on them, most first; one baseline per row.
  const double tolerance = baseline_tolerance * glyph_height;
  std::vector<std::pair<int, int>> baselines;  // marks, bottom
  for (const Mark& anchor : inside) {
    const int marks = static_cast<int>(std::count_if(inside.begin(), inside.end(), [&](const Mark& mark) {
      return std::abs(bottom(mark.box) - bottom(anchor.box)) <= tolerance;
    }));
    if (marks >= least_marks) baselines.emplace_back(marks, bottom(anchor.box));
  }
  std::sort(baselines.begin(), baselines.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<int> rows;
  for (const auto& [marks, row_bottom] : baselines) {
    const bool taken = std::any_of(rows.begin(), rows.end(),
                                   [&](int row) { return std::abs(row - row_bottom) <= 2 * glyph_height / 3; });
    if (!taken) rows.push_back(row_bottom);
    if (rows.size() >= most) break;
  }

  const cv::Rect image(0, 0, binary.cols, binary.rows);
  for (const int row_bottom : rows) {
    int left = std::numeric_limits<int>::max(), right = 0;
    for (const Mark& mark : inside)
      if (std::abs(bottom(mark.box) - row_bottom) <= tolerance)
        left = std::min(left, mark.box.x), right = std::max(right, mark.box.x + mark.box.width);
    const int margin = static_cast<int>(row_margin * glyph_height);
    const int top = row_bottom - static_cast<int>(std::lround(row_height * glyph_height));
    const cv::Rect box = cv::Rect(left - margin, top, right - left + 2 * margin,
                                  row_bottom + static_cast<int>(tolerance) + 1 - top) & image;
    if (box.area() == 0) continue;
    SealDateLine line{box, cv::Mat(box.size(), CV_8U, cv::Scalar(255))};
    // Every mark of glyph size lying within the row, including those outside the ring (日 past it) and the low ones
    // (一, 。) that did not count for the baseline; specks are left out.
    for (const Mark& mark : all) {
      const bool speck = std::max(mark.box.width, mark.box.height) < least_speck_side * glyph_height;
      if ((mark.box & box) != mark.box || !no_larger_than_glyph(mark.box, glyph_height) || speck) continue;
      const cv::Mat ink = labels(mark.box) == mark.label;
      line.binary(mark.box - box.tl()).setTo(0, ink);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace intake
