#include "extractors/documents/header_line.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const std::vector<FieldModel>& annex4_header() { return form_catalogue().find(FormKind::annex4)->fields; }

TEST(HeaderLine, SplitsLabelledValues) {
  const auto values =
      split_header_line("推荐单位（盖章）：鞍山市  联系人：王晓梅  联系电话：0412-2222222  填报日期：2026年1月8日",
                        annex4_header());
  EXPECT_EQ(values.at("recommender"), "鞍山市");
  EXPECT_EQ(values.at("contact_name"), "王晓梅");
  EXPECT_EQ(values.at("contact_phone"), "0412-2222222");
  EXPECT_EQ(values.at("fill_date"), "2026年1月8日");
}

TEST(HeaderLine, ToleratesHalfWidthColonsSpacesAndALostBracketNote) {
  const auto values = split_header_line("推荐单位: 省财政厅 联 系 人:章明 填报日期:2026.1.8", annex4_header());
  EXPECT_EQ(values.at("recommender"), "省财政厅");
  EXPECT_EQ(values.at("contact_name"), "章明");  // a surname 章 is not the 盖章 note
  EXPECT_EQ(values.at("fill_date"), "2026.1.8");
  EXPECT_FALSE(values.contains("contact_phone"));
}

TEST(HeaderLine, TheLabelsNoteMisreadUnderTheSealIsNoValue) {
  EXPECT_EQ(split_header_line("推荐单位《高音) :营口 联系人:王晓梅", annex4_header()).at("recommender"), "营口");
  EXPECT_EQ(split_header_line("推荐单位(盖革):朝阳市", annex4_header()).at("recommender"), "朝阳市");
  // A longer bracketed run is no note.
  EXPECT_EQ(split_header_line("推荐单位:营口市(含鲅鱼圈区) 联系人:王晓梅", annex4_header()).at("recommender"),
            "营口市(含鲅鱼圈区)");
}

TEST(HeaderLine, ALongLabelWithOneCharacterMisread) {
  const auto values = split_header_line("推荐音位:朝阳市联系人:刘晨雷联系电话: 0421-4154024填报日期，2025年12月18日",
                                        annex4_header());
  EXPECT_EQ(values.at("recommender"), "朝阳市");
  EXPECT_EQ(values.at("contact_name"), "刘晨雷");
  EXPECT_EQ(values.at("contact_phone"), "0421-4154024");
  // Three-character labels must be exact: 联系大 is no 联系人.
  EXPECT_FALSE(split_header_line("联系大:刘晨雷", annex4_header()).contains("contact_name"));
}

TEST(HeaderLine, NothingWithoutLabels) { EXPECT_TRUE(split_header_line("附件4", annex4_header()).empty()); }

}  // namespace
}  // namespace intake
