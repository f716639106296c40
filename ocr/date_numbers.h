#pragma once
// The numbers of an Arabic date line (2026年1月9日, 1992年6月) read by a digit model. chi_sim reads a lone digit
// under a seal's residue or in a 1-bit scan's broken strokes as another (9 as 0, 1 as I, 5 as 2), and its
// second model does the same; Tesseract's Latin model reads those digits right, but knows no 年, 月 or 日. So the
// line is cut at its marks — the glyphs an em wide, where digits are half an em — and each run of digits between
// them is read by the digit model alone.
#include <optional>

#include <opencv2/core.hpp>

#include "ocr/tesseract_engine.h"
#include "ocr/text_source.h"

namespace intake {

// A cut of one date line: the column ranges of its digit runs, and of the marks after them.
struct DateLineCut {
  std::vector<cv::Range> numbers;  // year, month[, day]
  std::vector<cv::Range> marks;    // 年, 月[, 日]: one after each number but perhaps the last
  int em = 0;                      // the widest glyph's width (年), in pixels
};

// `binary`: the line, ink dark on white paper. Two or three digit runs, each but the last (or each) followed by
// a mark; nullopt when the glyphs do not fall into that shape (a seal stroke through the line, a dotted date).
// `ends_with_day_mark`: the line's read ends with 日, so its last glyph is that mark however narrow.
std::optional<DateLineCut> cut_date_line(const cv::Mat& binary, bool ends_with_day_mark);

// The line read as 2026年1月9日 (or 1992年6月) from its digit runs, each read by `digits` on `grey`; nullopt when
// the line does not cut into a date's shape or a run reads as no number of its place (a year of other than four
// digits, a month or day of more than two).
std::optional<OcrText> read_date_numbers(TesseractEngine& digits, const cv::Mat& grey, const cv::Mat& binary,
                                         int dpi, bool ends_with_day_mark);

}  // namespace intake
