#include "pipeline/cleanup/page_cleanup.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <opencv2/imgproc.hpp>

#include "synthetic_page.h"

namespace intake {
namespace {

// Where a point of an upright page lands in a scan made by skewing it (`forward`) and then turning it clockwise
// by `quarter` degrees (`skewed` is the size after skewing).
cv::Point2d in_scan(cv::Point2d p, const cv::Matx23d& forward, cv::Size skewed, int quarter) {
  const cv::Point2d q = testing::apply(forward, p);
  switch (quarter) {
    case 90: return {skewed.height - 1 - q.y, q.x};
    case 180: return {skewed.width - 1 - q.x, skewed.height - 1 - q.y};
    case 270: return {q.y, skewed.width - 1 - q.x};
    default: return q;
  }
}

cv::Mat turn(const cv::Mat& image, int quarter) {
  cv::Mat turned = image;
  if (quarter == 90) cv::rotate(image, turned, cv::ROTATE_90_CLOCKWISE);
  if (quarter == 180) cv::rotate(image, turned, cv::ROTATE_180);
  if (quarter == 270) cv::rotate(image, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  return turned;
}

// The table's top-left corner found on the clean page: where the centre lines of the top and left rulings meet.
cv::Point2d table_corner(const cv::Mat& binary, int dpi) {
  const int length = static_cast<int>(40 * dpi / 25.4);
  const cv::Mat ink = binary == 0;
  cv::Mat across, down;
  cv::morphologyEx(ink, across, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {length, 1}));
  cv::morphologyEx(ink, down, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, length}));
  const cv::Rect table = cv::boundingRect(across | down);
  const int probe = static_cast<int>(5 * dpi / 25.4);
  double y_sum = 0, x_sum = 0;
  int y_count = 0, x_count = 0;
  for (int y = table.y; y < table.y + probe; ++y)
    if (across.at<unsigned char>(y, table.x + probe)) y_sum += y, ++y_count;
  for (int x = table.x; x < table.x + probe; ++x)
    if (down.at<unsigned char>(table.y + probe, x)) x_sum += x, ++x_count;
  return {x_count ? x_sum / x_count : -1e9, y_count ? y_sum / y_count : -1e9};
}

struct ScanCase {
  int quarter;  // the scan is the page turned clockwise by this much...
  double skew;  // ...after skewing it counter-clockwise by this much
  int dpi;
  bool colour;
};

class CleanupScan : public ::testing::TestWithParam<ScanCase> {};

// A form scanned turned and skewed: made upright and straight, and the table corner and the seal found on the
// clean page map back onto the scan where they are.
TEST_P(CleanupScan, UprightStraightAndMapsBack) {
  const ScanCase c = GetParam();
  testing::PageSpec spec;
  spec.dpi = c.dpi;
  spec.seed = 60 + static_cast<unsigned>(c.quarter);
  const testing::SyntheticPage page = testing::draw_page(spec);
  cv::Matx23d forward;
  const cv::Mat image = c.colour ? page.image : testing::to_grey(page.image);
  const cv::Mat skewed = testing::rotate_image(image, c.skew, cv::Scalar::all(238), &forward);
  cv::Mat scan = turn(skewed, c.quarter);
  testing::add_noise(scan, 3, spec.seed);

  const CleanPage clean =
      clean_page({1, scan, c.dpi, DpiSource::file, c.colour ? ColourMode::colour : ColourMode::grey});
  EXPECT_EQ(clean.rotation, (360 - c.quarter) % 360);
  EXPECT_NEAR(clean.skew_degrees, c.skew, 0.2);
  EXPECT_FALSE(clean.blank);
  ASSERT_EQ(clean.to_original.type(), CV_64F);

  const cv::Point2d corner = table_corner(clean.binary, c.dpi);
  const cv::Point2d expected = in_scan(cv::Point2d(page.table.tl()), forward, skewed.size(), c.quarter);
  const cv::Point2d found = testing::apply(cv::Matx23d(clean.to_original), corner);
  EXPECT_LT(cv::norm(found - expected), 2.0) << "found " << found << " expected " << expected;
  const cv::Rect back = clean.original_box(cv::Rect(cv::Point(cvRound(corner.x), cvRound(corner.y)), cv::Size(1, 1)));
  EXPECT_LT(cv::norm(cv::Point2d(back.x + back.width / 2.0 - 0.5, back.y + back.height / 2.0 - 0.5) - expected), 2.5);

  ASSERT_EQ(clean.seals.size(), 1u);
  EXPECT_EQ(clean.seals[0].red, c.colour);
  const cv::Point2d seal = testing::apply(cv::Matx23d(clean.to_original), cv::Point2d(clean.seals[0].centre));
  EXPECT_LT(cv::norm(seal - in_scan(cv::Point2d(page.seal_centre), forward, skewed.size(), c.quarter)),
            2 * c.dpi / 25.4);
  EXPECT_NEAR(clean.seals[0].radius, page.seal_radius, 0.1 * page.seal_radius);
  EXPECT_EQ(clean.seal_mask.size(), clean.grey.size());
}

