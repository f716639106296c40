#include "extractors/photos/nominee_match.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const std::vector<NomineeCandidate> nominees{
    {1, "苏悦慧", "朝阳市", "1992-06-04"},
    {2, "冯赟", "朝阳市", "1976-09"},       // only 出生年月 known
    {3, "王晓梅", "鞍山市", "1985-03-15"},
    {4, "王晓梅", "朝阳市", "1990-01-02"},  // a namesake elsewhere
    {5, "李明", "朝阳市", "1980-05-05"},
    {6, "李明", "朝阳市", "1982-07-07"},    // namesakes of one recommender
};

TEST(NomineeMatch, NameAndIdBirthDateOfTheSameRecommender) {
  const NomineeMatch match = match_photo_nominee("苏悦慧", "1992-06-04", "朝阳市", nominees);
  EXPECT_EQ(match.nominee, 1);
  EXPECT_TRUE(match.problems.empty());
}

TEST(NomineeMatch, ADateThatIsNotTheIdNumbersIsABirthMismatch) {
  const NomineeMatch match = match_photo_nominee("苏悦慧", "1992-06-05", "朝阳市", nominees);
  EXPECT_EQ(match.nominee, 1);
  ASSERT_EQ(match.problems.size(), 1u);
  EXPECT_EQ(match.problems.front().problem, "birth_mismatch");
  EXPECT_NE(match.problems.front().message.find("1992-06-05 is not 苏悦慧's birth date: the ID number gives 1992-06-04"),
            std::string::npos)
      << match.problems.front().message;
}

TEST(NomineeMatch, WithoutAnIdNumberTheMonthOfBirthDecides) {
  EXPECT_TRUE(match_photo_nominee("冯赟", "1976-09-30", "朝阳市", nominees).problems.empty());
  const NomineeMatch wrong = match_photo_nominee("冯赟", "1976-10-01", "朝阳市", nominees);
  ASSERT_EQ(wrong.problems.size(), 1u);
  EXPECT_NE(wrong.problems.front().message.find("the 出生年月 on the forms is 1976-09"), std::string::npos);
}

TEST(NomineeMatch, ANomineeOfAnotherRecommenderIsNoMatch) {
  const NomineeMatch match = match_photo_nominee("苏悦慧", "1992-06-04", "鞍山市", nominees);
  EXPECT_FALSE(match.nominee);
  ASSERT_EQ(match.problems.size(), 1u);
  EXPECT_EQ(match.problems.front().problem, "name_not_nominee");
  EXPECT_EQ(match.problems.front().message, "苏悦慧 is an individual nominee of 朝阳市, not of 鞍山市");
  EXPECT_EQ(match_photo_nominee("王晓梅", "1985-03-15", "鞍山市", nominees).nominee, 3);
}

TEST(NomineeMatch, UnknownNamesAndRecommendersWithoutNomineesYet) {
  const NomineeMatch stranger = match_photo_nominee("张三", "1980-01-01", "朝阳市", nominees);
  ASSERT_EQ(stranger.problems.size(), 1u);
  EXPECT_EQ(stranger.problems.front().severity, Severity::error);
  const NomineeMatch early = match_photo_nominee("张三", "1980-01-01", "大连市", nominees);
  ASSERT_EQ(early.problems.size(), 1u);
  EXPECT_EQ(early.problems.front().problem, "name_not_nominee");
  EXPECT_EQ(early.problems.front().severity, Severity::warning);  // the forms may not be scanned yet
  EXPECT_EQ(match_photo_nominee(std::nullopt, std::nullopt, "朝阳市", nominees).problems.front().problem,
            "name_not_nominee");
}

TEST(NomineeMatch, NamesakesAreToldApartByTheDate) {
  EXPECT_EQ(match_photo_nominee("李明", "1982-07-07", "朝阳市", nominees).nominee, 6);
  EXPECT_EQ(match_photo_nominee("李明", "1980-05-05", "朝阳市", nominees).nominee, 5);
  // Sender unknown: the date picks among recommenders, and without it the photo is not guessed.
  EXPECT_EQ(match_photo_nominee("王晓梅", "1990-01-02", std::nullopt, nominees).nominee, 4);
  EXPECT_FALSE(match_photo_nominee("王晓梅", "2000-01-01", std::nullopt, nominees).nominee);
}

}  // namespace
}  // namespace intake
