#include "ocr/upright_scorer.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Han characters, digits and the full-width marks between them: what the lines of a Chinese form are made of.
// Read upside down, they come back as doubtful characters, Latin letters and ASCII signs. The marks count: 同意推荐。
// read right scored 0.79 for its 。, below the 0.92 of its half turn read as five doubtful characters.
bool counts_as_read(const OcrSymbol& symbol, double min_confidence) {
  const std::u32string chars = utf8_decode(symbol.text);
  return symbol.confidence >= min_confidence && chars.size() == 1 &&
         (is_cjk_text(chars[0]) || is_ascii_digit(chars[0]));
}

double upright_score(const OcrText& read, double min_confidence) {
  if (read.symbols.empty()) return 0;
  const auto read_well = std::count_if(read.symbols.begin(), read.symbols.end(),
                                       [&](const OcrSymbol& symbol) { return counts_as_read(symbol, min_confidence); });
  return read.confidence * static_cast<double>(read_well) / static_cast<double>(read.symbols.size());
}

cv::Mat middle_of(const cv::Mat& strip, double max_length_ratio) {
  const int longest = static_cast<int>(max_length_ratio * strip.rows);
  if (max_length_ratio <= 0 || strip.cols <= longest) return strip;
  return strip(cv::Rect((strip.cols - longest) / 2, 0, longest, strip.rows));
}

}  // namespace

UprightScorer make_upright_scorer(TesseractEngine& engine, int dpi, const UprightScorerOptions& options) {
  return [&engine, dpi, options](const cv::Mat& grey) {
    if (grey.empty()) return 0.0;
    cv::Mat strip = middle_of(grey, options.max_length_ratio);
    int strip_dpi = dpi;
    if (options.read_dpi > 0 && dpi > options.read_dpi) {
      const double scale = options.read_dpi / dpi;
      cv::resize(strip, strip, cv::Size(), scale, scale, cv::INTER_AREA);
      strip_dpi = static_cast<int>(options.read_dpi);
    }
    return upright_score(engine.read(strip, strip_dpi, ReadMode::line), options.min_symbol_confidence);
  };
}

}  // namespace intake
