#include "ocr/upright_scorer.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/cleanup/page_cleanup.h"
#include "pipeline/cleanup/synthetic_page.h"
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

cv::Mat turned(const cv::Mat& image, int degrees) {
  cv::Mat out;
  cv::rotate(image, out, degrees == 90 ? cv::ROTATE_90_CLOCKWISE : degrees == 180 ? cv::ROTATE_180
                                                                                 : cv::ROTATE_90_COUNTERCLOCKWISE);
  return out;
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

// A short line ending in a full stop: the stop read as 。 counts as read, or the line scores below its half turn
// read as five doubtful characters (0.79 against 0.92 in AR PL UMing at 200 dpi).
TEST(UprightScorer, AShortLinesFullStopCountsAsRead) {
  for (const char* font : {"Noto Serif CJK SC", "AR PL UMing CN", "AR PL UKai CN"})
    for (const int dpi : {200, 300}) {
      const UprightScorer score = make_upright_scorer(engine(), dpi);
      const cv::Mat line = testing::render_text("同意推荐。", font, 14, dpi);
      EXPECT_GT(score(line), score(half_turn(line)) + 0.05) << font << " " << dpi << " dpi";
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

// A blank A4 sheet to set text on, in millimetres, as a printer would.
struct Sheet {
  testing::SyntheticPage page;
  double ppm;
  explicit Sheet(int dpi) : ppm(dpi / 25.4) {
    page.dpi = dpi;
    page.image = cv::Mat(px(297), px(210), CV_8UC3, cv::Scalar::all(255));
  }
  int px(double mm) const { return static_cast<int>(std::lround(mm * ppm)); }
  void put(const std::string& text, const char* font, double points, double x_mm, double y_mm) {
    cv::Mat glyphs;
    cv::cvtColor(testing::render_text(text, font, points, page.dpi), glyphs, cv::COLOR_GRAY2BGR);
    const cv::Rect at =
        cv::Rect(px(x_mm), px(y_mm), glyphs.cols, glyphs.rows) & cv::Rect(0, 0, page.image.cols, page.image.rows);
    cv::Mat target = page.image(at);
    cv::min(target, glyphs(cv::Rect(0, 0, at.width, at.height)), target);
  }
};

// The second page of 附件6 as filled in: three opinion boxes, labels of four characters stacked in the left column,
// 同意。 at the top of the first box and its red seal stamped over the date at the bottom of it; the two boxes the
// province fills in later hold only their printed （盖章） and 年 月 日. No line is five glyphs long, and the seal
// stands above most of the page's lines, where an upside-down page's seal would.
cv::Mat opinions_page(int dpi) {
  Sheet sheet(dpi);
  const auto px = [&](double mm) { return sheet.px(mm); };
  const auto put = [&](const std::string& text, double x_mm, double y_mm) {
    sheet.put(text, "Noto Serif CJK SC", 12, x_mm, y_mm);
  };
  testing::SyntheticPage& page = sheet.page;
  const double left = 15, label_right = 42, right = 195, top = 20, row_height = 86;
  for (int row = 0; row <= 3; ++row)
    cv::line(page.image, {px(left), px(top + row * row_height)}, {px(right), px(top + row * row_height)},
             cv::Scalar::all(0), px(0.3));
  for (const double x : {left, label_right, right})
    cv::line(page.image, {px(x), px(top)}, {px(x), px(top + 3 * row_height)}, cv::Scalar::all(0), px(0.3));
  put("市（主管\n部门）\n意见", left + 2, top + 32);
  put("省评选表\n彰办意见", left + 2, top + row_height + 35);
  put("省人力资\n源社会保\n障厅意见", left + 2, top + 2 * row_height + 30);
  put("同意。", label_right + 3, top + 3);
  put("（盖章）", 150, top + 58);
  put("2026年1月12日", 150, top + 68);
  cv::RNG rng(4);
  testing::draw_seal(page, {158, top + 64}, 21, false, rng);
  for (int row = 1; row <= 2; ++row) {
    put("（盖章）", 150, top + row * row_height + 62);
    put("年　　月　　日", 145, top + row * row_height + 72);
  }
  return page.image;
}

TEST(UprightScorer, TurnsAPageOfOpinionBoxesWhoseLinesAreAllShort) {
  const int dpi = 300;
  for (const bool turned : {false, true}) {
    DecodedPage scan;
    scan.image = turned ? half_turn(opinions_page(dpi)) : opinions_page(dpi);
    scan.dpi = dpi;
    scan.mode = ColourMode::colour;
    const CleanPage clean = clean_page(scan, {}, make_upright_scorer(engine(), dpi));
    EXPECT_EQ(clean.rotation, turned ? 180 : 0) << (turned ? "turned" : "upright");
  }
}

// A report's last page: 特此报告。 and the signature under the seal, the rest of the sheet blank. Its lines are
// short, and a short line can read about as confidently upside down as upright (特此报告。 on a heavy colour scan
// of seed 6: 0.99 and 0.95): the page comes out upright however it was turned, in every face.
cv::Mat report_end_page(int dpi, const char* font) {
  Sheet sheet(dpi);
  const auto put = [&](const std::string& text, double x_mm, double y_mm) { sheet.put(text, font, 16, x_mm, y_mm); };
  testing::SyntheticPage& page = sheet.page;
  put("　　特此报告。", 25, 30);
  put("阜新市人民政府办公室", 120, 62);
  put("2026年1月12日", 128, 72);
  cv::RNG rng(7);
  testing::draw_seal(page, {150, 68}, 21, false, rng);
  return page.image;
}

TEST(UprightScorer, AReportsLastPageIsTurnedRightWhateverItsShortLinesRead) {
  const int dpi = 200;
  for (const char* font : {"Noto Serif CJK SC", "AR PL UMing CN", "Noto Sans CJK SC"})
    for (const int turn : {0, 90, 180, 270}) {
      DecodedPage scan;
      scan.image = turn == 0 ? report_end_page(dpi, font) : turned(report_end_page(dpi, font), turn);
      scan.dpi = dpi;
      scan.mode = ColourMode::colour;
      OrientationOptions any;
      any.scorer_margin = 0;
      CleanupOptions options;
      options.orientation = any;
      const CleanPage clean = clean_page(scan, options, make_upright_scorer(engine(), dpi));
      EXPECT_EQ(clean.rotation, (360 - turn) % 360) << font << " turned " << turn;
    }
}

}  // namespace
}  // namespace intake
