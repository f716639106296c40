#include "pipeline/layout/table_grid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <span>
#include <vector>

#include "pipeline/layout/dashed_rulings.h"
#include "pipeline/layout/run_components.h"

namespace intake {
namespace {

int inches(double value, int dpi) { return std::max(3, static_cast<int>(std::lround(value * dpi))); }

// Marks horizontal runs of ink at least `min_length` long, bridging gaps up to `max_gap` (the pinholes of a 1-bit
// scan). Works on the row runs of the ink: a morphological opening with a 100-pixel kernel costs fifty times more
// on an A4 page. A ruling that a light or 1-bit scan broke into pieces, each a ruling's length, is joined across
// gaps up to `bridge` and `step` rows apart: text makes no such pieces, so joining them adds no false ruling.
cv::Mat long_horizontal_runs(std::span<const PixelRun> ink, cv::Size size, int min_length, int max_gap, int bridge,
                             int step) {
  cv::Mat pieces = cv::Mat::zeros(size, CV_8UC1);
  for (std::size_t i = 0; i < ink.size();) {
    const PixelRun first = ink[i];
    int end = first.end;
    for (++i; i < ink.size() && ink[i].line == first.line && ink[i].begin - end <= max_gap; ++i) end = ink[i].end;
    if (end - first.begin >= min_length) {
      unsigned char* row = pieces.ptr<unsigned char>(first.line);
      std::fill(row + first.begin, row + end, 255);
    }
  }
  if (bridge <= 0) return pieces;
  cv::Mat joined;
  cv::morphologyEx(pieces, joined, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {bridge + 1, 2 * step + 1}));
  cv::Mat runs = cv::Mat::zeros(size, CV_8UC1);
  for (const PixelRun& run : row_runs(joined))
    if (run.end - run.begin >= min_length) {
      unsigned char* row = runs.ptr<unsigned char>(run.line);
      std::fill(row + run.begin, row + run.end, 255);
    }
  return runs;
}

// The same runs down the columns, as column runs (`line` is x), sorted by column: one pass over the row runs
// with a run open per column, instead of transposing the page there and back. Each row run counts `widen` pixels
// wider on both sides: a thin ruling turned by deskewing steps from column to column, and only a widened column
// holds it whole.
std::vector<PixelRun> long_vertical_runs(std::span<const PixelRun> ink, cv::Size size, int min_length, int max_gap,
                                         int widen) {
  std::vector<int> start(static_cast<std::size_t>(size.width), -1), last(static_cast<std::size_t>(size.width), -1);
  std::vector<PixelRun> runs;
  auto close_run = [&](int x) {
    if (last[x] - start[x] + 1 >= min_length) runs.push_back({x, start[x], last[x] + 1});
    start[x] = -1;
  };
  for (const PixelRun& run : ink)
    for (int x = std::max(0, run.begin - widen); x < std::min(size.width, run.end + widen); ++x) {
      if (start[x] >= 0 && run.line - last[x] - 1 > max_gap) close_run(x);
      if (start[x] < 0) start[x] = run.line;
      last[x] = run.line;
    }
  for (int x = 0; x < size.width; ++x)
    if (start[x] >= 0) close_run(x);
  std::sort(runs.begin(), runs.end(), [](const PixelRun& a, const PixelRun& b) {
    return a.line != b.line ? a.line < b.line : a.begin < b.begin;
  });
  return runs;
}

struct Region {
  cv::Rect box;
  long long area = 0;
};

// Bounding box and pixel count of each of `count` components of `runs`, labelled by connect_runs. Runs taken
// `along_columns` have x as their line.
std::vector<Region> regions_of(std::span<const PixelRun> runs, std::span<const int> label, int count,
                               bool along_columns) {
  std::vector<Region> regions(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const PixelRun& run = runs[i];
    const cv::Rect box = along_columns ? cv::Rect(run.line, run.begin, 1, run.end - run.begin)
                                       : cv::Rect(run.begin, run.line, run.end - run.begin, 1);
    Region& region = regions[static_cast<std::size_t>(label[i])];
    region.box = region.area == 0 ? box : (region.box | box);
    region.area += run.end - run.begin;
  }
  return regions;
}

// Whether cv::dilate(horizontal, kernel {tolerance wide, 2 * tolerance + 1 high}) would put ink in `box`: some
// horizontal ruling pixel lies in `box` grown by the kernel's extent about its anchor (tolerance / 2, tolerance).
// Asked of a few boxes, so the page is never dilated.
bool reached(const cv::Mat& horizontal, cv::Rect box, int tolerance) {
  const cv::Rect grown(box.x - tolerance / 2, box.y - tolerance, box.width + tolerance - 1, box.height + 2 * tolerance);
  return cv::countNonZero(horizontal(grown & cv::Rect(0, 0, horizontal.cols, horizontal.rows))) > 0;
}

// How far a ruling may stop short of the one it meets: ~0.6 mm.
int meeting_tolerance(int dpi) { return std::max(3, dpi / 40); }

// Keeps vertical segments (eight-connected groups of `columns`, column runs) whose two ends touch horizontal
// rulings: the strokes of big characters do not.
cv::Mat anchored_verticals(std::span<const PixelRun> columns, const cv::Mat& horizontal, int dpi) {
  const int tolerance = meeting_tolerance(dpi);
  int count = 0;
  const std::vector<int> label = connect_runs(columns, true, &count);
  const std::vector<Region> segments = regions_of(columns, label, count, true);
  std::vector<bool> keep(segments.size());
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto [x, y, w, h] = segments[i].box;
    const cv::Rect top(x, y, w, std::min(h, tolerance));
    const cv::Rect bottom(x, y + h - std::min(h, tolerance), w, std::min(h, tolerance));
    // Both ends must meet a ruling; a long line needs only one (the other end may have been taken by a seal
    // stamped over the table's edge, or lost to a scanner streak): no character stroke is an inch long.
    const bool top_anchored = reached(horizontal, top, tolerance);
    const bool bottom_anchored = reached(horizontal, bottom, tolerance);
    keep[i] = (top_anchored && bottom_anchored) || ((top_anchored || bottom_anchored) && h >= dpi);
  }
  cv::Mat kept = cv::Mat::zeros(horizontal.size(), CV_8UC1);
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (keep[static_cast<std::size_t>(label[i])])
      for (int y = columns[i].begin; y < columns[i].end; ++y) kept.at<unsigned char>(y, columns[i].line) = 255;
  return kept;
}

