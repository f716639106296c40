#pragma once
// What every text source gives back for a region: the Tesseract engine on pixels, the PDF text layer on
// born-digital pages. Extractors see only this, so they never care where the text came from.
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace intake {

struct OcrSymbol {
  std::string text;         // one character (UTF-8)
  double confidence = 0;    // 0..1
  cv::Rect box;             // in the coordinates of the image that was read
};

struct OcrText {
  std::string text;                // lines joined with '\n'; no spaces between CJK characters
  double confidence = 0;           // 0..1: the mean of the symbol confidences (0 when nothing was read)
  double min_confidence = 0;       // the weakest symbol: one doubtful character makes a doubtful value
  std::vector<OcrSymbol> symbols;
  std::string engine;              // e.g. "tesseract 5.3.0 chi_sim", "pdf-text-layer"
};

// How a region is laid out, which decides the page-segmentation mode and the character set.
enum class ReadMode {
  line,       // one line of text: names, units, ranks
  block,      // several lines: long texts, opinions, wrapped values
  character,  // a lone character (性别): single-line mode can drop it
  digits,     // ID numbers, phones, postcodes, counts: digits, X and '-' only
  date,       // digits and 年月日.-/ only
  chinese_date,  // 二〇二六年一月九日: Chinese numerals and 年月日 only, so 〇 cannot come out as O or D
};

}  // namespace intake
