#include "ocr/split_characters.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Rows or columns with fewer inked pixels than this are specks or the anti-aliased fringe, not the line.
constexpr int min_ink_per_row = 2;

std::pair<int, int> inked_extent(const cv::Mat& counts) {
  int first = -1, last = -1;
  for (int i = 0; i < static_cast<int>(counts.total()); ++i)
    if (counts.at<int>(i) >= min_ink_per_row) {
      if (first < 0) first = i;
      last = i;
    }
  return {first, last};
}

// Digits, Latin letters, half-width marks and “” ‘’ — … (narrow ink beside Chinese) count half an em.
double character_width(char32_t c) { return is_cjk_text(c) ? 1.0 : 0.5; }

}  // namespace

double line_width_in_ems(const cv::Mat& region) {
  if (region.empty()) return 0;
  cv::Mat grey = region;
  if (region.channels() == 3) cv::cvtColor(region, grey, cv::COLOR_BGR2GRAY);
  cv::Mat ink;
  cv::threshold(grey, ink, 0, 1, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat rows, columns;
  cv::reduce(ink, rows, 1, cv::REDUCE_SUM, CV_32S);
  cv::reduce(ink, columns, 0, cv::REDUCE_SUM, CV_32S);
  const auto [top, bottom] = inked_extent(rows);
  const auto [left, right] = inked_extent(columns);
  if (top < 0 || left < 0 || bottom <= top) return 0;
  return static_cast<double>(right - left + 1) / (bottom - top + 1);
}

bool more_characters_than_room(const OcrText& text, double ems, const SplitCharacterOptions& options) {
  if (ems <= 0) return false;
  double width = 0;
  for (const char32_t c : utf8_decode(text.text))
    if (!is_space(c) && c != U'\n') width += character_width(c);
  return width > ems + options.slack_characters + options.slack_share * ems;
}

bool doubt_split_characters(OcrText& text, const cv::Mat& region, const SplitCharacterOptions& options) {
  if (text.symbols.empty() || !more_characters_than_room(text, line_width_in_ems(region), options)) return false;
  double sum = 0;
  for (OcrSymbol& symbol : text.symbols) {
    symbol.confidence = std::min(symbol.confidence, options.doubtful_confidence);
    sum += symbol.confidence;
  }
  text.confidence = sum / static_cast<double>(text.symbols.size());
  text.min_confidence = std::min(text.min_confidence, options.doubtful_confidence);
  return true;
}

}  // namespace intake
