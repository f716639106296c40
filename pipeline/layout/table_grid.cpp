#include "pipeline/layout/table_grid.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

int inches(double value, int dpi) { return std::max(3, static_cast<int>(std::lround(value * dpi))); }

// Marks horizontal runs of ink at least `min_length` long, bridging gaps up to `max_gap` (the pinholes of a 1-bit
// scan). One pass per row: a morphological opening with a 100-pixel kernel costs fifty times more on an A4 page.
cv::Mat long_horizontal_runs(const cv::Mat& ink, int min_length, int max_gap) {
  cv::Mat runs = cv::Mat::zeros(ink.size(), CV_8UC1);
  for (int y = 0; y < ink.rows; ++y) {
    const unsigned char* in = ink.ptr<unsigned char>(y);
    unsigned char* out = runs.ptr<unsigned char>(y);
    int start = -1, last_ink = -1;
    auto close_run = [&] {
      if (start >= 0 && last_ink - start + 1 >= min_length) std::fill(out + start, out + last_ink + 1, 255);
      start = -1;
    };
    for (int x = 0; x < ink.cols; ++x) {
      if (!in[x]) continue;
      if (start >= 0 && x - last_ink - 1 > max_gap) close_run();
      if (start < 0) start = x;
      last_ink = x;
    }
    close_run();
  }
  return runs;
}

cv::Mat long_vertical_runs(const cv::Mat& ink, int min_length, int max_gap) {
  cv::Mat transposed, runs;
  cv::transpose(ink, transposed);
  cv::transpose(long_horizontal_runs(transposed, min_length, max_gap), runs);
  return runs;
}

// Keeps vertical segments whose two ends touch horizontal rulings: the strokes of big characters do not.
cv::Mat anchored_verticals(const cv::Mat& vertical, const cv::Mat& horizontal, int dpi) {
  cv::Mat reach;
  const int tolerance = std::max(3, dpi / 40);  // ~0.6 mm: a ruling that stops short of its neighbour
  cv::dilate(horizontal, reach, cv::getStructuringElement(cv::MORPH_RECT, {tolerance, 2 * tolerance + 1}));
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(vertical, labels, stats, centroids, 8, CV_32S);
  cv::Mat kept = cv::Mat::zeros(vertical.size(), CV_8UC1);
  for (int i = 1; i < count; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const cv::Rect top(x, y, w, std::min(h, tolerance));
    const cv::Rect bottom(x, y + h - std::min(h, tolerance), w, std::min(h, tolerance));
    // Both ends must meet a ruling; a long line needs only one (the other end may have been taken by a seal
    // stamped over the table's edge, or lost to a scanner streak): no character stroke is an inch long.
    const bool top_anchored = cv::countNonZero(reach(top)) > 0;
    const bool bottom_anchored = cv::countNonZero(reach(bottom)) > 0;
    if (!(top_anchored && bottom_anchored) && !((top_anchored || bottom_anchored) && h >= dpi)) continue;
    const cv::Rect box(x, y, w, h);
    kept(box).setTo(255, labels(box) == i);
  }
  return kept;
}

// Boundaries closer than `gap` are one boundary (a ruling is several pixels thick, cells' edges jitter).
std::vector<int> merge_edges(std::vector<int> edges, int gap) {
  std::sort(edges.begin(), edges.end());
  std::vector<int> merged;
  std::vector<int> group;
  auto flush = [&] {
    if (!group.empty()) merged.push_back(group[group.size() / 2]);
    group.clear();
  };
  for (const int edge : edges) {
    if (!group.empty() && edge - group.back() > gap) flush();
    group.push_back(edge);
  }
  flush();
  return merged;
}

int nearest_index(const std::vector<int>& edges, int value) {
  const auto it = std::min_element(edges.begin(), edges.end(),
                                   [&](int a, int b) { return std::abs(a - value) < std::abs(b - value); });
  return static_cast<int>(it - edges.begin());
}

