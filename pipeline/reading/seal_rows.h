#pragma once
// Rows of text read out of the blot a grey or black seal makes with what is printed under and beside it (see
// seal_date_lines.h for how a row is found): the date an opinion box or a report's signature has under its seal,
// and an opinion's first line a seal's arc merged with. A date row is never sure enough for ok: a digit the star
// touched can read as another and still fit. Reads with the page reader's engines: one per reader, not
// thread-safe.
#include <optional>
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/page/page_read.h"
#include "ocr/tesseract_engine.h"
#include "pipeline/cleanup/page_cleanup.h"
#include "pipeline/layout/table_grid.h"

namespace intake {

struct SealRow {
  cv::Rect box;   // clean-page pixels
  TextRead read;  // as one line
  TextRead typed; // with the date whitelist its line read asks for
  // The row's band of the page as it is, the seal's marks on the glyphs included: the glyphs a seal's star or
  // lettering touched are not among the row's marks, and so not in `read`.
  TextRead band;
};

class SealRowReader {
 public:
  SealRowReader(const CleanPage& clean, const PageRulings& rulings, TesseractEngine& engine,
                TesseractEngine& cross_check);

  // The date's row inside `seal` — and a little round it: a seal stamped on a ruling has the date on the ruling —
  // whose middle lies in `box`; nullopt when no row reads as part of a date.
  std::optional<SealRow> date_under(const SealMark& seal, const cv::Rect& box, double glyph_height) const;

  // The date's row among all the rows of `box`: a faint seal too broken to be found still merges with the date.
  std::optional<SealRow> date_in(const cv::Rect& box, double glyph_height) const;

  // `line` (a line the finder merged with a seal's arc) as its row of most aligned glyphs, read as one line; the
  // row's box in `row_box`.
  std::optional<OcrText> text_row_in(const cv::Rect& line, double glyph_height, cv::Rect& row_box) const;

 private:
  std::optional<SealRow> first_date_row(const cv::Rect& box, const cv::Rect& around, cv::Point2f centre,
                                        float radius, double glyph_height, std::size_t rows) const;

  const CleanPage& clean_;
  const PageRulings& rulings_;
  TesseractEngine& engine_;
  TesseractEngine& cross_check_;
};

// The height of the printed glyphs among `lines` read in `boxes` (`pad` px round their ink): the median height of
// those read surely with three Chinese characters or more, clear of every seal (a line a seal's arc crosses is
// taller); nullopt when there is none.
std::optional<double> printed_glyph_height(const std::vector<TextRead>& lines, const std::vector<cv::Rect>& boxes,
                                           int pad, const std::vector<SealMark>& seals);

// A 12-point glyph's height at `dpi`: for a page without a line to measure.
double default_glyph_height(int dpi);

// Whether the seal's disc meets `box`.
bool disc_meets(const SealMark& seal, const cv::Rect& box);

}  // namespace intake
