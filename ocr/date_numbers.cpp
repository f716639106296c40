#include "ocr/date_numbers.h"

#include <algorithm>
#include <limits>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// A glyph at least this share of the widest glyph's width is a mark: the widest is 年 (an em), 月 is about four
// fifths of it and a digit half. 日 is as narrow as a digit: it is told by the line's read instead.
constexpr double mark_width = 0.65;
// Ink lower than this share of the line's ink height is a full stop, a comma or a speck, no digit and no mark.
constexpr double least_glyph_height = 0.35;

struct Glyph {
  int begin = 0, end = 0;  // columns
  int top = 0, bottom = 0;  // rows with ink
  bool mark = false;
};

// The ink of `binary` without specks: components too small to be part of a digit.
cv::Mat ink_without_specks(const cv::Mat& binary) {
  cv::Mat ink = binary < 128;
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int least_area = std::max(3, binary.rows * binary.rows / 400);
  std::vector<unsigned char> keep(static_cast<std::size_t>(count), 0);
  for (int i = 1; i < count; ++i) keep[static_cast<std::size_t>(i)] = stats.at<int>(i, cv::CC_STAT_AREA) >= least_area;
  cv::Mat kept(ink.size(), CV_8U);
  for (int y = 0; y < ink.rows; ++y)
    for (int x = 0; x < ink.cols; ++x)
      kept.at<unsigned char>(y, x) = keep[static_cast<std::size_t>(labels.at<int>(y, x))] ? 255 : 0;
  return kept;
}

// Column runs of ink. A digit whose thin arcs broke (0) is two runs, both narrow, so it stays among the digits.
std::vector<Glyph> glyphs_of(const cv::Mat& ink) {
  std::vector<Glyph> glyphs;
  for (int x = 0; x < ink.cols; ++x) {
    if (cv::countNonZero(ink.col(x)) == 0) continue;
    if (!glyphs.empty() && glyphs.back().end == x) {
      glyphs.back().end = x + 1;
    } else {
      glyphs.push_back({x, x + 1});
    }
  }
  for (Glyph& glyph : glyphs) {
    const cv::Rect box = cv::boundingRect(ink.colRange(glyph.begin, glyph.end));
    glyph.top = box.y;
    glyph.bottom = box.y + box.height;
  }
  return glyphs;
}

int ink_height(const cv::Mat& ink) {
  const cv::Rect box = cv::boundingRect(ink);
  return box.height;
}

}  // namespace

std::optional<DateLineCut> cut_date_line(const cv::Mat& binary, bool ends_with_day_mark) {
  if (binary.empty()) return std::nullopt;
  const cv::Mat ink = ink_without_specks(binary);
  const int height = ink_height(ink);
  if (height < 8) return std::nullopt;
  std::vector<Glyph> glyphs = glyphs_of(ink);
  std::erase_if(glyphs, [&](const Glyph& g) { return g.bottom - g.top < least_glyph_height * height; });
  if (glyphs.empty()) return std::nullopt;
  int widest = 0;
  for (const Glyph& glyph : glyphs) widest = std::max(widest, glyph.end - glyph.begin);
  for (Glyph& glyph : glyphs) glyph.mark = glyph.end - glyph.begin >= mark_width * widest;
  if (ends_with_day_mark) glyphs.back().mark = true;

  DateLineCut cut;
  cut.em = widest;
  std::optional<cv::Range> run;
  for (const Glyph& glyph : glyphs) {
    if (glyph.mark) {
      if (!run) return std::nullopt;  // a mark with no number before it
      cut.numbers.push_back(*run);
      cut.marks.emplace_back(glyph.begin, glyph.end);
      run.reset();
      continue;
    }
    if (cut.marks.size() == 3) return std::nullopt;  // digits after 日
    run = run ? cv::Range(run->start, glyph.end) : cv::Range(glyph.begin, glyph.end);
  }
  if (run) cut.numbers.push_back(*run);  // a day whose 日 the seal took
  const std::size_t count = cut.numbers.size();
  if (count < 2 || count > 3 || cut.marks.size() + 1 < count) return std::nullopt;
  return cut;
}

std::optional<OcrText> read_date_numbers(TesseractEngine& digits, const cv::Mat& grey, const cv::Mat& binary,
                                         int dpi, bool ends_with_day_mark) {
  const auto cut = cut_date_line(binary, ends_with_day_mark);
  if (!cut || grey.size() != binary.size()) return std::nullopt;
  // The numbers set side by side, a space apart, on paper of their own: the digit model reads them as one line,
  // each in the context of the others (a lone 9 read alone comes out 8, or not at all), and the marks' wide gaps
  // are gone (across them it reads the digits less surely).
  const int space = std::max(4, cut->em / 4);
  int width = space;
  for (const cv::Range& number : cut->numbers) width += number.size() + space;
  cv::Mat numbers(grey.rows, width, grey.type(), cv::Scalar::all(255));
  std::vector<cv::Range> placed;
  int x = space;
  for (const cv::Range& number : cut->numbers) {
    grey.colRange(number).copyTo(numbers.colRange(x, x + number.size()));
    placed.emplace_back(x, x + number.size());
    x += number.size() + space;
  }
  const OcrText read = digits.read(numbers, dpi, ReadMode::digits, "0123456789");
  // Each digit goes to the number its box lies in: the model does not always read the spaces.
  std::vector<std::string> words(cut->numbers.size());
  for (const OcrSymbol& symbol : read.symbols) {
    if (symbol.text.size() != 1 || symbol.text[0] < '0' || symbol.text[0] > '9') return std::nullopt;
    const int centre = symbol.box.x + symbol.box.width / 2;
    std::size_t nearest = 0;
    int best = std::numeric_limits<int>::max();
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const cv::Range& number = placed[i];
      const int distance = centre < number.start ? number.start - centre : centre >= number.end ? centre - number.end + 1 : 0;
      if (distance < best) best = distance, nearest = i;
    }
    words[nearest] += symbol.text;
  }
  if (words[0].size() != 4) return std::nullopt;
  static const char* const marks[] = {"年", "月", "日"};
  OcrText out = read;
  out.text.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && words[i].size() > 2) return std::nullopt;
    out.text += words[i] + marks[i];
  }
  return out;
}

}  // namespace intake
