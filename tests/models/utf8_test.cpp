#include "models/utf8.h"

#include <gtest/gtest.h>

#include "models/full_width.h"

namespace intake {
namespace {

TEST(Utf8, RoundTripsEveryPlane) {
  const std::string text = "A王·€𠀀\n";  // 1, 3, 2, 3, 4 and 1 bytes
  const std::u32string chars = utf8_decode(text);
  EXPECT_EQ(chars, (std::u32string{U'A', U'王', U'·', U'€', U'\U00020000', U'\n'}));
  EXPECT_EQ(utf8_encode(chars), text);
}

TEST(Utf8, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(utf8_decode("a\x80z"), (std::u32string{U'a', replacement_character, U'z'}));  // stray continuation
  EXPECT_EQ(utf8_decode("\xE7\x8E"), (std::u32string{replacement_character}));            // truncated 王
  EXPECT_EQ(utf8_decode("\xC0\xAF"), (std::u32string{replacement_character, replacement_character}));  // overlong /
  EXPECT_EQ(utf8_decode("\xE0\x80\xAF"), (std::u32string{replacement_character}));      // overlong, 3 bytes
  EXPECT_EQ(utf8_decode("\xED\xA0\x80"), (std::u32string{replacement_character}));      // a surrogate
  EXPECT_EQ(utf8_decode("\xF4\x90\x80\x80"), (std::u32string{replacement_character}));  // above U+10FFFF
  EXPECT_EQ(utf8_decode("\xFF"), (std::u32string{replacement_character}));
  EXPECT_EQ(utf8_sanitise("王\xFF"), "王\xEF\xBF\xBD");
  EXPECT_EQ(utf8_encode(std::u32string{static_cast<char32_t>(0xD800)}), "\xEF\xBF\xBD");
}

TEST(FullWidth, FoldsToAscii) {
  EXPECT_EQ(fold_full_width("０２４－８６８９３８８１"), "024-86893881");
  EXPECT_EQ(fold_full_width("（０２４）：ＡＢｃ"), "(024):ABc");
  EXPECT_EQ(fold_full_width("王　晓梅"), "王 晓梅");  // the ideographic space
  EXPECT_EQ(fold_full_width("，。"), ",。");          // 。 is not a full-width form
}

TEST(FullWidth, FreeTextKeepsChinesePunctuation) {
  EXPECT_EQ(fold_full_width("共３２人，（含Ｘ）", Fold::letters_and_digits), "共32人，（含X）");
}

}  // namespace
}  // namespace intake