// Drops the horizontal pieces shorter than `min_length` that meet no vertical ruling: the top strokes of a line of
// text, where they align (三级主任科员's 三, 级, 主, 任 in a sans face), bridged into a run as long as a narrow
// cell's edge. Such a piece bounds no cell, and taken for a ruling it is wiped from the cell's image: 三 became 二.
void drop_stray_horizontals(cv::Mat& horizontal, const cv::Mat& vertical, int min_length, int tolerance) {
  const std::vector<PixelRun> runs = row_runs(horizontal);
  int count = 0;
  const std::vector<int> label = connect_runs(runs, true, &count);
  const std::vector<Region> pieces = regions_of(runs, label, count, false);
  const cv::Rect page(0, 0, vertical.cols, vertical.rows);
  std::vector<bool> stray(pieces.size());
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const cv::Rect box = pieces[i].box;
    const cv::Rect grown(box.x - tolerance, box.y - tolerance, box.width + 2 * tolerance, box.height + 2 * tolerance);
    stray[i] = box.width < min_length && cv::countNonZero(vertical(grown & page)) == 0;
  }
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (stray[static_cast<std::size_t>(label[i])])
      horizontal.row(runs[i].line).colRange(runs[i].begin, runs[i].end).setTo(0);
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

// A cell whose paper leaked through a gap in a ruling into a sliver beside other cells (a doubled frame line on
// a 1-bit scan) has a box round them all: cut it to the largest part of its box clear of the cells inside it.
void clip_leaked_cells(std::vector<TableCell>& cells) {
  for (TableCell& cell : cells) {
    std::vector<cv::Rect> inside;
    for (const TableCell& other : cells)
      if (&other != &cell && (other.box & cell.box) == other.box) inside.push_back(other.box);
    if (inside.empty()) continue;
    const cv::Rect& box = cell.box;
    int top = box.y, bottom = box.br().y, left = box.x, right = box.br().x;
    for (const cv::Rect& other : inside) {
      top = std::max(top, other.br().y), bottom = std::min(bottom, other.y);
      left = std::max(left, other.br().x), right = std::min(right, other.x);
    }
    const std::array<cv::Rect, 4> parts{cv::Rect(box.x, top, box.width, box.br().y - top),
                                        cv::Rect(box.x, box.y, box.width, bottom - box.y),
                                        cv::Rect(left, box.y, box.br().x - left, box.height),
                                        cv::Rect(box.x, box.y, right - box.x, box.height)};
    cv::Rect clear;
    for (const cv::Rect& part : parts)
      if (part.width > 0 && part.height > 0 && part.area() > clear.area()) clear = part;
    cell.box = clear;
  }
  std::erase_if(cells, [](const TableCell& cell) { return cell.box.area() == 0; });
}

