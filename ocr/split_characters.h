#pragma once
// One Chinese character read as two (鑫 as 人多, 颖 as 上颖): the LSTM model sometimes splits a character it does not
// know well into halves it does, each read with high confidence, and a name comes out one character longer and
// still "sure". Chinese type sets every character in a square em, so a line of n characters is about n ems wide
// (more with letter spacing, never less): a read with more characters than the line's ink has room for split one.
// The symbols' own boxes cannot tell which: the LSTM model places them only roughly (one glyph's box 26 px wide,
// its neighbour's 114, in one line of one size).
#include <opencv2/core.hpp>

#include "ocr/text_source.h"

namespace intake {

struct SplitCharacterOptions {
  // Characters a line may hold beyond its width in ems: the ink of the first and last character stops short of
  // their em (side bearings), and a line without tall characters looks a little lower than its em.
  double slack_characters = 0.6;
  double slack_share = 0.05;
  // The confidence a read with too many characters is given at most: below every ok threshold, so it goes to review.
  double doubtful_confidence = 0.3;
};

// How many ems wide the ink of one text line is: its width over its height. `region`: grey or binary, dark text on
// light paper, as it was handed to OCR. 0 when the region holds no ink.
double line_width_in_ems(const cv::Mat& region);

// Whether `text`, read from one line `ems` wide, holds more characters than fit: Han characters and full-width
// marks count one em, digits, Latin letters and half-width marks half.
bool more_characters_than_room(const OcrText& text, double ems, const SplitCharacterOptions& options = {});

// Caps the confidences of a read of one line that holds more characters than fit (all of it: the split cannot be
// placed). Returns whether it did.
bool doubt_split_characters(OcrText& text, const cv::Mat& region, const SplitCharacterOptions& options = {});

}  // namespace intake
