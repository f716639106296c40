#include "extractors/normalise/vocabulary_snap.h"

#include <gtest/gtest.h>

#include <vector>

namespace intake {
namespace {

TEST(EditDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(edit_distance(U"汉族", U"汉族"), 0);
  EXPECT_EQ(edit_distance(U"汊族", U"汉族"), 1);  // one character, three bytes
  EXPECT_EQ(edit_distance(U"蒙族", U"蒙古族"), 1);
  EXPECT_EQ(edit_distance(U"", U"汉族"), 2);
  EXPECT_EQ(edit_distance(U"kitten", U"sitting"), 3);
}

TEST(SnapToVocabulary, OnlyTheOneNearestEntry) {
  const std::vector<std::string> vocabulary{"汉族", "回族", "蒙古族", "满族"};
  const auto snap = snap_to_vocabulary(U"汊族", vocabulary, 1);
  // 汊族 is one edit from 汉族 but also from 回族 and 满族: ambiguous.
  EXPECT_FALSE(snap);
  const auto mongol = snap_to_vocabulary(U"蒙古旅", vocabulary, 1);
  ASSERT_TRUE(mongol);
  EXPECT_EQ(mongol->entry, "蒙古族");
  EXPECT_EQ(mongol->distance, 1);
  const auto exact = snap_to_vocabulary(U"满族", vocabulary, 1);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->distance, 0);
  EXPECT_FALSE(snap_to_vocabulary(U"维吾尔族", vocabulary, 1));  // too far from all
}

TEST(SnapToVocabulary, SeveralReadingsTakeTheNearest) {
  const std::vector<std::string> vocabulary{"中共党员", "中共预备党员", "共青团员"};
  const std::vector<std::u32string> readings{U"中共党贝", U"中共党贝员"};
  const auto snap = snap_to_vocabulary(readings, vocabulary, 1);
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->entry, "中共党员");
}

}  // namespace
}  // namespace intake
