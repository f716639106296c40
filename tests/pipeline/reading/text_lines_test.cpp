#include "pipeline/reading/text_lines.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "support/fixtures.h"

namespace intake {
namespace {

cv::Mat binary_of(const cv::Mat& grey) {
  cv::Mat binary;
  cv::threshold(grey, binary, 160, 255, cv::THRESH_BINARY);
  return binary;
}

// Lines stacked on white paper with a gap between them.
cv::Mat stack(const std::vector<cv::Mat>& lines, int gap) {
  int width = 0, height = gap;
  for (const cv::Mat& line : lines) width = std::max(width, line.cols), height += line.rows + gap;
  cv::Mat page(height, width + 2 * gap, CV_8UC1, cv::Scalar(255));
  int y = gap;
  for (const cv::Mat& line : lines) {
    line.copyTo(page(cv::Rect(gap, y, line.cols, line.rows)));
    y += line.rows + gap;
  }
  return page;
}

TEST(TextLines, FindsEachLineWholeIncludingBrokenGlyphs) {
  const int dpi = 300;
  // 二 and 三 are vertically broken glyphs: their neighbours on the line must hold them in one line.
  const cv::Mat page = stack({testing::render_text("二三一二", "Noto Serif CJK SC", 12, dpi),
                              testing::render_text("县处级", "AR PL UMing CN", 12, dpi),
                              testing::render_text("副职", "Noto Sans CJK SC", 12, dpi)},
                             40);
  const auto lines = find_text_lines(binary_of(page), dpi);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_LT(lines[0].y, lines[1].y);
  EXPECT_LT(lines[1].y, lines[2].y);
  for (const cv::Rect& line : lines) {
    EXPECT_GT(line.height, 25);  // 12 pt at 300 dpi is ~50 px; a line is never half a glyph
    EXPECT_LT(line.height, 80);
  }
}

TEST(TextLines, IgnoresSpecksAndEmptyPaper) {
  const int dpi = 300;
  cv::Mat paper(400, 600, CV_8UC1, cv::Scalar(255));
  EXPECT_TRUE(find_text_lines(paper, dpi).empty());
  cv::circle(paper, {100, 100}, 2, cv::Scalar(0), cv::FILLED);
  cv::circle(paper, {300, 250}, 3, cv::Scalar(0), cv::FILLED);
  EXPECT_TRUE(find_text_lines(binary_of(paper), dpi).empty());
}


// Ink blocks standing for glyphs and their parts, at 300 dpi (1 mm ≈ 12 px).
void ink(cv::Mat& page, int x, int y, int width, int height) {
  cv::rectangle(page, cv::Rect(x, y, width, height), cv::Scalar(0), cv::FILLED);
}

TEST(TextLines, TheStackedPartsOfACharacterAloneOnItsLineAreOneLine) {
  const int dpi = 300;
  // A label written one character per line: a square character, then one whose parts are stacked with gaps wider
  // than the closing (意: 立 over 日 over 心), then a square one.
  cv::Mat page(400, 200, CV_8UC1, cv::Scalar(255));
  ink(page, 60, 20, 48, 48);
  ink(page, 60, 130, 48, 16);
  ink(page, 62, 152, 44, 14);
  ink(page, 58, 172, 50, 12);
  ink(page, 60, 250, 48, 48);
  const auto lines = find_text_lines(page, dpi);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NEAR(lines[1].y, 130, 2);
  EXPECT_NEAR(lines[1].height, 54, 3);
}

TEST(TextLines, LinesAndStackedCharactersCloseTogetherStayApart) {
  const int dpi = 300;
  cv::Mat page(500, 800, CV_8UC1, cv::Scalar(255));
  ink(page, 20, 20, 600, 48);   // a line of text
  ink(page, 20, 76, 600, 48);   // the next line, 8 px (0.7 mm) below
  ink(page, 20, 200, 48, 48);   // two characters one per line, as close
  ink(page, 20, 256, 48, 48);
  ink(page, 300, 340, 96, 48);  // a label wrapped two characters a line (政治 / 面貌): square, but two ems tall
  ink(page, 300, 396, 96, 48);
  EXPECT_EQ(find_text_lines(page, dpi).size(), 6u);
}

}  // namespace
}  // namespace intake

