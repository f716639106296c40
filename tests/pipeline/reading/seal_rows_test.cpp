#include "pipeline/reading/seal_rows.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TextRead line(std::string text, double confidence) { return {std::move(text), confidence, confidence, "line"}; }

TEST(SealRows, GlyphHeightIsTheMedianOfSureLinesOfPrintedTextClearOfSeals) {
  const std::vector<SealMark> seals{{{500, 500}, 100, false, 0.9}};
  const std::vector<TextRead> lines{line("经查，该同志近三年来无违纪违法问题。", 0.98), line("同意推荐。", 0.97),
                                    line("AAA和>", 0.95),  // the seal's lettering: one Chinese character
                                    line("经审核，同意推荐。", 0.6),  // unsure
                                    line("同意推荐为先进个人。", 0.98)};
  const std::vector<cv::Rect> boxes{{0, 0, 600, 34}, {0, 50, 200, 36}, {0, 100, 100, 80}, {0, 200, 300, 60},
                                    {420, 480, 300, 90}};  // the last crosses the seal's disc: its arc made it taller
  EXPECT_EQ(printed_glyph_height(lines, boxes, 2, seals), 32.0);  // 30 and 32 measured, 34 − 2·2 and 36 − 2·2
  EXPECT_EQ(printed_glyph_height({line("同意。", 0.98)}, {{0, 0, 60, 30}}, 0, {}), std::nullopt);  // two characters
  EXPECT_EQ(printed_glyph_height({}, {}, 0, seals), std::nullopt);
}

TEST(SealRows, DefaultGlyphIsTwelvePoint) {
  EXPECT_NEAR(default_glyph_height(200), 30.0, 0.01);
  EXPECT_NEAR(default_glyph_height(300), 45.0, 0.01);
}

TEST(SealRows, DiscMeetsABoxItReachesIntoNotOneBesideItsCorner) {
  const SealMark seal{{100, 100}, 50, false, 0.9};
  EXPECT_TRUE(disc_meets(seal, {90, 90, 20, 20}));    // round the centre
  EXPECT_TRUE(disc_meets(seal, {140, 90, 100, 20}));  // the disc's right edge reaches in
  EXPECT_FALSE(disc_meets(seal, {140, 140, 50, 50})); // beyond the disc, inside its bounding square
  EXPECT_FALSE(disc_meets(seal, {200, 0, 10, 10}));
}

}  // namespace
}  // namespace intake
