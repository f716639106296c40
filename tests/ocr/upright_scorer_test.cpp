#include "ocr/upright_scorer.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/page_cleanup.h"
#include "support/fixtures.h"

namespace intake {
namespace {

TesseractEngine& engine() {
  static TesseractEngine instance = [] {
    auto created = TesseractEngine::create();
    if (!created) throw std::runtime_error(created.error().reason);
    return std::move(created).value();
  }();
  return instance;
}

cv::Mat half_turn(const cv::Mat& image) {
  cv::Mat turned;
  cv::rotate(image, turned, cv::ROTATE_180);
  return turned;
}

// Lines as the strips find_orientation cuts: a report's prose, a form's label and value, a date with digits.
const char* const lines[] = {
    "二〇二五年度全市政务公开工作取得明显成效，各单位高度重视",
    "主要事迹：该同志认真贯彻落实政务公开各项要求",
    "推荐单位意见：同意推荐 2025年12月18日",
};

TEST(UprightScorer, ScoresUprightLinesAboveTheirHalfTurnInEveryFont) {
  for (const char* font : {"Noto Serif CJK SC", "AR PL UMing CN", "AR PL UKai CN"})
    for (const int dpi : {200, 300}) {
      const UprightScorer score = make_upright_scorer(engine(), dpi);
      for (const char* text : lines) {
        const cv::Mat line = testing::render_text(text, font, 12, dpi);
        const double upright = score(line), flipped = score(half_turn(line));
        // Clearly apart, not merely ordered: orientation sums a few strips and stops at a decisive difference.
        EXPECT_GT(upright - flipped, 0.3) << font << " " << dpi << " dpi: " << text;
        EXPECT_GT(upright, 0.7) << font << " " << dpi << " dpi: " << text;
      }
    }
}

TEST(UprightScorer, NothingToReadScoresZero) {
  const UprightScorer score = make_upright_scorer(engine(), 300);
  EXPECT_EQ(score(cv::Mat(60, 600, CV_8UC1, cv::Scalar(255))), 0);
  EXPECT_EQ(score(cv::Mat()), 0);
}

// A page of prose centred on the sheet: no title, table or seal, and the text starts as far from the top as it
// ends from the bottom, so layout has no cue for up and down and a half-turned scan stays upside down.
cv::Mat prose_page(int dpi) {
  const std::string paragraph =
      "　　二〇二五年，我市认真贯彻落实政务公开工作要点，\n"
      "围绕重点领域信息公开，持续完善政府信息主动公开目录，\n"
      "按时完成年度政府信息公开工作报告的编制和发布工作。\n"
      "　　各单位高度重视政务公开工作，明确分管领导和工作人员，\n"
      "建立健全信息发布审核机制，做到应公开尽公开，\n"
      "全年主动公开政府信息三千余条，依申请公开办结率百分之百。\n";
  std::string text;
  for (int i = 0; i < 5; ++i) text += paragraph;
  const cv::Mat block = testing::render_text(text, "Noto Serif CJK SC", 12, dpi);
  cv::Mat page(dpi * 297 * 10 / 254, dpi * 210 * 10 / 254, CV_8UC1, cv::Scalar(255));
  const cv::Rect at((page.cols - block.cols) / 2, (page.rows - block.rows) / 2, block.cols, block.rows);
  block.copyTo(page(at & cv::Rect(0, 0, page.cols, page.rows)));
  return page;
}

TEST(UprightScorer, TurnsAnUpsideDownProsePageThatLayoutCannot) {
  const int dpi = 300;
  DecodedPage scan;
  scan.image = half_turn(prose_page(dpi));
  scan.dpi = dpi;
  scan.mode = ColourMode::grey;
  EXPECT_EQ(clean_page(scan).rotation, 0) << "layout alone found the turn: the page does not test the scorer";
  const CleanPage clean = clean_page(scan, {}, make_upright_scorer(engine(), dpi));
  EXPECT_EQ(clean.rotation, 180);
  EXPECT_GT(clean.orientation_confidence, 0.3);
}

}  // namespace
}  // namespace intake
