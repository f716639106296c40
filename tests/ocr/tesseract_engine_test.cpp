#include "ocr/tesseract_engine.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

// One engine for the whole suite, as a worker thread would hold it.
TesseractEngine& engine() {
  static TesseractEngine instance = [] {
    auto created = TesseractEngine::create();
    if (!created) throw std::runtime_error(created.error().reason);
    return std::move(created).value();
  }();
  return instance;
}

TEST(TesseractEngine, ReadsAPrintedChineseLine) {
  for (const char* font : {"Noto Serif CJK SC", "AR PL UKai CN", "WenQuanYi Zen Hei"}) {
    const cv::Mat line = testing::render_text("辽宁省政务公开工作先进个人推荐审批表", font, 16, 300);
    const OcrText text = engine().read(line, 300, ReadMode::line);
    EXPECT_EQ(text.text, "辽宁省政务公开工作先进个人推荐审批表") << font;
    EXPECT_GT(text.confidence, 0.8) << font;
    EXPECT_EQ(text.symbols.size(), 18u) << font;
  }
}

TEST(TesseractEngine, DigitsModeReadsIdNumbersAndPhones) {
  const cv::Mat id = testing::render_text("21010219850315123X", "Noto Serif CJK SC", 12, 300);
  EXPECT_EQ(engine().read(id, 300, ReadMode::digits).text, "21010219850315123X");
  const cv::Mat phone = testing::render_text("024-86893881", "Noto Sans CJK SC", 12, 300);
  EXPECT_EQ(engine().read(phone, 300, ReadMode::digits).text, "024-86893881");
}

TEST(TesseractEngine, ALoneCharacterIsNotLost) {
  for (const char* gender : {"男", "女"}) {
    const cv::Mat cell = testing::render_text(gender, "Noto Serif CJK SC", 12, 300);
    EXPECT_EQ(engine().read(cell, 300, ReadMode::character).text, gender);
  }
}

TEST(TesseractEngine, SymbolBoxesAreInTheRegionsCoordinates) {
  const cv::Mat line = testing::render_text("政务公开", "Noto Serif CJK SC", 16, 300);
  const OcrText text = engine().read(line, 300, ReadMode::line);
  ASSERT_EQ(text.symbols.size(), 4u);
  const int margin = 300 / 10;  // render_text's paper margin
  EXPECT_NEAR(text.symbols[0].box.x, margin, 6);
  for (std::size_t i = 1; i < text.symbols.size(); ++i) EXPECT_GT(text.symbols[i].box.x, text.symbols[i - 1].box.x);
}

TEST(TesseractEngine, AnEmptyRegionReadsAsNothing) {
  const cv::Mat paper(80, 300, CV_8UC1, cv::Scalar(255));
  const OcrText text = engine().read(paper, 300, ReadMode::line);
  EXPECT_TRUE(text.text.empty());
  EXPECT_EQ(text.confidence, 0);
  EXPECT_TRUE(engine().read(cv::Mat(), 300, ReadMode::line).text.empty());
}

TEST(JoinCjkSpacing, DropsSpacesNextToChineseOnly) {
  EXPECT_EQ(join_cjk_spacing("王 晓 梅"), "王晓梅");
  EXPECT_EQ(join_cjk_spacing("2026 年 1 月"), "2026年1月");
  EXPECT_EQ(join_cjk_spacing("Word 2016 导出"), "Word 2016导出");
  EXPECT_EQ(join_cjk_spacing("同意 ， 推荐 。"), "同意，推荐。");
}

}  // namespace
}  // namespace intake