INSTANTIATE_TEST_SUITE_P(Cleanup, CleanupScan,
                         ::testing::Values(ScanCase{0, 0.35, 200, true}, ScanCase{90, -2.1, 200, false},
                                           ScanCase{180, 3.7, 200, true}, ScanCase{270, -7.3, 200, false},
                                           ScanCase{90, 9.5, 200, true}, ScanCase{180, 0.0, 300, false}),
                         [](const auto& info) {
                           const auto& c = info.param;
                           return "turned" + std::to_string(c.quarter) + "_skew" + (c.skew < 0 ? "minus" : "") +
                                  std::to_string(static_cast<int>(std::lround(std::abs(c.skew) * 100))) + "_" +
                                  std::to_string(c.dpi) + (c.colour ? "dpi_colour" : "dpi_grey");
                         });

// A report's last page ends near its top, its seal with it: the seal is in the page's upper half, yet below the
// text, which is what tells up from down.
TEST(CleanupOrientation, AShortLastPageWithItsSealNearTheTopStaysUpright) {
  for (const int quarter : {0, 180}) {
    for (const unsigned seed : {80u, 81u, 82u}) {
      testing::PageSpec spec;
      spec.seed = seed;
      spec.short_last_page = true;
      cv::Mat scan = turn(testing::draw_page(spec).image, quarter);
      testing::add_noise(scan, 3, seed);
      const CleanPage clean = clean_page({1, scan, spec.dpi, DpiSource::file, ColourMode::colour});
      EXPECT_EQ(clean.rotation, quarter) << "seed " << seed << ", turned " << quarter;
    }
  }
}

TEST(CleanupInput, EmptyImageIsABlankPageWithIdentityMap) {
  const CleanPage clean = clean_page({1, cv::Mat(), 0, DpiSource::file, ColourMode::grey});
  EXPECT_TRUE(clean.blank);
  EXPECT_EQ(clean.dpi, 300);
  EXPECT_EQ(clean.original_box({3, 4, 5, 6}), cv::Rect(3, 4, 5, 6));
}

// Scanned upright and straight: nothing is resampled, so the clean page's coordinates are the scan's.
TEST(CleanupInput, UprightStraightScanKeepsItsCoordinates) {
  testing::PageSpec spec;
  spec.seed = 70;
  const testing::SyntheticPage page = testing::draw_page(spec);
  const CleanPage clean = clean_page({1, page.image, spec.dpi, DpiSource::file, ColourMode::colour});
  EXPECT_EQ(clean.rotation, 0);
  EXPECT_EQ(clean.skew_degrees, 0);
  EXPECT_EQ(clean.grey.size(), page.image.size());
  EXPECT_EQ(cv::norm(clean.to_original, cv::Mat(cv::Matx23d(1, 0, 0, 0, 1, 0))), 0);
  EXPECT_EQ(clean.original_box({100, 200, 300, 40}), cv::Rect(100, 200, 300, 40));
}

// Not a check (timings depend on the machine): prints the time per page on one thread.
// Run with --gtest_also_run_disabled_tests --gtest_filter='*Timing*'.
TEST(CleanupTiming, DISABLED_MillisecondsPerPageOnOneThread) {
  const int threads = cv::getNumThreads();
  cv::setNumThreads(1);
  for (int dpi : {200, 300})
    for (bool colour : {true, false}) {
      testing::PageSpec spec;
      spec.dpi = dpi;
      const testing::SyntheticPage page = testing::draw_page(spec);
      cv::Mat scan =
          testing::rotate_image(colour ? page.image : testing::to_grey(page.image), 2.3, cv::Scalar::all(238));
      testing::add_noise(scan, 3, 1);
      const DecodedPage decoded{1, scan, dpi, DpiSource::file, colour ? ColourMode::colour : ColourMode::grey};
      double wall = 1e9, cpu = 1e9;
      for (int run = 0; run < 5; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t start_cpu = std::clock();
        const CleanPage clean = clean_page(decoded);
        cpu = std::min(cpu, 1000.0 * static_cast<double>(std::clock() - start_cpu) / CLOCKS_PER_SEC);
        wall =
            std::min(wall, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      std::printf("%d dpi %s, skewed 2.3°: %.0f ms wall, %.0f ms CPU (best of 5)\n", dpi, colour ? "colour" : "grey",
                  wall, cpu);
    }
  cv::setNumThreads(threads);
}

}  // namespace
}  // namespace intake
