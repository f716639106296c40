#include "extractors/cross_checks.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

// 210102 沈阳市和平区, born 1985-03-15, 17th digit 3 (male); check character by hand.
constexpr const char* male_1985 = "210102198503151235";
// 210302 鞍山市铁东区, born 1990-07-08, 17th digit 6 (female).
constexpr const char* female_1990 = "210302199007082467";

std::vector<std::string> rules(const std::vector<CrossCheck>& checks) {
  std::vector<std::string> out;
  for (const CrossCheck& c : checks) out.push_back(c.rule);
  return out;
}

void expect_no_id_digits(const std::vector<CrossCheck>& checks, const std::string& id) {
  for (const CrossCheck& c : checks) {
    EXPECT_EQ(c.message.find(id.substr(0, 6)), std::string::npos) << c.message;
    EXPECT_EQ(c.message.find(id.substr(6, 8)), std::string::npos) << c.message;
    EXPECT_EQ(c.message.find(id.substr(14)), std::string::npos) << c.message;
  }
}

TEST(CrossChecks, AgreeingRecordHasNoFindings) {
  EXPECT_TRUE(cross_check_record({{"id_number", male_1985}, {"birth", "1985-03"}, {"gender", "男"}}).empty());
  EXPECT_TRUE(cross_check_record({{"id_number", female_1990}, {"birth", "1990-07"}, {"gender", "女"}}).empty());
}

TEST(CrossChecks, BirthMismatchNamesDatesNotDigits) {
  const auto checks = cross_check_record({{"id_number", male_1985}, {"birth", "1985-04"}, {"gender", "男"}});
  ASSERT_EQ(rules(checks), std::vector<std::string>{"id_birth_mismatch"});
  EXPECT_EQ(checks[0].field, "birth");
  EXPECT_EQ(checks[0].message, "ID number's birth date 1985-03 differs from 出生年月 1985-04");
  expect_no_id_digits(checks, male_1985);
}

TEST(CrossChecks, GenderFromTheSeventeenthDigit) {
  const auto checks = cross_check_record({{"id_number", male_1985}, {"birth", "1985-03"}, {"gender", "女"}});
  ASSERT_EQ(rules(checks), std::vector<std::string>{"id_gender_mismatch"});
  EXPECT_EQ(checks[0].field, "gender");
  EXPECT_EQ(checks[0].message, "ID number's sequence digit says 男, 性别 says 女");
  const auto both = cross_check_record({{"id_number", female_1990}, {"birth", "1985-03"}, {"gender", "男"}});
  EXPECT_EQ(rules(both), (std::vector<std::string>{"id_birth_mismatch", "id_gender_mismatch"}));
  expect_no_id_digits(both, female_1990);
}

TEST(CrossChecks, InvalidNumberIsReportedAloneWithoutItsDigits) {
  const auto checks = cross_check_record({{"id_number", "210102198503151234"}, {"birth", "1990-01"}, {"gender", "女"}});
  ASSERT_EQ(rules(checks), std::vector<std::string>{"id_number_invalid"});
  EXPECT_EQ(checks[0].field, "id_number");
  expect_no_id_digits(checks, "210102198503151234");
  // Check character right, 30 February wrong.
  EXPECT_EQ(rules(cross_check_record({{"id_number", "21010219990230001X"}})),
            std::vector<std::string>{"id_number_invalid"});
  EXPECT_EQ(rules(cross_check_record({{"id_number", "2101021985"}})), std::vector<std::string>{"id_number_invalid"});
}

TEST(CrossChecks, AbsentOrUnnormalisedValuesAreNotCompared) {
  EXPECT_TRUE(cross_check_record({{"birth", "1985-03"}, {"gender", "男"}}).empty());
  EXPECT_TRUE(cross_check_record({{"id_number", nullptr}}).empty());
  EXPECT_TRUE(cross_check_record({{"id_number", male_1985}, {"birth", nullptr}, {"gender", nullptr}}).empty());
  EXPECT_TRUE(cross_check_record({{"id_number", male_1985}, {"birth", "85.04"}, {"gender", "另"}}).empty());
  EXPECT_TRUE(cross_check_record(nlohmann::json::array()).empty());
  EXPECT_TRUE(cross_check_record(nullptr).empty());
  EXPECT_TRUE(cross_check_record({{"id_number", 210102198503151235}}).empty());  // not a string
}

}  // namespace
}  // namespace intake
