#include "ocr/split_characters.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

OcrText read_as(const std::string& characters) {
  OcrText text;
  text.text = characters;
  text.confidence = text.min_confidence = 0.98;
  text.symbols.push_back({characters, 0.98, {}});
  return text;
}

TEST(SplitCharacters, ALineOfNCharactersIsAboutNEmsWideInEveryFont) {
  // Never much less than n (that would doubt right reads); a little more where a font's ink stops short of its em.
  for (const char* font : {"Noto Serif CJK SC", "AR PL UKai CN", "WenQuanYi Zen Hei", "AR PL UMing CN"}) {
    const double three = line_width_in_ems(testing::render_text("周超鑫", font, 12, 300));
    EXPECT_GT(three, 3.0 - 0.4) << font;
    EXPECT_LT(three, 3.0 * 1.15 + 0.4) << font;
    const double thirteen = line_width_in_ems(testing::render_text("辽宁省政务公开工作先进个人", font, 12, 200));
    EXPECT_GT(thirteen, 13.0 - 0.6) << font;
    EXPECT_LT(thirteen, 13.0 * 1.15 + 0.4) << font;
  }
}

TEST(SplitCharacters, AReadWithACharacterMoreThanTheLineHoldsIsDoubted) {
  for (const char* font : {"Noto Serif CJK SC", "AR PL UKai CN", "WenQuanYi Zen Hei"}) {
    const cv::Mat line = testing::render_text("周超鑫", font, 12, 300);
    OcrText split = read_as("周超人多");
    EXPECT_TRUE(doubt_split_characters(split, line)) << font;
    EXPECT_LT(split.min_confidence, 0.5);
    EXPECT_LT(split.confidence, 0.5);
    OcrText right = read_as("周超鑫");
    EXPECT_FALSE(doubt_split_characters(right, line)) << font;
    EXPECT_DOUBLE_EQ(right.min_confidence, 0.98);
  }
}

TEST(SplitCharacters, DigitsAndDatesCountHalf) {
  const cv::Mat date = testing::render_text("2026年1月12日", "Noto Serif CJK SC", 12, 300);
  EXPECT_FALSE(more_characters_than_room(read_as("2026年1月12日"), line_width_in_ems(date)));
  const cv::Mat phone = testing::render_text("0416-8548063", "Noto Sans CJK SC", 12, 300);
  EXPECT_FALSE(more_characters_than_room(read_as("0416-8548063"), line_width_in_ems(phone)));
}

TEST(SplitCharacters, LetterSpacedNamesHaveRoomToSpare) {
  const cv::Mat spaced = testing::render_text("林  红  颖", "Noto Serif CJK SC", 12, 300);
  EXPECT_FALSE(more_characters_than_room(read_as("林红颖"), line_width_in_ems(spaced)));
}

TEST(SplitCharacters, EmptyPaperHasNoRoomToJudge) {
  const cv::Mat paper(60, 200, CV_8UC1, cv::Scalar(255));
  EXPECT_EQ(line_width_in_ems(paper), 0);
  OcrText text = read_as("周超");
  EXPECT_FALSE(doubt_split_characters(text, paper));
}

}  // namespace
}  // namespace intake
