#pragma once
// Finds ruled tables on an upright binary page and builds their cell grid, merged cells included. Cells come from
// the paper regions the rulings enclose, so a merged cell is simply a larger region: no template, no fixed
// coordinates (forms are filled in Word, and their rows and columns move).
#include <vector>

#include <opencv2/core.hpp>

namespace intake {

struct TableCell {
  cv::Rect box;        // inside the rulings, in page pixels
  int row = 0;         // index of the row boundary at the cell's top
  int column = 0;      // index of the column boundary at its left
  int row_span = 1;
  int column_span = 1;
};

struct TableGrid {
  cv::Rect bounds;
  std::vector<int> row_edges;     // y of every horizontal boundary, top to bottom
  std::vector<int> column_edges;  // x of every vertical boundary, left to right
  std::vector<TableCell> cells;   // in reading order: by row, then column
};

struct TableOptions {
  // A horizontal ruling is ink at least this long (inches): longer than any stroke of a 小四 character, shorter
  // than the narrowest cell of the annex forms.
  double min_horizontal_inches = 0.4;
  // One that meets no vertical ruling is at least this long: shorter, it is the aligned strokes of a line of text.
  double min_free_horizontal_inches = 1.0;
  // Vertical rulings may be as short as a one-line row (~8 mm), so they are shorter than that, and must meet a
  // horizontal ruling at both ends to count, which tells them from the strokes of large title characters.
  double min_vertical_inches = 0.2;
  // A cell narrower or lower than this (inches) is the gap of a double ruling, not a cell.
  double min_cell_inches = 0.08;
  // A table spans at least this share of the page width.
  double min_table_width_share = 0.3;
};

struct PageRulings {
  cv::Mat horizontal;  // 255 where a horizontal ruling is
  cv::Mat vertical;    // 255 where a vertical ruling is
};

// `binary`: CV_8UC1, 0 = ink, 255 = paper.
PageRulings find_rulings(const cv::Mat& binary, int dpi, const TableOptions& options = {});
std::vector<TableGrid> find_tables(const cv::Mat& binary, int dpi, const TableOptions& options = {});
std::vector<TableGrid> tables_from_rulings(const PageRulings& rulings, int dpi, const TableOptions& options = {});

// The cell's pixels ready for OCR: the rulings painted paper-white (they wreck chi_sim), cropped to the cell.
cv::Mat cell_image(const cv::Mat& page, const PageRulings& rulings, const cv::Rect& box);

}  // namespace intake