TableGrid grid_of(const cv::Mat& lines, const cv::Rect& bounds, int dpi, const TableOptions& options) {
  TableGrid grid;
  grid.bounds = bounds;
  cv::Mat paper;
  cv::bitwise_not(lines(bounds), paper);
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(paper, labels, stats, centroids, 4, CV_32S);
  const int min_side = inches(options.min_cell_inches, dpi);
  std::vector<int> tops, lefts;
  for (int i = 1; i < count; ++i) {
    cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                 stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    // The paper outside the table's frame touches the bounding box: not a cell.
    if (box.x == 0 || box.y == 0 || box.br().x >= bounds.width || box.br().y >= bounds.height) continue;
    if (box.width < min_side || box.height < min_side) continue;
    // A region that fills little of its box is the space around an unclosed ruling, not a cell.
    if (stats.at<int>(i, cv::CC_STAT_AREA) < 0.6 * box.area()) continue;
    box.x += bounds.x;
    box.y += bounds.y;
    grid.cells.push_back({box});
    tops.push_back(box.y);
    tops.push_back(box.br().y);
    lefts.push_back(box.x);
    lefts.push_back(box.br().x);
  }
  // A ruling (up to ~1 mm with scanner bloom) separates the bottom of one cell from the top of the next; rows
  // and columns are never closer than ~5 mm, so edges within 1.7 mm are one boundary.
  const int gap = std::max(4, dpi / 15);
  grid.row_edges = merge_edges(tops, gap);
  grid.column_edges = merge_edges(lefts, gap);
  for (TableCell& cell : grid.cells) {
    cell.row = nearest_index(grid.row_edges, cell.box.y);
    cell.column = nearest_index(grid.column_edges, cell.box.x);
    cell.row_span = std::max(1, nearest_index(grid.row_edges, cell.box.br().y) - cell.row);
    cell.column_span = std::max(1, nearest_index(grid.column_edges, cell.box.br().x) - cell.column);
  }
  std::sort(grid.cells.begin(), grid.cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  return grid;
}

}  // namespace

PageRulings find_rulings(const cv::Mat& binary, int dpi, const TableOptions& options) {
  CV_Assert(binary.type() == CV_8UC1);
  cv::Mat ink;
  cv::threshold(binary, ink, 127, 255, cv::THRESH_BINARY_INV);
  const int pinhole = 4;
  PageRulings rulings;
  rulings.horizontal = long_horizontal_runs(ink, inches(options.min_horizontal_inches, dpi), pinhole);
  rulings.vertical = anchored_verticals(long_vertical_runs(ink, inches(options.min_vertical_inches, dpi), pinhole),
                                        rulings.horizontal, dpi);
  return rulings;
}

std::vector<TableGrid> tables_from_rulings(const PageRulings& rulings, int dpi, const TableOptions& options) {
  cv::Mat lines;
  cv::bitwise_or(rulings.horizontal, rulings.vertical, lines);
  // Close the small gaps where a vertical ruling stops just short of a horizontal one, or the cell leaks.
  const int reach = std::max(3, dpi / 50);
  cv::Mat joined;
  cv::dilate(lines, joined, cv::getStructuringElement(cv::MORPH_RECT, {reach, reach}));

  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);
  std::vector<TableGrid> tables;
  for (int i = 1; i < count; ++i) {
    const cv::Rect bounds(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                          stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (bounds.width < options.min_table_width_share * joined.cols || bounds.height < dpi / 4) continue;
    cv::Mat own = cv::Mat::zeros(joined.size(), CV_8UC1);
    own(bounds).setTo(255, labels(bounds) == i);
    // The frame closed along the rulings' extent: a table edge broken by a seal or a faint print would otherwise
    // let its edge cells leak into the paper around the table and be lost.
    cv::rectangle(own, bounds, cv::Scalar(255), std::max(1, reach / 2));
    TableGrid grid = grid_of(own, bounds, dpi, options);
    if (!grid.cells.empty()) tables.push_back(std::move(grid));
  }
  std::sort(tables.begin(), tables.end(),
            [](const TableGrid& a, const TableGrid& b) { return a.bounds.y < b.bounds.y; });
  return tables;
}

std::vector<TableGrid> find_tables(const cv::Mat& binary, int dpi, const TableOptions& options) {
  return tables_from_rulings(find_rulings(binary, dpi, options), dpi, options);
}

cv::Mat cell_image(const cv::Mat& page, const PageRulings& rulings, const cv::Rect& box) {
  const cv::Rect inside = box & cv::Rect(0, 0, page.cols, page.rows);
  cv::Mat cell = page(inside).clone();
  cv::Mat lines;
  cv::bitwise_or(rulings.horizontal(inside), rulings.vertical(inside), lines);
  cv::dilate(lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cell.setTo(cell.channels() == 1 ? cv::Scalar(255) : cv::Scalar(255, 255, 255), lines);
  return cell;
}

}  // namespace intake
