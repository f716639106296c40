#include "pipeline/cleanup/illumination.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/page_cleanup.h"
#include "synthetic_page.h"

namespace intake {
namespace {

// `mask` (255 = set) carried from the decoded page into the clean page.
cv::Mat into_clean_page(const cv::Mat& mask, const CleanPage& clean) {
  cv::Mat moved;
  cv::warpAffine(mask, moved, clean.to_original, clean.grey.size(), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP);
  return moved;
}

double share(const cv::Mat& condition, const cv::Mat& where) {
  const int total = cv::countNonZero(where);
  return total == 0 ? 1 : cv::countNonZero(condition & where) / static_cast<double>(total);
}

struct ShadeCase {
  testing::Edge edge;
  int dpi;
};

std::string case_name(const ShadeCase& c) {
  const char* const edges[] = {"left", "right", "top", "bottom"};
  return std::string(edges[static_cast<int>(c.edge)]) + "_" + std::to_string(c.dpi) + "dpi";
}

class IlluminationShade : public ::testing::TestWithParam<ShadeCase> {};

// Paper tone falling to 70 % across the page and a lid shadow (black band, then a 15 mm fade) at one edge: after
// cleanup the paper is white everywhere — checked tile by tile, so a dark corner cannot hide in an average — and
// the text is still dark, in the dim corner too.
TEST_P(IlluminationShade, PaperWhiteAcrossThePageAndTextDark) {
  const ShadeCase c = GetParam();
  testing::PageSpec spec;
  spec.dpi = c.dpi;
  spec.seed = 40 + static_cast<unsigned>(c.edge);
  const testing::SyntheticPage page = testing::draw_page(spec);
  cv::Mat grey = testing::to_grey(page.image);
  testing::add_uneven_light(grey, c.dpi, 0.7, c.edge, 6, 15);
  testing::add_noise(grey, 3, spec.seed);
  const CleanPage clean = clean_page({1, grey, c.dpi, DpiSource::file, ColourMode::grey});
  ASSERT_EQ(clean.rotation, 0);

  cv::Mat ink_near;
  cv::dilate(page.black_ink | page.seal_ink, ink_near, cv::Mat::ones(9, 9, CV_8UC1));
  const cv::Mat paper = into_clean_page(~ink_near, clean);
  cv::Mat text_core;
  cv::erode(page.black_ink, text_core, cv::Mat::ones(3, 3, CV_8UC1));
  const cv::Mat text = into_clean_page(text_core, clean);

  const int tile = static_cast<int>(15 * c.dpi / 25.4);
  for (int y = 0; y + tile <= clean.grey.rows; y += tile)
    for (int x = 0; x + tile <= clean.grey.cols; x += tile) {
      const cv::Rect box(x, y, tile, tile);
      EXPECT_GT(share(clean.grey(box) > 230, paper(box)), 0.98) << "tile at " << x << "," << y;
    }
  EXPECT_GT(share(clean.grey > 230, paper), 0.995);
  EXPECT_GT(share(clean.grey < 128, text), 0.95);
  // The dim bottom-right quarter on its own.
  const cv::Rect dim(clean.grey.cols / 2, clean.grey.rows / 2, clean.grey.cols / 2, clean.grey.rows / 2);
  EXPECT_GT(share(clean.grey(dim) < 128, text(dim)), 0.95);
}

INSTANTIATE_TEST_SUITE_P(Illumination, IlluminationShade,
                         ::testing::Values(ShadeCase{testing::Edge::left, 200}, ShadeCase{testing::Edge::right, 300},
                                           ShadeCase{testing::Edge::top, 200}, ShadeCase{testing::Edge::bottom, 200}),
                         [](const auto& info) { return case_name(info.param); });

// The estimate follows a smooth gradient under text and tables alike: flattened paper sits at white, and the ink
// keeps its contrast.
TEST(IlluminationFlatten, GradientFlattenedInkKept) {
  for (unsigned seed : {1u, 2u}) {
    testing::PageSpec spec;
    spec.seed = seed;
    spec.seal = false;
    const testing::SyntheticPage page = testing::draw_page(spec);
    cv::Mat grey = testing::to_grey(page.image);
    testing::add_uneven_light(grey, spec.dpi, 0.6, testing::Edge::left, 0, 0);
    const cv::Mat flat = flatten(grey, estimate_paper(grey, spec.dpi));
    cv::Mat ink_near, text_core;
    cv::dilate(page.black_ink, ink_near, cv::Mat::ones(9, 9, CV_8UC1));
    cv::erode(page.black_ink, text_core, cv::Mat::ones(3, 3, CV_8UC1));
    EXPECT_GT(share(flat > 240, ~ink_near), 0.99);
    EXPECT_GT(share(flat < 100, text_core), 0.95);
  }
}

}  // namespace
}  // namespace intake
