#include "extractors/normalise/chinese_numerals.h"

#include <gtest/gtest.h>

#include "models/utf8.h"

namespace intake {
namespace {

std::optional<long> value(std::string_view text) { return chinese_numeral_value(utf8_decode(text)); }

TEST(ChineseNumerals, PositionalNumbers) {
  EXPECT_EQ(value("十"), 10);
  EXPECT_EQ(value("十二"), 12);
  EXPECT_EQ(value("二十"), 20);
  EXPECT_EQ(value("三十一"), 31);
  EXPECT_EQ(value("廿三"), 23);
  EXPECT_EQ(value("卅"), 30);
  EXPECT_EQ(value("一百零五"), 105);
  EXPECT_EQ(value("一百二十"), 120);
  EXPECT_EQ(value("两千"), 2000);
  EXPECT_EQ(value("叁拾贰"), 32);
}

TEST(ChineseNumerals, DigitByDigitNumbers) {
  EXPECT_EQ(value("二〇二六"), 2026);
  EXPECT_EQ(value("二○二六"), 2026);  // U+25CB, the circle typists use for 〇
  EXPECT_EQ(value("一九八五"), 1985);
  EXPECT_EQ(value("八"), 8);
  EXPECT_EQ(value("零"), 0);
}

TEST(ChineseNumerals, MalformedRunsHaveNoValue) {
  EXPECT_FALSE(value(""));
  EXPECT_FALSE(value("十十"));
  EXPECT_FALSE(value("二三十"));
  EXPECT_FALSE(value("百"));
  EXPECT_FALSE(value("二廿"));
  EXPECT_FALSE(value("一二三四五六七八九十"));
  EXPECT_FALSE(value("一二三四五六七八九〇"));  // ten digits: more than a date or a count needs
  EXPECT_FALSE(value("王"));
}

TEST(ChineseNumerals, RewritesRunsInsideText) {
  EXPECT_EQ(chinese_numerals_to_digits("二〇二六年一月八日"), "2026年1月8日");
  EXPECT_EQ(chinese_numerals_to_digits("二○二六年元月八日"), "2026年1月8日");
  EXPECT_EQ(chinese_numerals_to_digits("二O二六年十二月三十一日"), "2026年12月31日");
  EXPECT_EQ(chinese_numerals_to_digits("二〇二五年十二月十五日至十九日"), "2025年12月15日至19日");
  // 〇 as OCR reads it: O, 0 or 口 between numerals, and split in two O's in a year.
  EXPECT_EQ(chinese_numerals_to_digits("二口二六年一月一日"), "2026年1月1日");
  EXPECT_EQ(chinese_numerals_to_digits("二0二五年"), "2025年");
  EXPECT_EQ(chinese_numerals_to_digits("二OO二六年一月一日"), "2026年1月1日");
  EXPECT_EQ(chinese_numerals_to_digits("二OO二六"), "20026");  // no year without its 年
  EXPECT_EQ(chinese_numerals_to_digits("出口"), "出口");  // 口 starts no run
  EXPECT_EQ(chinese_numerals_to_digits("三十二人"), "32人");
  EXPECT_EQ(chinese_numerals_to_digits("元旦"), "元旦");  // 元 is 1 only before 月
  EXPECT_EQ(chinese_numerals_to_digits("十十"), "十十");  // left as printed
  EXPECT_EQ(chinese_numerals_to_digits("Office"), "Office");
}

TEST(ChineseNumerals, PrintsSmallNumbers) {
  EXPECT_EQ(chinese_numeral(0), "零");
  EXPECT_EQ(chinese_numeral(5), "五");
  EXPECT_EQ(chinese_numeral(10), "十");
  EXPECT_EQ(chinese_numeral(12), "十二");
  EXPECT_EQ(chinese_numeral(20), "二十");
  EXPECT_EQ(chinese_numeral(21), "二十一");
  EXPECT_EQ(chinese_numeral(100), "");
  EXPECT_EQ(chinese_numeral(-1), "");
}

}  // namespace
}  // namespace intake
