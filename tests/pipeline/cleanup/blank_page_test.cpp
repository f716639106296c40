#include "pipeline/cleanup/blank_page.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/page_cleanup.h"
#include "synthetic_page.h"

namespace intake {
namespace {

// The back side of a duplex scan of `front`: paper with scanner noise, dust, a lid shadow and the front showing
// through; `line` adds one short line of text (a page number, an 附件 label).
cv::Mat back_side(const testing::SyntheticPage& front, unsigned seed, bool line, bool colour) {
  cv::Mat page(front.image.size(), CV_8UC3, cv::Scalar(228 + seed % 10, 236, 240));
  if (line) {
    cv::Mat truth = cv::Mat::zeros(page.size(), CV_8UC1);
    cv::RNG rng(seed);
    testing::PageDrawer draw(page, truth, front.dpi, rng);
    draw.text_line(rng.uniform(20.0, 150.0), rng.uniform(20.0, 270.0), 4.0, 3, cv::Scalar::all(30), false);
  }
  cv::Mat scan = colour ? page : testing::to_grey(page);
  testing::add_show_through(scan, colour ? front.image : testing::to_grey(front.image), 0.12);
  testing::add_uneven_light(scan, front.dpi, 0.85, seed % 2 ? testing::Edge::right : testing::Edge::bottom, 4, 12);
  testing::add_noise(scan, 5, seed);
  testing::add_dust(scan, 150, seed);
  return scan;
}

struct BlankCase {
  int dpi;
  bool colour;
  unsigned seed;
};

class BlankPage : public ::testing::TestWithParam<BlankCase> {};

TEST_P(BlankPage, BackSideIsBlankOneShortLineIsNot) {
  const BlankCase c = GetParam();
  testing::PageSpec front;
  front.dpi = c.dpi;
  front.seed = c.seed;
  const testing::SyntheticPage page = testing::draw_page(front);
  const ColourMode mode = c.colour ? ColourMode::colour : ColourMode::grey;
  EXPECT_TRUE(clean_page({1, back_side(page, c.seed, false, c.colour), c.dpi, DpiSource::file, mode}).blank);
  EXPECT_FALSE(clean_page({2, back_side(page, c.seed, true, c.colour), c.dpi, DpiSource::file, mode}).blank);
}

INSTANTIATE_TEST_SUITE_P(Blank, BlankPage,
                         ::testing::Values(BlankCase{200, false, 1}, BlankCase{200, false, 2}, BlankCase{300, false, 3},
                                           BlankCase{200, true, 4}),
                         [](const auto& info) {
                           return std::to_string(info.param.dpi) + (info.param.colour ? "dpi_colour" : "dpi_grey") +
                                  "_seed" + std::to_string(info.param.seed);
                         });

// The verdict itself, on flattened pages: a hair is not content, three glyphs are, an empty table is a form.
TEST(BlankVerdict, MarksRulingsAndInk) {
  const int dpi = 200;
  cv::Mat paper(2339, 1654, CV_8UC1, cv::Scalar(255));
  EXPECT_TRUE(assess_blank(paper, dpi).blank);

  cv::Mat hair = paper.clone();
  cv::line(hair, {400, 400}, {430, 440}, 60, 2);
  const BlankVerdict with_hair = assess_blank(hair, dpi);
  EXPECT_TRUE(with_hair.blank);
  EXPECT_EQ(with_hair.marks, 1);

  cv::Mat glyphs = paper.clone();
  for (int i = 0; i < 3; ++i) cv::rectangle(glyphs, cv::Rect(300 + i * 35, 800, 28, 28), 30, 3);
  EXPECT_FALSE(assess_blank(glyphs, dpi).blank);

  cv::Mat form = paper.clone();
  cv::line(form, {150, 300}, {1500, 300}, 20, 3);
  const BlankVerdict ruled = assess_blank(form, dpi);
  EXPECT_TRUE(ruled.rulings);
  EXPECT_FALSE(ruled.blank);

  cv::Mat faint = paper.clone();
  for (int i = 0; i < 20; ++i) cv::rectangle(faint, cv::Rect(300 + i * 35, 800, 28, 28), 200, 3);
  EXPECT_TRUE(assess_blank(faint, dpi).blank) << "show-through grey is not ink";
}

}  // namespace
}  // namespace intake
