#include "ocr/date_numbers.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "support/fixtures.h"

namespace intake {
namespace {

TesseractEngine& digit_model() {
  static TesseractEngine instance = [] {
    OcrOptions options;
    options.language = "eng";
    auto created = TesseractEngine::create(options);
    if (!created) throw std::runtime_error(created.error().reason);
    return std::move(created).value();
  }();
  return instance;
}

cv::Mat binary_of(const cv::Mat& grey) {
  cv::Mat binary;
  cv::threshold(grey, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  return binary;
}

const char* const fonts[] = {"Noto Serif CJK SC", "AR PL UKai CN", "WenQuanYi Zen Hei", "AR PL UMing CN"};

TEST(DateNumbers, ADateLineCutsIntoItsThreeNumbers) {
  for (const char* font : fonts) {
    const cv::Mat line = binary_of(testing::render_text("2026年12月15日", font, 12, 300));
    const auto cut = cut_date_line(line, true);
    ASSERT_TRUE(cut) << font;
    ASSERT_EQ(cut->numbers.size(), 3u) << font;
    ASSERT_EQ(cut->marks.size(), 3u) << font;
    // The year is four digits, about two ems; the month and the day two digits, about one.
    EXPECT_GT(cut->numbers[0].size(), cut->numbers[1].size() * 3 / 2) << font;
    EXPECT_LT(cut->numbers[1].end, cut->marks[1].start) << font;
    EXPECT_LT(cut->marks[1].end, cut->numbers[2].start) << font;
  }
}

TEST(DateNumbers, AYearAndMonthCutsIntoTwo) {
  for (const char* font : fonts) {
    const auto cut = cut_date_line(binary_of(testing::render_text("1992年6月", font, 12, 300)), false);
    ASSERT_TRUE(cut) << font;
    EXPECT_EQ(cut->numbers.size(), 2u) << font;
  }
}

TEST(DateNumbers, LinesOfAnotherShapeAreNotCut) {
  const char* font = "Noto Serif CJK SC";
  EXPECT_FALSE(cut_date_line(binary_of(testing::render_text("2025.12.15", font, 12, 300)), false));
  EXPECT_FALSE(cut_date_line(binary_of(testing::render_text("同意推荐", font, 12, 300)), false));
  EXPECT_FALSE(cut_date_line(cv::Mat(40, 200, CV_8U, cv::Scalar(255)), false));
  EXPECT_FALSE(cut_date_line(cv::Mat(), false));
}

TEST(DateNumbers, EachNumberIsReadByTheDigitModel) {
  for (const char* font : fonts) {
    for (const char* date : {"2026年1月9日", "2025年12月30日"}) {
      const cv::Mat grey = testing::render_text(date, font, 12, 300);
      const auto read = read_date_numbers(digit_model(), grey, binary_of(grey), 300, true);
      ASSERT_TRUE(read) << font << " " << date;
      EXPECT_EQ(read->text, date) << font;
      EXPECT_GT(read->confidence, 0.8) << font;
    }
    const cv::Mat grey = testing::render_text("1985年3月", font, 12, 200);
    const auto read = read_date_numbers(digit_model(), grey, binary_of(grey), 200, false);
    ASSERT_TRUE(read) << font;
    EXPECT_EQ(read->text, "1985年3月") << font;
  }
}

TEST(DateNumbers, AStrokeAcrossTheLineMakesNoDate) {
  // A seal's rim through the line joins its glyphs: no shape of a date, so the caller reads it another way.
  cv::Mat grey = testing::render_text("2026年1月9日", "Noto Serif CJK SC", 12, 300);
  cv::line(grey, {0, grey.rows / 2}, {grey.cols - 1, grey.rows / 2}, cv::Scalar(0), 3);
  EXPECT_FALSE(read_date_numbers(digit_model(), grey, binary_of(grey), 300, true));
}

}  // namespace
}  // namespace intake
