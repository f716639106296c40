#include "pipeline/cleanup/binarize.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/illumination.h"
#include "pipeline/cleanup/page_cleanup.h"
#include "pipeline/layout/table_grid.h"
#include "synthetic_page.h"

namespace intake {
namespace {

double share(const cv::Mat& condition, const cv::Mat& where) {
  const int total = cv::countNonZero(where);
  return total == 0 ? 1 : cv::countNonZero(condition & where) / static_cast<double>(total);
}

// Sauvola on the flattened page: glyph and ruling cores are ink, paper (and the mirror image showing through from
// the back) is paper.
class BinarizePage : public ::testing::TestWithParam<int> {};

TEST_P(BinarizePage, TextIsInkPaperAndShowThroughArePaper) {
  testing::PageSpec spec;
  spec.dpi = GetParam();
  spec.seed = static_cast<unsigned>(spec.dpi);
  spec.seal = false;
  const testing::SyntheticPage page = testing::draw_page(spec);
  testing::PageSpec back = spec;
  back.seed += 100;
  cv::Mat grey = testing::to_grey(page.image);
  testing::add_show_through(grey, testing::to_grey(testing::draw_page(back).image), 0.1);
  testing::add_noise(grey, 4, spec.seed);
  const cv::Mat binary = binarize_sauvola(flatten(grey, estimate_paper(grey, spec.dpi)), spec.dpi);

  cv::Mat core, near;
  cv::erode(page.black_ink, core, cv::Mat::ones(3, 3, CV_8UC1));
  cv::dilate(page.black_ink, near, cv::Mat::ones(7, 7, CV_8UC1));
  EXPECT_GT(share(binary == 0, core), 0.97);
  EXPECT_GT(share(binary == 255, ~near), 0.999);
}

INSTANTIATE_TEST_SUITE_P(Binarize, BinarizePage, ::testing::Values(200, 300),
                         [](const auto& info) { return std::to_string(info.param) + "dpi"; });

// Specks (1–2 px) go, the dot of a 、 (0.5 mm) stays; the grey page loses the same pixels.
TEST(Binarize, SpecksRemovedDotsKept) {
  for (int dpi : {200, 300}) {
    cv::Mat binary(1200, 900, CV_8UC1, cv::Scalar(255));
    cv::Mat grey(binary.size(), CV_8UC1, cv::Scalar(250));
    cv::RNG rng(static_cast<uint64_t>(dpi));
    const int dot = static_cast<int>(std::lround(0.25 * dpi / 25.4));
    cv::Mat dots = cv::Mat::zeros(binary.size(), CV_8UC1);
    for (int i = 0; i < 40; ++i)
      cv::circle(dots, cv::Point(rng.uniform(20, 880), rng.uniform(20, 1180)), dot, 255, cv::FILLED);
    cv::Mat near_dots;
    cv::dilate(dots, near_dots, cv::Mat::ones(7, 7, CV_8UC1));
    // Specks of 1 or 2 px on a jittered 20 px lattice (so no two touch), clear of the dots.
    cv::Mat specks = cv::Mat::zeros(binary.size(), CV_8UC1);
    for (int y = 5; y < 1190; y += 20)
      for (int x = 5; x < 890; x += 20) {
        const cv::Point p(x + rng.uniform(0, 8), y + rng.uniform(0, 8));
        if (near_dots.at<unsigned char>(p) == 0)
          cv::rectangle(specks, p, p + cv::Point(rng.uniform(0, 2), 0), 255, cv::FILLED);
      }
    binary.setTo(0, dots | specks);
    grey.setTo(40, dots | specks);
    const int removed = remove_speckles(binary, &grey, dpi, 0.05);
    EXPECT_GT(removed, 200);
    EXPECT_EQ(cv::countNonZero((binary == 0) & specks & ~dots), 0) << "specks left";
    EXPECT_EQ(cv::countNonZero((binary == 0) & dots), cv::countNonZero(dots)) << "dots lost";
    EXPECT_EQ(cv::countNonZero((grey < 128) != (binary == 0)), 0) << "grey and binary disagree";
  }
}

// A 1-bit scan is already binary: cleanup keeps it as it is, apart from specks.
TEST(Binarize, OneBitPageKeptAsIs) {
  testing::PageSpec spec;
  spec.seed = 12;
  const testing::SyntheticPage page = testing::draw_page(spec);
  const cv::Mat bw = testing::to_bw(page.image);
  cv::Mat scan = bw.clone();
  testing::add_dust(scan, 200, 3);
  cv::threshold(scan, scan, 127, 255, cv::THRESH_BINARY);
  const CleanPage clean = clean_page({1, scan, spec.dpi, DpiSource::file, ColourMode::bw});
  ASSERT_EQ(clean.skew_degrees, 0);
  ASSERT_EQ(clean.rotation, 0);
  cv::Mat expected = scan.clone();
  ASSERT_GT(remove_speckles(expected, nullptr, spec.dpi, BinarizeOptions{}.max_speck_mm2), 0);
  EXPECT_EQ(cv::countNonZero(clean.binary != expected), 0);
  EXPECT_EQ(cv::countNonZero(clean.grey != expected), 0);
}

// A skewed 1-bit scan of a table ruled in one-pixel lines: deskewed, each thin ruling is still one ruling where
// rulings are looked for. The warp spreads a one-pixel line over two pixels of mid-grey wherever it steps to the
// next column; cut at 127, every such step was a gap, an inner ruling came out as dashes too short to be rulings,
// and the label and value columns merged.
TEST(Binarize, ASkewedOneBitScansThinRulingsStayWhole) {
  const int dpi = 200;
  cv::Mat upright(2339, 1654, CV_8UC1, cv::Scalar(255));
  const cv::Rect table(200, 300, 1300, 1800);
  cv::rectangle(upright, table, 0, 4);
  for (int y = table.y + 110; y < table.br().y; y += 110)
    cv::line(upright, {table.x, y}, {table.br().x, y}, 0, 2);
  for (const int x : {420, 700, 1100}) cv::line(upright, {x, table.y}, {x, table.br().y - 1}, 0, 1);
  for (int y = table.y + 40; y < table.br().y; y += 110)  // a line of glyph-sized marks in each row
    for (int x = 450; x < 1050; x += 40) cv::rectangle(upright, cv::Rect(x, y, 26, 28), 0, 3);
  cv::Mat scan;
  const cv::Matx23d skew = cv::getRotationMatrix2D(cv::Point2f(827, 1170), 0.34, 1.0);
  cv::warpAffine(upright, scan, skew, upright.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 255);
  const CleanPage clean = clean_page({1, scan, dpi, DpiSource::file, ColourMode::bw});
  ASSERT_NEAR(std::abs(clean.skew_degrees), 0.34, 0.05);
  ASSERT_FALSE(clean.ruling_binary.empty());
  const PageRulings rulings = find_rulings(clean.ruling_binary, dpi);
  // Whole vertical rulings: runs of columns each holding nearly the table's height of ruling.
  int whole = 0;
  bool in_ruling = false;
  for (int x = 0; x < rulings.vertical.cols; ++x) {
    const bool tall = cv::countNonZero(rulings.vertical.col(x)) > 0.6 * table.height;
    whole += tall && !in_ruling;
    in_ruling = tall;
  }
  EXPECT_EQ(whole, 5) << "the two borders and three one-pixel rulings";
}

}  // namespace
}  // namespace intake
