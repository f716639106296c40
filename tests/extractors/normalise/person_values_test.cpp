#include "extractors/normalise/person_values.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

TEST(NormaliseName, ChineseNamesAsPrinted) {
  EXPECT_TRUE(is_ok(normalise_name("王晓梅"), "王晓梅"));
  EXPECT_TRUE(is_ok(normalise_name("王 晓 梅"), "王晓梅"));
  EXPECT_TRUE(is_ok(normalise_name(" 李刚\n"), "李刚"));
  EXPECT_TRUE(is_ok(normalise_name("欧阳晓梅"), "欧阳晓梅"));
  EXPECT_TRUE(is_ok(normalise_name("王　晓梅"), "王晓梅"));  // ideographic space
}

TEST(NormaliseName, EthnicNamesWithAMiddleDot) {
  EXPECT_TRUE(is_ok(normalise_name("阿依古丽·买买提"), "阿依古丽·买买提"));
  EXPECT_TRUE(is_ok(normalise_name("阿依古丽•买买提"), "阿依古丽·买买提"));
  EXPECT_TRUE(is_ok(normalise_name("阿依古丽．买买提"), "阿依古丽·买买提"));
  EXPECT_TRUE(is_ok(normalise_name("阿依古丽 · 买买提"), "阿依古丽·买买提"));
}

TEST(NormaliseName, SuspiciousNamesAskForReview) {
  EXPECT_TRUE(is(normalise_name("王晓梅1"), FieldStatus::review, "王晓梅1"));
  EXPECT_TRUE(is(normalise_name("Wang Xiaomei"), FieldStatus::review, "WangXiaomei"));
  EXPECT_TRUE(is(normalise_name("王"), FieldStatus::review, "王"));
  EXPECT_TRUE(not_ok(normalise_name("王晓梅同志你好")));
  EXPECT_TRUE(not_ok(normalise_name("·王晓梅")));
  EXPECT_TRUE(not_ok(normalise_name("王晓梅（女）")));
  EXPECT_TRUE(not_ok(normalise_name("王\xFF梅")));
  EXPECT_TRUE(is(normalise_name("  "), FieldStatus::missing, nullptr));
  EXPECT_LT(normalise_name("王晓梅1").confidence_factor, 1.0);
}

TEST(NormaliseName, ANameThatBeginsWithNoSurnameAsksForReview) {
  const Normalised misread = normalise_name("将志帆");
  EXPECT_TRUE(is(misread, FieldStatus::review, "将志帆"));
  EXPECT_EQ(misread.note, "将 is no surname we know");
  EXPECT_TRUE(is_ok(normalise_name("蒋志帆"), "蒋志帆"));
  EXPECT_TRUE(is_ok(normalise_name("司马凯"), "司马凯"));
}

TEST(NormaliseGender, MaleAndFemaleOnly) {
  EXPECT_TRUE(is_ok(normalise_gender("男"), "男"));
  EXPECT_TRUE(is_ok(normalise_gender(" 女 "), "女"));
  EXPECT_TRUE(is_ok(normalise_gender("男性"), "男"));
  EXPECT_TRUE(is_ok(normalise_gender("女性"), "女"));
  EXPECT_TRUE(is(normalise_gender("另"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_gender("田"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_gender("M"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_gender("男女"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_gender(""), FieldStatus::missing, nullptr));
}

}  // namespace
}  // namespace intake
