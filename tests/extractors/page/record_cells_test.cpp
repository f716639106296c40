#include "extractors/page/record_cells.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const std::vector<FieldModel>& annex6_fields() { return form_catalogue().find(FormKind::annex6)->fields; }

std::map<std::string, std::string> values_of(const std::vector<CellText>& cells) {
  std::map<std::string, std::string> values;
  for (const LabelledCell& pair : pair_labels_with_values(cells, annex6_fields()))
    values[pair.field->id] = pair.value_cell ? cells[*pair.value_cell].text : "(inline) " + pair.remainder;
  return values;
}

TEST(RecordCells, ValueIsTheCellToTheRightWhereverTheColumnsAre) {
  // 姓名 | 王晓梅 | 性别 | 女   over   民族 | 汉族 (a wider value cell: the columns moved)
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "姓名"},    {{100, 0, 150, 40}, "王晓梅"}, {{250, 0, 80, 40}, "性别"},
      {{330, 0, 70, 40}, "女"},     {{0, 40, 100, 40}, "民族"},    {{100, 40, 300, 40}, "汉族"},
  };
  const auto values = values_of(cells);
  EXPECT_EQ(values.at("name"), "王晓梅");
  EXPECT_EQ(values.at("gender"), "女");
  EXPECT_EQ(values.at("ethnicity"), "汉族");
}

TEST(RecordCells, HeadingLabelTakesTheCellBelowAndInlineValuesStayInline) {
  const std::vector<CellText> cells{
      {{0, 0, 400, 30}, "主要事迹"},
      {{0, 30, 400, 200}, "该同志……"},
      {{0, 230, 400, 30}, "籍贯：山东莱阳"},
  };
  const auto values = values_of(cells);
  EXPECT_EQ(values.at("deeds"), "该同志……");
  EXPECT_EQ(values.at("native_place"), "(inline) 山东莱阳");
}

TEST(RecordCells, AValueThatRepeatsItsLabelIsStillItsValue) {
  // 主要事迹 | 主要事迹详见附页。  over a 推荐单位意见 label misread past matching.
  const std::vector<CellText> cells{
      {{0, 0, 100, 300}, "主\n要\n事\n迹"},
      {{100, 0, 500, 300}, "主要事迹详见附页。"},
      {{0, 300, 100, 200}, "推\n音\n位\n意\n见"},
      {{100, 300, 500, 200}, "同意推荐。"},
  };
  EXPECT_EQ(values_of(cells).at("deeds"), "主要事迹详见附页。");
}

TEST(RecordCells, AnEmptyValueCellIsStillTheValueAndALabelIsNeverAValue) {
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "姓名"}, {{100, 0, 100, 40}, ""}, {{200, 0, 100, 40}, "性别"}, {{300, 0, 100, 40}, "男"}};
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].value_cell, std::optional<std::size_t>(1));
  // 性别's right neighbour is 男, never the label 姓名 to its left.
  EXPECT_EQ(pairs[1].value_cell, std::optional<std::size_t>(3));
}

TEST(RecordCells, ACellSharedByTwoLabelsIsCutToEachLabelsRows) {
  // The ruling between two opinion rows was lost under a seal: one value cell beside both labels.
  const std::vector<CellText> cells{
      {{0, 0, 100, 100}, "推荐单位意见"},
      {{100, 0, 300, 220}, "同意推荐。\n同意。"},
      {{0, 100, 100, 120}, "市（主管部门）意见"},
  };
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  ASSERT_EQ(pairs.size(), 2u);
  ASSERT_TRUE(pairs[0].value_region && pairs[1].value_region);
  EXPECT_EQ(*pairs[0].value_region, cv::Rect(100, 0, 300, 100));
  EXPECT_EQ(*pairs[1].value_region, cv::Rect(100, 100, 300, 120));
}

TEST(RecordCells, TellsLabelTextFromValues) {
  EXPECT_TRUE(is_label_text("出生\n年月", annex6_fields()));
  EXPECT_FALSE(is_label_text("1985年3月", annex6_fields()));
  EXPECT_FALSE(is_label_text("姓名：王晓梅", annex6_fields()));  // a label with its value is not a bare label
}

