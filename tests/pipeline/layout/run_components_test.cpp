#include "pipeline/layout/run_components.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <random>
#include <tuple>

namespace intake {
namespace {

// Random blobs, strokes and specks, with widths that are not a multiple of the eight-byte stride.
cv::Mat random_mask(unsigned seed, cv::Size size) {
  std::mt19937 random(seed);
  cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
  std::uniform_int_distribution<int> x(-5, size.width + 5), y(-5, size.height + 5), radius(1, 6), value(1, 255);
  for (int i = 0; i < 40; ++i) cv::circle(mask, {x(random), y(random)}, radius(random), value(random), cv::FILLED);
  for (int i = 0; i < 15; ++i) cv::line(mask, {x(random), y(random)}, {x(random), y(random)}, 255, 1);
  for (int i = 0; i < 200; ++i)
    mask.at<unsigned char>(std::abs(y(random)) % size.height, std::abs(x(random)) % size.width) = 255;
  return mask;
}

using Stats = std::tuple<int, int, int, int, int>;  // left, top, width, height, area

std::vector<Stats> run_stats(const std::vector<PixelRun>& runs, const std::vector<int>& label, int count) {
  std::vector<cv::Rect> boxes(static_cast<std::size_t>(count));
  std::vector<int> areas(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const cv::Rect run(runs[i].begin, runs[i].line, runs[i].end - runs[i].begin, 1);
    auto& box = boxes[static_cast<std::size_t>(label[i])];
    box = areas[static_cast<std::size_t>(label[i])] == 0 ? run : (box | run);
    areas[static_cast<std::size_t>(label[i])] += run.width;
  }
  std::vector<Stats> stats;
  for (int i = 0; i < count; ++i) stats.emplace_back(boxes[i].x, boxes[i].y, boxes[i].width, boxes[i].height, areas[i]);
  return stats;
}

std::vector<Stats> opencv_stats(const cv::Mat& mask, int connectivity) {
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, connectivity, CV_32S);
  std::vector<Stats> out;
  for (int i = 1; i < count; ++i)
    out.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT),
                     stats.at<int>(i, cv::CC_STAT_AREA));
  return out;
}

TEST(RunComponents, RowRunsCoverExactlyTheMarkedPixels) {
  const cv::Mat mask = random_mask(1, {203, 61});
  for (const bool nonzero : {true, false}) {
    cv::Mat drawn = cv::Mat::zeros(mask.size(), CV_8UC1);
    const std::vector<PixelRun> runs = row_runs(mask, nonzero);
    for (std::size_t i = 0; i < runs.size(); ++i) {
      ASSERT_LT(runs[i].begin, runs[i].end);
      if (i > 0 && runs[i].line == runs[i - 1].line) {
        EXPECT_GT(runs[i].begin, runs[i - 1].end);  // maximal runs
      }
      drawn.row(runs[i].line).colRange(runs[i].begin, runs[i].end).setTo(255);
    }
    const cv::Mat expected = nonzero ? mask != 0 : mask == 0;
    EXPECT_EQ(cv::countNonZero(drawn != expected), 0) << nonzero;
  }
}

// Four-connected: the same components as OpenCV's, numbered in the same (raster) order.
TEST(RunComponents, FourConnectedMatchOpenCvInOrder) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const cv::Mat mask = random_mask(seed, {97 + static_cast<int>(seed) * 13, 80});
    const std::vector<PixelRun> runs = row_runs(mask);
    int count = 0;
    const std::vector<int> label = connect_runs(runs, false, &count);
    EXPECT_EQ(run_stats(runs, label, count), opencv_stats(mask, 4)) << seed;
  }
}

// Eight-connected: the same components (OpenCV numbers them by 2×2 blocks, so compare them as a set).
TEST(RunComponents, EightConnectedMatchOpenCv) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const cv::Mat mask = random_mask(seed, {97 + static_cast<int>(seed) * 13, 80});
    const std::vector<PixelRun> runs = row_runs(mask);
    int count = 0;
    const std::vector<int> label = connect_runs(runs, true, &count);
    std::vector<Stats> ours = run_stats(runs, label, count), theirs = opencv_stats(mask, 8);
    std::sort(ours.begin(), ours.end());
    std::sort(theirs.begin(), theirs.end());
    EXPECT_EQ(ours, theirs) << seed;
  }
}

TEST(RunComponents, DiagonalTouchJoinsOnlyWhenEightConnected) {
  cv::Mat mask = cv::Mat::zeros(4, 12, CV_8UC1);
  mask.at<unsigned char>(0, 3) = 255;
  mask.at<unsigned char>(1, 4) = 255;  // touches (0, 3) at a corner
  mask.at<unsigned char>(3, 4) = 255;  // a row apart: never joined
  const std::vector<PixelRun> runs = row_runs(mask);
  int four = 0, eight = 0;
  connect_runs(runs, false, &four);
  connect_runs(runs, true, &eight);
  EXPECT_EQ(four, 3);
  EXPECT_EQ(eight, 2);
  int none = -1;
  EXPECT_TRUE(connect_runs({}, true, &none).empty());
  EXPECT_EQ(none, 0);
}

}  // namespace
}  // namespace intake
