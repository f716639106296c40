#include "models/surnames.h"

#include <gtest/gtest.h>

#include "models/utf8.h"

namespace intake {
namespace {

std::size_t surname_of(const char* name) { return known_surname_length(utf8_decode(name)); }

TEST(Surnames, CommonAndCompoundSurnamesAreKnown) {
  for (const char* name : {"王晓梅", "蒋志帆", "崔红", "佟丽", "迟建国", "肖雪", "那日松", "贾洋"}) EXPECT_EQ(surname_of(name), 1u) << name;
  EXPECT_EQ(surname_of("欧阳晓梅"), 2u);
  EXPECT_EQ(surname_of("司马凯"), 2u);  // 司 alone is a surname too: the longest wins
  EXPECT_EQ(surname_of("爱新觉罗恒"), 4u);
}

TEST(Surnames, MisreadFirstCharactersAreNoSurnames) {
  // What OCR made of 蒋, 崔, 袁, 曹 in the sample scans.
  for (const char* name : {"将志帆", "守红", "衰静佳", "草娜萍", "窒异"}) EXPECT_EQ(surname_of(name), 0u) << name;
  EXPECT_EQ(surname_of("王"), 0u);      // a surname alone is no name
  EXPECT_EQ(surname_of("欧阳"), 1u);    // 欧 alone, with 阳 its given name
  EXPECT_EQ(surname_of(""), 0u);
}

}  // namespace
}  // namespace intake
