#include "pipeline/reading/seal_date_lines.h"

#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "support/fixtures.h"

namespace intake {
namespace {

constexpr int dpi = 300;

cv::Mat binary_of(const cv::Mat& grey) {
  cv::Mat binary;
  cv::threshold(grey, binary, 160, 255, cv::THRESH_BINARY);
  return binary;
}

// A black seal stamped over a printed date, as a 1-bit scan shows it: the ring, lettering glyphs larger than the
// date's round the top and one crossing the date's row, a (盖章) line above the date, and the star over 1月.
struct SealedDate {
  cv::Mat binary;
  cv::Point2f centre{400, 400};
  float radius = 260;
  cv::Rect date;  // the date's ink
  cv::Rect star;  // the star's extent
  double glyph_height = 0;
};

void paste_ink(cv::Mat& page, const cv::Mat& grey, cv::Point at) {
  const cv::Rect box = cv::Rect(at, grey.size()) & cv::Rect(0, 0, page.cols, page.rows);
  cv::Mat target = page(box);
  cv::min(target, grey(cv::Rect(0, 0, box.width, box.height)), target);
}

SealedDate sealed_date() {
  SealedDate seal;
  cv::Mat page(800, 800, CV_8UC1, cv::Scalar(255));
  const cv::Mat date = testing::render_text("2026年1月5日", "Noto Serif CJK SC", 12, dpi);
  const cv::Rect ink = cv::boundingRect(binary_of(date) < 128);
  const cv::Point date_at(250, 450);
  paste_ink(page, date, date_at);
  seal.date = ink + date_at;
  seal.glyph_height = ink.height;
  paste_ink(page, testing::render_text("（盖章）", "Noto Serif CJK SC", 12, dpi), {310, 330});
  cv::circle(page, seal.centre, static_cast<int>(seal.radius - 6), cv::Scalar(0), 12);
  // Lettering round the top of the ring, and one glyph reaching down across the date's row at its left end.
  for (double angle = 200; angle <= 340; angle += 20) {
    const double radians = angle * CV_PI / 180;
    const cv::Point middle(static_cast<int>(seal.centre.x + 0.8 * seal.radius * std::cos(radians)),
                           static_cast<int>(seal.centre.y + 0.8 * seal.radius * std::sin(radians)));
    cv::rectangle(page, cv::Rect(middle.x - 35, middle.y - 35, 70, 70), cv::Scalar(0), 8);
  }
  cv::rectangle(page, cv::Rect(170, seal.date.y - 60, 60, 130), cv::Scalar(0), 8);
  // The star over the month: a filled five-pointed star about two glyphs across.
  const cv::Point2f star_centre(static_cast<float>(seal.date.x + seal.date.width * 0.55),
                                static_cast<float>(seal.date.y + seal.date.height / 2));
  std::vector<cv::Point> points;
  for (int k = 0; k < 10; ++k) {
    const double r = (k % 2 == 0 ? 1.0 : 0.45) * seal.glyph_height * 1.1;
    const double a = -CV_PI / 2 + k * CV_PI / 5;
    points.emplace_back(static_cast<int>(star_centre.x + r * std::cos(a)),
                        static_cast<int>(star_centre.y + r * std::sin(a)));
  }
  cv::fillPoly(page, std::vector<std::vector<cv::Point>>{points}, cv::Scalar(0));
  seal.star = cv::boundingRect(points);
  seal.binary = binary_of(page);
  return seal;
}

TEST(SealDateLines, TheDateRowComesFirstWithoutTheSealsMarks) {
  const SealedDate seal = sealed_date();
  const auto lines = seal_date_lines(seal.binary, seal.centre, seal.radius, seal.glyph_height);
  ASSERT_FALSE(lines.empty());
  const SealDateLine& line = lines.front();
  // The row holds the date's ink from top to bottom ...
  EXPECT_LE(line.box.y, seal.date.y);
  EXPECT_GE(line.box.y + line.box.height, seal.date.y + seal.date.height);
  // ... and its year, left of the star ...
  const cv::Rect year = cv::Rect(seal.date.x, seal.date.y, seal.star.x - seal.date.x, seal.date.height) & line.box;
  ASSERT_GT(year.area(), 0);
  EXPECT_GT(cv::countNonZero(line.binary(year - line.box.tl()) < 128), 0);
  // ... but not the star, nor the lettering glyph crossing the row, nor the ring.
  const cv::Rect star = seal.star & line.box;
  EXPECT_EQ(cv::countNonZero(line.binary(star - line.box.tl()) < 128), 0);
  const cv::Rect lettering = cv::Rect(170, seal.date.y, 60, seal.date.height) & line.box;
  if (lettering.area() > 0) {
    EXPECT_EQ(cv::countNonZero(line.binary(lettering - line.box.tl()) < 128), 0);
  }
  EXPECT_EQ(line.binary.size(), line.box.size());
}

TEST(SealDateLines, TheBracketedLineIsAnotherRow) {
  const SealedDate seal = sealed_date();
  const auto lines = seal_date_lines(seal.binary, seal.centre, seal.radius, seal.glyph_height);
  ASSERT_GE(lines.size(), 2u);
  for (std::size_t i = 1; i < lines.size(); ++i)
    EXPECT_GT(std::abs(lines[i].box.y - lines.front().box.y), seal.glyph_height / 2) << "rows are distinct";
}

TEST(SealDateLines, NothingOnBlankPaperOrWithoutASeal) {
  const cv::Mat blank(400, 400, CV_8UC1, cv::Scalar(255));
  EXPECT_TRUE(seal_date_lines(blank, {200, 200}, 150, 40).empty());
  const SealedDate seal = sealed_date();
  EXPECT_TRUE(seal_date_lines(seal.binary, seal.centre, 0, seal.glyph_height).empty());
  EXPECT_TRUE(seal_date_lines(seal.binary, seal.centre, seal.radius, 0).empty());
  // A seal elsewhere on the page: the date is not inside it.
  EXPECT_TRUE(seal_date_lines(seal.binary, {60, 60}, 40, seal.glyph_height).empty());
}

}  // namespace
}  // namespace intake