TEST(RecordCells, MisreadLabelsNearAMissingLabelAreCandidatesButValuesAreNot) {
  // 民族's label misread 民旗 and 推荐单位意见 read 推荐单位六; 汉族 (a value one character from 民族) stands left of
  // the found label 政治面貌, so it is no label.
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "姓名"},   {{100, 0, 150, 40}, "王晓梅"}, {{250, 0, 100, 40}, "民旗"},
      {{350, 0, 100, 40}, "汉族"}, {{450, 0, 100, 40}, "政治面貌"}, {{550, 0, 100, 40}, "中共党员"},
      {{0, 40, 100, 200}, "推\n荐\n单\n位\n六"}, {{100, 40, 550, 200}, "同意推荐。"},
  };
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  const auto candidates = misread_label_candidates(cells, pairs, annex6_fields());
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].cell, 2u);
  ASSERT_EQ(candidates[0].fields.size(), 1u);
  EXPECT_EQ(candidates[0].fields[0].id, "ethnicity");
  EXPECT_EQ(candidates[1].cell, 6u);
  ASSERT_FALSE(candidates[1].fields.empty());
  EXPECT_EQ(candidates[1].fields[0].id, "recommender_opinion");

  // Nothing is missing: no candidates.
  const std::vector<CellText> whole{{{0, 0, 100, 40}, "姓名"}, {{100, 0, 150, 40}, "王晓梅"}};
  const std::vector<FieldModel> name_only{*form_catalogue().find(FormKind::annex6)->field("name")};
  EXPECT_TRUE(misread_label_candidates(whole, pair_labels_with_values(whole, name_only), name_only).empty());
}

TEST(RecordCells, ACellReadNearNoLabelIsACandidateWhereALabelStands) {
  // A faint 1-bit scan: 姓名 read 寻他 and 籍贯 read 壬玫, near no label. 寻他 stands first on its line and 壬玫 just
  // right of the value 汉族, where labels stand; 郑东浩 and 辽宁本溪 stand right of cells that are neither.
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "寻他"},  {{100, 0, 150, 40}, "郑东浩"}, {{250, 0, 100, 40}, "性别"},
      {{350, 0, 100, 40}, "男"},  {{0, 40, 100, 40}, "民族"},    {{100, 40, 150, 40}, "汉族"},
      {{250, 40, 100, 40}, "壬玫"}, {{350, 40, 100, 40}, "辽宁本溪"},
  };
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  const auto candidates = misread_label_candidates(cells, pairs, annex6_fields());
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].cell, 0u);
  EXPECT_EQ(candidates[1].cell, 6u);
  // Every missing field: only a second read that is a label outright makes one (label_from_reads).
  EXPECT_EQ(candidates[0].fields.size(), annex6_fields().size() - 2);
  EXPECT_EQ(label_from_reads(candidates[0], "寻他", "姓名")->id, "name");
  EXPECT_EQ(label_from_reads(candidates[1], "壬玫", "籍人"), nullptr);
  // Not on an untitled page, which misses every record form's fields.
  EXPECT_TRUE(misread_label_candidates(cells, pairs, annex6_fields(), false).empty());
}

TEST(RecordCells, AValueWhoseFormNamesItsFieldIsPairedWhenItsLabelWasNotRead) {
  // 身份证号码 read 导位证条友 and 职级 read 形汰: an ID number with its check digit and a rank name their fields.
  // 郑东浩 names nothing, and 汉族 stands right of a found label's value, not of an unread label.
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "寻他"},        {{100, 0, 300, 40}, "郑东浩"},
      {{0, 40, 100, 40}, "导位证条友"}, {{100, 40, 300, 40}, "11010519491231002X"},
      {{0, 80, 100, 40}, "形汰"},       {{100, 80, 100, 40}, "四级主任科员"},
      {{200, 80, 100, 40}, "民族"},     {{300, 80, 100, 40}, "汉族"},
  };
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  const auto by_form = pair_values_by_their_form(cells, pairs, annex6_fields());
  ASSERT_EQ(by_form.size(), 2u);
  EXPECT_EQ(by_form[0].field->id, "id_number");
  EXPECT_EQ(by_form[0].label_cell, 2u);
  EXPECT_EQ(by_form[0].value_cell, std::optional<std::size_t>(3));
  EXPECT_TRUE(by_form[0].named_by_value);
  EXPECT_EQ(by_form[1].field->id, "rank");

  // A wrong check digit names nothing; two cells naming one field leave it unpaired.
  std::vector<CellText> unsure = cells;
  unsure[3].text = "110105194912310021";
  EXPECT_EQ(pair_values_by_their_form(unsure, pairs, annex6_fields()).size(), 1u);
  std::vector<CellText> twice = cells;
  twice[1].text = "四级主任科员";
  const auto one = pair_values_by_their_form(twice, pair_labels_with_values(twice, annex6_fields()), annex6_fields());
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].field->id, "id_number");
}

