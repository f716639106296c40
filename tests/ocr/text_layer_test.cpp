#include "ocr/text_layer.h"

#include <gtest/gtest.h>

#include "models/utf8.h"

namespace intake {
namespace {

// Characters of `text` laid left to right from (x, y), each `size` px square, in `points`.
std::vector<TextLayerCharacter> laid_out(const std::string& text, double x, double y, double size = 40,
                                         double points = 14) {
  std::vector<TextLayerCharacter> characters;
  for (const char32_t c : utf8_decode(text)) {
    characters.push_back({c, cv::Rect2d(x, y, size, size), false, points, true});
    x += size;
  }
  return characters;
}

TextLayer layer_of(std::initializer_list<std::vector<TextLayerCharacter>> parts) {
  TextLayer layer;
  for (const auto& part : parts) layer.characters.insert(layer.characters.end(), part.begin(), part.end());
  return layer;
}

TEST(TextLayer, ReadsRegionsInReadingOrder) {
  // Stored out of order, as PDF producers may write them; the second line a little off the first's baseline.
  TextLayer layer = layer_of({laid_out("2026年1月9日", 500, 300), laid_out("同意推荐。", 100, 200),
                              laid_out("姓名", 100, 50)});
  std::swap(layer.characters.front(), layer.characters.back());
  const OcrText read = read_text_layer(layer, cv::Rect(80, 180, 900, 200));
  EXPECT_EQ(read.text, "同意推荐。\n2026年1月9日");
  EXPECT_EQ(read.confidence, 1.0);
  EXPECT_EQ(read.min_confidence, 1.0);
  EXPECT_EQ(read.engine, text_layer_engine);
  EXPECT_EQ(read_text_layer_lines(layer, cv::Rect(80, 180, 900, 200)).size(), 2u);
  EXPECT_EQ(read_text_layer(layer, cv::Rect(0, 0, 300, 120)).text, "姓名");
  EXPECT_TRUE(read_text_layer(layer, cv::Rect(2000, 2000, 10, 10)).text.empty());
}

TEST(TextLayer, KeepsWordSpacesOnlyBetweenLatinWords) {
  TextLayer layer = layer_of({laid_out("Room", 100, 100), laid_out("12", 300, 100), laid_out("号楼", 380, 100)});
  layer.characters[3].space_after = true;  // after "Room"
  layer.characters[5].space_after = true;  // after "12", before 号
  EXPECT_EQ(read_text_layer(layer, cv::Rect(0, 0, 1000, 300)).text, "Room 12号楼");
}

TEST(TextLayer, UsableOnlyWhenItHoldsText) {
  EXPECT_TRUE(is_usable_text_layer(layer_of({laid_out("辽宁省政务公开工作先进个人推荐审批表", 0, 0)})));
  EXPECT_FALSE(is_usable_text_layer(layer_of({laid_out("附件6", 0, 0)})));  // too little
  // A layer without ToUnicode maps: private-use code points where the characters should be.
  EXPECT_FALSE(is_usable_text_layer(layer_of({laid_out("\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A"
                                                       "\uE00B\uE00C",
                                                       0, 0)})));
}

TEST(TextLayer, ASealsLetteringIsDroppedAndTheDateUnderItKept) {
  TextLayer layer = layer_of({laid_out("同意推荐。", 100, 100), laid_out("2026年1月9日", 100, 200),
                              laid_out("朝阳市", 120, 150, 40, 17.3), laid_out("办公室", 300, 250, 40, 14)});
  for (std::size_t i = layer.characters.size() - 3; i < layer.characters.size(); ++i)
    layer.characters[i].upright = false;  // round the ring, turned
  cv::Mat red = cv::Mat::zeros(600, 800, CV_8UC1);
  red(cv::Rect(90, 140, 400, 160)).setTo(255);  // the seal over the date line
  drop_seal_lettering(layer, red);
  EXPECT_EQ(read_text_layer(layer, cv::Rect(0, 0, 800, 600)).text, "同意推荐。\n2026年1月9日");
}

}  // namespace
}  // namespace intake
