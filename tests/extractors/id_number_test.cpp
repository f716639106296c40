#include "extractors/id_number.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

// GB 11643-1999's own example number and a few computed by hand with its weights.
TEST(IdNumber, CheckCharacterFollowsIso7064) {
  EXPECT_EQ(id_check_character("11010519491231002"), 'X');
  EXPECT_EQ(id_check_character("44052418800101001"), '4');
  EXPECT_FALSE(id_check_character("1101051949123100"));
  EXPECT_FALSE(id_check_character("1101051949123100A"));
}

TEST(IdNumber, AcceptsLowerCaseX) {
  EXPECT_EQ(normalise_id_number("11010519491231002x"), "11010519491231002X");
  EXPECT_TRUE(id_number_check_digit_ok("11010519491231002x"));
  EXPECT_FALSE(id_number_check_digit_ok("110105194912310021"));
  EXPECT_FALSE(id_number_check_digit_ok("11010519491231002"));
}

TEST(IdNumber, BirthDateAndGenderComeFromTheDigits) {
  const auto facts = id_number_facts("11010519491231002X");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->birth_date, "1949-12-31");
  EXPECT_EQ(facts->gender_char, 'F');  // 17th digit 2 is even
  const auto male = id_number_facts("210102198503151235");
  ASSERT_TRUE(male);
  EXPECT_EQ(male->gender_char, 'M');  // 17th digit 3 is odd
  EXPECT_EQ(male->birth_date, "1985-03-15");
}

TEST(IdNumber, ImpossibleBirthDatesGiveNoFacts) {
  EXPECT_FALSE(id_number_facts("110105194902300021"));  // 30 February
  EXPECT_FALSE(id_number_facts("110105194913010021"));  // month 13
  EXPECT_FALSE(id_number_facts("1101051949123"));
  EXPECT_FALSE(id_number_facts("440524188001010014"));  // born 1880: no living nominee
}

}  // namespace
}  // namespace intake
