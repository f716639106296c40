#include "extractors/page/page_read.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(PageRead, RoundTripsThroughJson) {
  PageRead page;
  page.file = "scans/鞍山市/batch1.tif";
  page.page = 3;
  page.rotation = 180;
  page.form = "annex6";
  page.round = "formal";
  page.title = "辽宁省政务公开工作先进个人推荐审批表";
  page.lines.push_back({{"附件6", 0.98, 0.9, "line"}, {10, 20, 30, 40}});
  LabelledValue value;
  value.field = "name";
  value.label = "姓名";
  value.reads = {{"王晓梅", 0.97, 0.95, "block"}, {"王晓梅", 0.96, 0.94, "line"}};
  value.box = {1, 2, 3, 4};
  value.page = 3;
  value.sealed = true;
  page.values.push_back(value);
  ColumnTableRead table;
  table.header = {"seq", "", "name"};
  table.rows.push_back({{{0, {{"1", 0.9, 0.9, "digits"}}, {5, 6, 7, 8}}}});
  page.tables.push_back(table);

  const PageRead back = nlohmann::json::parse(nlohmann::json(page).dump()).get<PageRead>();
  EXPECT_EQ(back.file, page.file);
  EXPECT_EQ(back.rotation, 180);
  EXPECT_EQ(back.form, std::optional<std::string>("annex6"));
  EXPECT_EQ(back.round, std::optional<std::string>("formal"));
  ASSERT_EQ(back.values.size(), 1u);
  EXPECT_EQ(back.values[0].reads[1].text, "王晓梅");
  EXPECT_TRUE(back.values[0].sealed);
  EXPECT_EQ(back.values[0].box, (PixelBox{1, 2, 3, 4}));
  ASSERT_EQ(back.tables.size(), 1u);
  EXPECT_EQ(back.tables[0].rows[0].cells[0].reads[0].mode, "digits");
}

TEST(PageRead, ReadsOlderJsonWithMembersMissing) {
  const PageRead page = nlohmann::json::parse(R"({"file": "a.tif", "page": 2, "blank": true})").get<PageRead>();
  EXPECT_TRUE(page.blank);
  EXPECT_FALSE(page.form);
  EXPECT_TRUE(page.values.empty());
}

}  // namespace
}  // namespace intake