// `lines`: the table's rulings inside `bounds` (bounds-sized, 255 on a ruling). Its cells are the four-connected
// regions of paper the rulings enclose, in the order of their first pixel.
TableGrid grid_of(const cv::Mat& lines, const cv::Rect& bounds, int dpi, const TableOptions& options) {
  TableGrid grid;
  grid.bounds = bounds;
  const std::vector<PixelRun> paper = row_runs(lines, false);
  int count = 0;
  const std::vector<int> label = connect_runs(paper, false, &count);
  const int min_side = inches(options.min_cell_inches, dpi);
  for (const Region& region : regions_of(paper, label, count, false)) {
    cv::Rect box = region.box;
    // The paper outside the table's frame touches the bounding box: not a cell.
    if (box.x == 0 || box.y == 0 || box.br().x >= bounds.width || box.br().y >= bounds.height) continue;
    if (box.width < min_side || box.height < min_side) continue;
    // A region that fills little of its box is the space around an unclosed ruling, not a cell.
    if (region.area < 0.6 * box.area()) continue;
    box.x += bounds.x;
    box.y += bounds.y;
    grid.cells.push_back({box});
  }
  clip_leaked_cells(grid.cells);
  std::vector<int> tops, lefts;
  for (const TableCell& cell : grid.cells) {
    tops.push_back(cell.box.y);
    tops.push_back(cell.box.br().y);
    lefts.push_back(cell.box.x);
    lefts.push_back(cell.box.br().x);
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
  const std::vector<PixelRun> ink_runs = row_runs(ink);
  const int pinhole = 4;
  const int step = std::max(1, dpi / 200);  // a deskewed ruling's step: one pixel at 200 dpi
  PageRulings rulings;
  const int bridge = std::max(pinhole, dpi / 10);  // 2.5 mm
  // Rows of ink thickened by a step up and down, so a ruling deskewing turned into a staircase is one run per row.
  cv::Mat thickened;
  cv::dilate(ink, thickened, cv::getStructuringElement(cv::MORPH_RECT, {1, 2 * step + 1}));
  rulings.horizontal = long_horizontal_runs(row_runs(thickened), ink.size(), inches(options.min_horizontal_inches, dpi),
                                            pinhole, bridge, step);
  const std::vector<PixelRun> columns =
      long_vertical_runs(ink_runs, ink.size(), inches(options.min_vertical_inches, dpi), pinhole, step);
  // Rulings a faint scan broke into dashes: the horizontal ones first, which gives the vertical ones their anchors.
  // A dashed horizontal ruling may end on a vertical one that has no anchor yet: its other end is dashed too.
  cv::Mat vertical_strokes = cv::Mat::zeros(ink.size(), CV_8UC1);
  for (const PixelRun& run : columns) vertical_strokes.col(run.line).rowRange(run.begin, run.end).setTo(255);
  continue_dashed_horizontals(rulings.horizontal, vertical_strokes, ink, dpi);
  rulings.vertical = anchored_verticals(columns, rulings.horizontal, dpi);
  continue_dashed_verticals(rulings.vertical, rulings.horizontal, ink, dpi);
  drop_stray_horizontals(rulings.horizontal, rulings.vertical, inches(options.min_free_horizontal_inches, dpi),
                         meeting_tolerance(dpi));
  // Back to the rulings' own ink, and the bridges over their gaps: the thickening found them, but a cell image
  // wipes what the mask covers, and text set close to a ruling would lose its edge. A mask pixel stays when it is
  // ink, or when no ink is a step away (a bridged gap).
  cv::Mat widened;
  cv::dilate(ink, widened, cv::getStructuringElement(cv::MORPH_RECT, {2 * step + 1, 1}));
  rulings.horizontal &= ink | ~thickened;
  rulings.vertical &= ink | ~widened;
  return rulings;
}

std::vector<TableGrid> tables_from_rulings(const PageRulings& rulings, int dpi, const TableOptions& options) {
  cv::Mat lines;
  cv::bitwise_or(rulings.horizontal, rulings.vertical, lines);
  // Close the small gaps where a vertical ruling stops just short of a horizontal one, or the cell leaks.
  const int reach = std::max(3, dpi / 50);
  cv::Mat joined;
  cv::dilate(lines, joined, cv::getStructuringElement(cv::MORPH_RECT, {reach, reach}));

  const std::vector<PixelRun> runs = row_runs(joined);
  int count = 0;
  const std::vector<int> label = connect_runs(runs, true, &count);
  const std::vector<Region> regions = regions_of(runs, label, count, false);
  std::vector<TableGrid> tables;
  for (int i = 0; i < count; ++i) {
    const cv::Rect bounds = regions[static_cast<std::size_t>(i)].box;
    if (bounds.width < options.min_table_width_share * joined.cols || bounds.height < dpi / 4) continue;
    // The table's own lines, in a bounds-sized image: never a page-sized one per table.
    cv::Mat own = cv::Mat::zeros(bounds.size(), CV_8UC1);
    for (std::size_t r = 0; r < runs.size(); ++r)
      if (label[r] == i) {
        unsigned char* row = own.ptr<unsigned char>(runs[r].line - bounds.y);
        std::fill(row + runs[r].begin - bounds.x, row + runs[r].end - bounds.x, 255);
      }
    // The frame closed along the rulings' extent: a table edge broken by a seal or a faint print would otherwise
    // let its edge cells leak into the paper around the table and be lost.
    cv::rectangle(own, cv::Rect(cv::Point(), bounds.size()), cv::Scalar(255), std::max(1, reach / 2));
    TableGrid grid = grid_of(own, bounds, dpi, options);
    if (!grid.cells.empty()) tables.push_back(std::move(grid));
  }
  // Top to bottom, then left to right: a total order, so the result does not hang on how components are numbered.
  std::sort(tables.begin(), tables.end(), [](const TableGrid& a, const TableGrid& b) {
    return a.bounds.y != b.bounds.y ? a.bounds.y < b.bounds.y : a.bounds.x < b.bounds.x;
  });
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
