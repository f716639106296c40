#include "extractors/photos/photo_size.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

std::vector<std::string> names(const SizeVerdict& verdict) {
  std::vector<std::string> out;
  for (const PhotoProblem& problem : verdict.problems) out.push_back(problem.problem);
  return out;
}

TEST(PhotoSize, TwoInchAndLargeTwoInchAt300DpiPass) {
  EXPECT_TRUE(check_photo_size({413, 579}).problems.empty());
  const SizeVerdict large = check_photo_size({413, 626});
  EXPECT_TRUE(large.problems.empty());
  EXPECT_EQ(large.nearest_height_mm, 53);
  EXPECT_TRUE(check_photo_size({827, 1158}).problems.empty());  // 600 dpi
}

TEST(PhotoSize, SquareAndPassportShapesAreTheWrongAspect) {
  const SizeVerdict square = check_photo_size({480, 480});
  EXPECT_EQ(names(square), std::vector<std::string>{"wrong_aspect"});
  EXPECT_NE(square.problems.front().message.find("480 × 480 px has the shape 1.000"), std::string::npos)
      << square.problems.front().message;
  EXPECT_EQ(names(check_photo_size({413, 531})), std::vector<std::string>{"wrong_aspect"});  // 35 × 45 mm
  EXPECT_TRUE(check_photo_size({413, 600}).problems.empty());  // 3 % from 49 mm: a crop rounded, accepted
}

TEST(PhotoSize, FewerPixelsThan300DpiAreTooSmall) {
  const SizeVerdict small = check_photo_size({150, 210});
  EXPECT_EQ(names(small), std::vector<std::string>{"too_small"});
  EXPECT_NE(small.problems.front().message.find("109 dpi at 35 mm wide, under 300 dpi (413 px wide at least)"),
            std::string::npos)
      << small.problems.front().message;
  EXPECT_EQ(names(check_photo_size({412, 577})), std::vector<std::string>{"too_small"});
}

TEST(PhotoSize, TheStandardIsConfiguration) {
  PhotoStandard passport;
  passport.heights_mm = {45};
  EXPECT_TRUE(check_photo_size({413, 531}, passport).problems.empty());
  EXPECT_EQ(names(check_photo_size({413, 579}, passport)), std::vector<std::string>{"wrong_aspect"});
}

}  // namespace
}  // namespace intake
