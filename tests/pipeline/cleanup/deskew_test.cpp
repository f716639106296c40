#include "pipeline/cleanup/deskew.h"

#include <gtest/gtest.h>

#include <cmath>

#include "synthetic_page.h"

namespace intake {
namespace {

struct SkewCase {
  double degrees;
  int dpi;
};

class DeskewAngle : public ::testing::TestWithParam<SkewCase> {};

// A form (title, ruled table, text) turned by a known angle: the estimate must be within 0.2° of it.
TEST_P(DeskewAngle, FormSkewFoundWithinTwoTenthsOfADegree) {
  const SkewCase c = GetParam();
  for (unsigned seed = 1; seed <= (c.dpi < 300 ? 2u : 1u); ++seed) {
    testing::PageSpec spec;
    spec.dpi = c.dpi;
    spec.seed = seed + static_cast<unsigned>(std::abs(c.degrees) * 10);
    const testing::SyntheticPage page = testing::draw_page(spec);
    cv::Mat grey = testing::rotate_image(testing::to_grey(page.image), c.degrees, cv::Scalar(240));
    testing::add_noise(grey, 4, seed);
    const SkewEstimate skew = find_skew(grey, c.dpi);
    EXPECT_NEAR(skew.degrees, c.degrees, 0.2) << "seed " << seed;
    EXPECT_NE(skew.source, SkewSource::none);
  }
}

INSTANTIATE_TEST_SUITE_P(Deskew, DeskewAngle,
                         ::testing::Values(SkewCase{-7.3, 200}, SkewCase{-2.1, 300}, SkewCase{-0.4, 200},
                                           SkewCase{0.35, 300}, SkewCase{3.7, 200}, SkewCase{9.5, 300},
                                           SkewCase{-9.8, 200}, SkewCase{0.0, 300}),
                         [](const auto& info) {
                           const double d = info.param.degrees;
                           return (d < 0 ? std::string("minus") : std::string("plus")) +
                                  std::to_string(static_cast<int>(std::lround(std::abs(d) * 100))) + "_" +
                                  std::to_string(info.param.dpi) + "dpi";
                         });

// Without rulings only the text lines tell the skew.
TEST(DeskewText, ProsePageSkewFoundFromTextLines) {
  for (double degrees : {-4.6, 1.3, 6.2}) {
    testing::PageSpec spec;
    spec.table = false;
    spec.seal = false;
    spec.seed = static_cast<unsigned>(degrees * 10 + 100);
    const testing::SyntheticPage page = testing::draw_page(spec);
    const cv::Mat grey = testing::rotate_image(testing::to_grey(page.image), degrees, cv::Scalar(240));
    const SkewEstimate skew = find_skew(grey, spec.dpi);
    EXPECT_NEAR(skew.degrees, degrees, 0.2);
    EXPECT_EQ(skew.source, SkewSource::projection);
  }
}

// A sideways page has vertical lines; the skew of those is the rotation to undo all the same.
TEST(DeskewSideways, QuarterTurnedPageGivesTheSameSkew) {
  testing::PageSpec spec;
  spec.seed = 31;
  const testing::SyntheticPage page = testing::draw_page(spec);
  cv::Mat turned;
  cv::rotate(testing::to_grey(page.image), turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  const cv::Mat grey = testing::rotate_image(turned, 2.8, cv::Scalar(240));
  EXPECT_NEAR(find_skew(grey, spec.dpi).degrees, 2.8, 0.2);
}

TEST(DeskewBlank, EmptyPageIsNotSkewed) {
  cv::Mat grey(2339, 1654, CV_8UC1, cv::Scalar(238));
  testing::add_noise(grey, 5, 3);
  const SkewEstimate skew = find_skew(grey, 200);
  EXPECT_EQ(skew.degrees, 0);
  EXPECT_EQ(skew.source, SkewSource::none);
}

}  // namespace
}  // namespace intake
