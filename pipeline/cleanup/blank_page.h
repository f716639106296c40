#pragma once
// Blank pages: the back sides of duplex scans and empty sheets, which should cost no OCR and produce no
// findings. Judged on the cleaned page, after border painting and flattening, from marks that are both dark and
// glyph-sized, so scanner noise, leftover shadow and the faint mirror image of the front side do not count.
#include <opencv2/core.hpp>

namespace intake {

struct BlankOptions {
  // Flattened grey darker than this is real ink. Show-through from the front side and pencil-grey noise stay
  // above ~180 on flattened paper; ballpoint and print are far below.
  int dark_level = 160;
  // A mark counts when its larger side reaches this (a stroke of a 五号 character is ~3 mm; dust is < 0.5 mm).
  double min_mark_mm = 1.2;
  // Fewer marks than this (a hair, a hole-punch edge, a fold) is still blank; one short line of text is not.
  int min_marks = 3;
  // ... and the dark ink must cover less than this share of the page.
  double max_ink_fraction = 0.002;
  // A straight run this long is a ruling: a page with an empty table is a form, never blank.
  double ruling_mm = 30;
  // Marks within this distance of the page's edge are not content: A4 print keeps 15 mm and more, and the edges
  // are where scanner borders, lid shadow remnants and punch holes sit.
  double edge_margin_mm = 4;
  // Resolution of the mark count: fine enough (≥ 150 dpi) that the 0.3–0.6 mm between neighbouring glyphs stays
  // open, so three characters count as three marks.
  double analysis_dpi = 200;
};

struct BlankVerdict {
  bool blank = false;
  int marks = 0;            // dark, glyph-sized components
  double ink_fraction = 0;  // share of the page that is dark ink
  bool rulings = false;
};

// `grey`: flattened CV_8UC1 page (paper ~255) at `dpi`.
BlankVerdict assess_blank(const cv::Mat& grey, double dpi, const BlankOptions& options = {});

}  // namespace intake