TEST(RecordCells, AValueBetweenTwoFoundLabelsIsNamedByItsPlace) {
  // A heavy 1-bit scan: 籍贯 read 壬玫 and 推荐单位意见 read 推保音信意用. A native place is any text and an opinion
  // any sentence, so neither value names its field; each lies alone between its neighbours in the form's order.
  const std::vector<CellText> cells{
      {{0, 0, 100, 40}, "民族"},          {{100, 0, 100, 40}, "汉族"},
      {{200, 0, 100, 40}, "壬玫"},        {{300, 0, 100, 40}, "辽宁本滩"},
      {{400, 0, 100, 40}, "政治面貌"},    {{500, 0, 100, 40}, "中共党员"},
      {{0, 40, 100, 80}, "主要事迹"},     {{100, 40, 500, 80}, "详见附页"},
      {{0, 120, 100, 80}, "推保音信意\n用"}, {{100, 120, 500, 80}, "经集体研究，同意推荐"},
      {{0, 200, 100, 80}, "市主管部门意见"}, {{100, 200, 500, 80}, "经审核，情况属实，同意推荐。"},
  };
  const auto pairs = pair_labels_with_values(cells, annex6_fields());
  ASSERT_EQ(pairs.size(), 4u);
  const auto by_place = pair_values_by_their_place(cells, pairs, annex6_fields());
  ASSERT_EQ(by_place.size(), 2u);
  EXPECT_EQ(by_place[0].field->id, "native_place");
  EXPECT_EQ(by_place[0].label_cell, 2u);
  EXPECT_EQ(by_place[0].value_cell, std::optional<std::size_t>(3));
  EXPECT_TRUE(by_place[0].named_by_place);
  EXPECT_EQ(by_place[1].field->id, "recommender_opinion");
  EXPECT_EQ(by_place[1].value_cell, std::optional<std::size_t>(9));

  // Two unread in a row between found neighbours (政治面貌 read 攻沾, and 参加工作时间 found after it): each in order.
  std::vector<CellText> two(cells.begin(), cells.begin() + 6);
  two[4].text = "攻沾";
  two.push_back({{0, 40, 100, 40}, "参加工作时间"});
  two.push_back({{100, 40, 100, 40}, "2011年12月"});
  const auto two_named = pair_values_by_their_place(two, pair_labels_with_values(two, annex6_fields()), annex6_fields());
  ASSERT_EQ(two_named.size(), 2u);
  EXPECT_EQ(two_named[0].field->id, "native_place");
  EXPECT_EQ(two_named[1].field->id, "political_status");
  EXPECT_EQ(two_named[1].value_cell, std::optional<std::size_t>(5));

  // A cell more between the neighbours (a photo box) or a value below its label rather than beside it: no place.
  std::vector<CellText> crowded = cells;
  crowded.insert(crowded.begin() + 2, CellText{{200, 0, 1, 40}, ""});
  const auto crowded_pairs = pair_labels_with_values(crowded, annex6_fields());
  const auto crowded_named = pair_values_by_their_place(crowded, crowded_pairs, annex6_fields());
  ASSERT_EQ(crowded_named.size(), 1u);
  EXPECT_EQ(crowded_named[0].field->id, "recommender_opinion");
  std::vector<CellText> stacked = cells;
  stacked[3].box = {200, 40, 100, 40};
  EXPECT_EQ(pair_values_by_their_place(stacked, pair_labels_with_values(stacked, annex6_fields()), annex6_fields())
                .front()
                .field->id,
            "recommender_opinion");

  // Found labels that are not neighbours in the form's order leave what lies between them unnamed.
  std::vector<CellText> apart = cells;
  apart[4].text = "学历";  // 籍贯 and 政治面貌 and 参加工作时间 all missing: three fields, one pair of cells
  const auto apart_named =
      pair_values_by_their_place(apart, pair_labels_with_values(apart, annex6_fields()), annex6_fields());
  ASSERT_EQ(apart_named.size(), 1u);
  EXPECT_EQ(apart_named[0].field->id, "recommender_opinion");
}

TEST(RecordCells, TwoReadsNearOneLongLabelMakeItThatLabel) {
  const FieldModel deeds = *form_catalogue().find(FormKind::annex6)->field("deeds");
  const FieldModel name = *form_catalogue().find(FormKind::annex6)->field("name");
  const LabelCandidate one{0, {deeds}};
  const FieldModel* field = label_from_reads(one, "主旧洒迹", "主种迹");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->id, "deeds");
  EXPECT_EQ(label_from_reads(one, "主旧洒迹", "主要事迹")->id, "deeds");  // the second read matches outright
  EXPECT_EQ(label_from_reads(one, "主旧洒迹", "同意推荐"), nullptr);       // the second read is far
  // Near two labels, or a two-character label: slips could make either, so only a match counts.
  EXPECT_EQ(label_from_reads({0, {deeds, name}}, "主旧洒迹", "主种迹"), nullptr);
  EXPECT_EQ(label_from_reads({0, {name}}, "姓各", "娃名"), nullptr);
  EXPECT_EQ(label_from_reads({0, {name}}, "姓各", "姓名")->id, "name");
}

}  // namespace
}  // namespace intake
