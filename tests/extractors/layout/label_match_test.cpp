#include "extractors/layout/label_match.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const std::vector<FieldModel>& annex6_fields() { return form_catalogue().find(FormKind::annex6)->fields; }

std::string matched_id(std::string_view text) {
  const auto match = match_label(text, annex6_fields());
  return match ? match->field->id : "";
}

TEST(LabelMatch, ToleratesSpacingLineBreaksAndColons) {
  EXPECT_EQ(matched_id("姓  名"), "name");
  EXPECT_EQ(matched_id("出生\n年月"), "birth");
  EXPECT_EQ(matched_id("推\n荐\n单\n位\n意\n见"), "recommender_opinion");
  EXPECT_EQ(matched_id("身份证号码："), "id_number");
  EXPECT_EQ(matched_id("工作单位及职务"), "unit_and_title");
}

TEST(LabelMatch, OneSlipOnlyInLongLabels) {
  EXPECT_EQ(matched_id("参加工作时问"), "work_start");  // 间 read as 问
  EXPECT_EQ(matched_id("性剐"), "");                   // two-character labels must be exact
  EXPECT_EQ(matched_id("王晓梅"), "");
  EXPECT_EQ(matched_id(""), "");
}

TEST(LabelMatch, LabelCharactersAreEachCharacterOnce) {
  const std::vector<FieldModel> fields{*form_catalogue().find(FormKind::annex6)->field("name"),
                                       *form_catalogue().find(FormKind::annex6)->field("gender")};
  const std::string characters = label_characters(fields);
  for (const char* wanted : {"姓", "名", "性", "别"}) EXPECT_NE(characters.find(wanted), std::string::npos) << wanted;
  EXPECT_EQ(characters.find("民"), std::string::npos);
  EXPECT_EQ(characters.find("名"), characters.rfind("名"));
}

TEST(LabelMatch, ReadsAsLabelOfAnyForm) {
  EXPECT_TRUE(reads_as_label("职级"));
  EXPECT_TRUE(reads_as_label("联系电话"));
  EXPECT_TRUE(reads_as_label("工作单位及职务："));
  EXPECT_TRUE(reads_as_label("推荐单位意兄"));  // one slip in a long label
  EXPECT_FALSE(reads_as_label("朝阳市建平县人民政府副县长"));
  EXPECT_FALSE(reads_as_label("王晓梅"));
  EXPECT_FALSE(reads_as_label(""));
}

TEST(LabelMatch, FindsAnInlineValue) {
  const auto match = match_label("姓名：王晓梅", annex6_fields());
  ASSERT_TRUE(match);
  EXPECT_EQ(match->field->id, "name");
  EXPECT_EQ(match->remainder, "王晓梅");
  const auto spaced = match_label("民 族  汉族", annex6_fields());
  ASSERT_TRUE(spaced);
  EXPECT_EQ(spaced->field->id, "ethnicity");
  EXPECT_EQ(spaced->remainder, "汉族");
}

TEST(LabelMatch, TableColumnsMatchTheirHeaders) {
  const auto& columns = form_catalogue().find(FormKind::annex4)->columns;
  const auto match = match_label("名称或\n姓名", columns);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->field->id, "title");
  EXPECT_EQ(match_label("序号", columns)->field->id, "seq");
}

}  // namespace
}  // namespace intake