namespace intake {
namespace {

TEST(TextLines, TwoLinesASealsStrokesJoinAreCutApart) {
  const int dpi = 200;
  // Each line cut to its ink, so the two are as close as in an opinion box: (盖章) just above the date.
  auto tight = [](const cv::Mat& grey) {
    const cv::Rect ink = cv::boundingRect(grey < 160);
    return grey(cv::Rect(ink.x, ink.y - 4, ink.width, ink.height + 8)).clone();
  };
  cv::Mat page = stack({tight(testing::render_text("经审核，该同志符合推荐条件，同意推荐。", "Noto Serif CJK SC", 12, dpi)),
                        tight(testing::render_text("（盖章）（盖章）", "Noto Serif CJK SC", 12, dpi)),
                        tight(testing::render_text("二〇二六年一月五日", "Noto Serif CJK SC", 12, dpi))},
                       14);
  auto apart = find_text_lines(binary_of(page), dpi);
  ASSERT_EQ(apart.size(), 3u);
  apart.erase(apart.begin());  // the opinion's sentence, for the size of a line
  // A seal's dashes on a 1-bit scan: thin strokes from one line down into the other, all along them.
  for (int x = apart[0].x + 10; x < apart[0].br().x - 10; x += 30)
    cv::line(page, {x, apart[0].y + apart[0].height / 2}, {x + 6, apart[1].y + apart[1].height / 2}, cv::Scalar(0), 2);
  const auto lines = find_text_lines(binary_of(page), dpi);
  // The date keeps a line of its own, about one line tall.
  const auto date = std::find_if(lines.begin(), lines.end(), [&](const cv::Rect& line) {
    return line.y <= apart[1].y + apart[1].height / 2 && line.br().y >= apart[1].y + apart[1].height / 2;
  });
  ASSERT_NE(date, lines.end());
  EXPECT_LT(date->height, apart[1].height * 3 / 2) << *date;
  EXPECT_GE(date->width, apart[1].width * 9 / 10);
}

TEST(TextLines, ASpeckFarAlongTheLineIsNotPartOfIt) {
  // A dot of dust 6 mm right of 1976.09 on the line's middle: read with it, it became 1976.093.
  const int dpi = 200;
  const cv::Mat text = testing::render_text("1976.09", "Noto Serif CJK SC", 12, dpi);
  cv::Mat page(text.rows + 40, text.cols + 120, CV_8UC1, cv::Scalar(255));
  text.copyTo(page(cv::Rect(20, 20, text.cols, text.rows)));
  cv::circle(page, {20 + text.cols + 47, 20 + text.rows / 2}, 2, 0, cv::FILLED);
  const auto lines = find_text_lines(binary_of(page), dpi);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_LE(lines[0].x + lines[0].width, 20 + text.cols + 2);
}

TEST(TextLines, SideBySideUnwrapsLinesOntoOneMiddle) {
  cv::Mat image(60, 40, CV_8UC1, cv::Scalar(255));
  image(cv::Rect(2, 2, 30, 20)).setTo(0);    // the first line's ink, 20 high
  image(cv::Rect(5, 40, 10, 10)).setTo(0);   // the wrapped rest, 10 high
  const cv::Mat joined = side_by_side(image, {{2, 2, 30, 20}, {5, 40, 10, 10}}, 4);
  ASSERT_EQ(joined.size(), cv::Size(30 + 4 + 10, 20));
  EXPECT_EQ(cv::countNonZero(joined(cv::Rect(0, 0, 30, 20)) == 0), 600);
  EXPECT_EQ(cv::countNonZero(joined(cv::Rect(30, 0, 4, 20)) == 0), 0);  // the gap is paper
  EXPECT_EQ(cv::countNonZero(joined(cv::Rect(34, 5, 10, 10)) == 0), 100);  // the rest, centred on the middle
  EXPECT_EQ(cv::countNonZero(joined == 0), 700);
}

}  // namespace
}  // namespace intake
