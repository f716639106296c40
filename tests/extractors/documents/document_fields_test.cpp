#include "extractors/documents/document_fields.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TextRead sure(std::string text, std::string mode = "block") { return {std::move(text), 0.98, 0.95, std::move(mode)}; }

LabelledValue labelled(std::string field, std::vector<TextRead> reads, bool sealed = false) {
  LabelledValue value;
  value.field = std::move(field);
  value.reads = std::move(reads);
  value.box = {10, 20, 30, 40};
  value.sealed = sealed;
  return value;
}

// A document of `form` made of pages 0, 1, … in the roles given.
AssembledDocument assembled(std::string form, std::vector<PageRole> roles) {
  AssembledDocument document;
  document.form = std::move(form);
  for (std::size_t page = 0; page < roles.size(); ++page) document.pages.push_back(page);
  document.roles = std::move(roles);
  return document;
}

const ExtractedField& field(const ExtractedDocument& document, const std::string& id) {
  for (const ExtractedField& f : document.fields)
    if (f.field == id && !f.row_index) return f;
  throw std::runtime_error("no field " + id);
}

TEST(DocumentFields, RecordFieldsFromLabelsAcrossPagesAndTheAnnexPage) {
  PageRead first;
  first.form = "annex6";
  first.values = {labelled("name", {sure("王晓梅"), sure("王晓梅", "line")}),
                  labelled("birth", {sure("1985年3月"), sure("1985年3月", "date")}),
                  labelled("deeds", {sure("见附页")}),
                  labelled("recommender_opinion", {sure("同意推荐。\n2026年1月8日")}, true)};
  PageRead second;
  second.values = {labelled("supervisor_opinion", {sure("同意。\n2026年1月9日")})};
  PageRead annex;
  annex.lines = {{sure("附页"), {}}, {sure("王晓梅同志主要事迹"), {}}, {sure("该同志长期从事政务公开工作。"), {}}};

  const AssembledDocument document =
      assembled("annex6", {PageRole::first, PageRole::continuation, PageRole::annex_page});
  const auto extracted = extract_document(document, {first, second, annex});

  EXPECT_EQ(field(extracted, "name").value, "王晓梅");
  EXPECT_EQ(field(extracted, "name").status, FieldStatus::ok);
  EXPECT_EQ(field(extracted, "birth").value, "1985-03");
  EXPECT_EQ(field(extracted, "deeds").value, "该同志长期从事政务公开工作。");  // 见附页 replaced, headings dropped
  const auto& opinion = field(extracted, "recommender_opinion").value;
  EXPECT_EQ(opinion["sealed"], true);
  EXPECT_EQ(opinion["date"], "2026-01-08");
  EXPECT_EQ(field(extracted, "supervisor_opinion").value["date"], "2026-01-09");
  EXPECT_EQ(field(extracted, "supervisor_opinion").page, std::optional<std::size_t>(1));
  EXPECT_EQ(field(extracted, "id_number").status, FieldStatus::missing);  // label never found
  // An optional field whose label was never found is not known to be blank.
  EXPECT_EQ(field(extracted, "awards").status, FieldStatus::review);
  EXPECT_EQ(field(extracted, "awards").note, "label not found");
  EXPECT_EQ(extracted.subject, std::optional<std::string>("王晓梅"));
}

TEST(DocumentFields, TheAnnexPageIsTheDeedsWhenTheirLabelWasNotRead) {
  PageRead first;
  first.form = "annex6";
  first.values = {labelled("name", {sure("王晓梅"), sure("王晓梅", "line")})};  // 主要事迹 lost in a broken grid
  PageRead annex;
  annex.page = 3;
  annex.text_box = {50, 60, 700, 900};
  annex.text = sure("附页\n王晓梅同志主要事迹\n该同志长期从事政务公开工作。");
  annex.lines = {{sure("附页"), {}}, {sure("王晓梅同志主要事迹"), {}}, {sure("该同志长期从事政务公开工作。"), {}}};
  const auto extracted =
      extract_document(assembled("annex6", {PageRole::first, PageRole::annex_page}), {first, annex});
  const ExtractedField& deeds = field(extracted, "deeds");
  EXPECT_EQ(deeds.value, "该同志长期从事政务公开工作。");
  EXPECT_EQ(deeds.status, FieldStatus::review);
  EXPECT_TRUE(deeds.note.starts_with("label not found: the text of the 附页")) << deeds.note;
  EXPECT_EQ(deeds.page, std::optional<std::size_t>(1));
  ASSERT_TRUE(deeds.box.has_value());
  EXPECT_EQ((*deeds.box)[2], 700);

  // Without a 附页 the deeds are not found, as before.
  const auto alone = extract_document(assembled("annex6", {PageRole::first}), {first});
  EXPECT_EQ(field(alone, "deeds").note, "label not found");
}

TEST(DocumentFields, AValueThatReadsAsALabelIsNeverOk) {
  PageRead first;
  first.form = "annex6";
  first.values = {labelled("unit_and_title", {sure("职级"), sure("职级", "line")}),
                  labelled("name", {sure("王晓梅"), sure("王晓梅", "line")})};
  const auto extracted = extract_document(assembled("annex6", {PageRole::first}), {first});
  EXPECT_EQ(field(extracted, "unit_and_title").status, FieldStatus::review);
  EXPECT_EQ(field(extracted, "unit_and_title").note, "the value reads as a printed label");
  EXPECT_EQ(field(extracted, "name").status, FieldStatus::ok);
}

TEST(DocumentFields, ALongTextCarriedOntoTheNextPageIsJoined) {
  PageRead first;
  first.form = "annex5";
  first.values = {labelled("deeds", {sure("第一段开始")})};
  PageRead second;
  LabelledValue carried = labelled("", {sure("接着写完。")});
  carried.continued = true;
  second.values = {carried};
  const AssembledDocument document = assembled("annex5", {PageRole::first, PageRole::continuation});
  EXPECT_EQ(field(extract_document(document, {first, second}), "deeds").value, "第一段开始接着写完。");
}

TEST(DocumentFields, TableRowsAcrossPagesAndTheHeaderLine) {
  PageRead first;
  first.form = "annex9";
  first.title = "鞍山市政务公开工作先进集体和先进个人评选表彰工作机构成员名单";
  ColumnTableRead part1;
  part1.header = {"seq", "name", "role", "unit_and_title", "phone"};
  part1.rows.push_back({{{0, {sure("1"), sure("1", "digits")}, {}}, {1, {sure("王晓梅"), sure("王晓梅", "line")}, {}},
                         {2, {sure("组长"), sure("组长", "line")}, {}}}});
  first.tables = {part1};
  PageRead second;
  ColumnTableRead part2;  // no header row repeated on the second page
  part2.rows.push_back({{{0, {sure("2"), sure("2", "digits")}, {}}, {1, {sure("李明"), sure("李明", "line")}, {}}}});
  second.tables = {part2};
  const AssembledDocument document = assembled("annex9", {PageRole::first, PageRole::continuation});
  const auto extracted = extract_document(document, {first, second});
  std::map<std::pair<int, std::string>, nlohmann::json> cells;
  for (const ExtractedField& f : extracted.fields)
    if (f.row_index) cells[{*f.row_index, f.field}] = f.value;
  EXPECT_EQ(cells.at({0, "name"}), "王晓梅");
  EXPECT_EQ(cells.at({0, "role"}), "组长");
  EXPECT_EQ(cells.at({1, "seq"}), 2);
  EXPECT_EQ(cells.at({1, "name"}), "李明");
  EXPECT_TRUE(cells.at({1, "phone"}).is_null());
  EXPECT_EQ(extracted.recommender, std::optional<std::string>("鞍山市"));
}

TEST(DocumentFields, AMisreadSerialNumberTakesTheOneItsRowsLeaveForReview) {
  PageRead page;
  page.form = "annex9";
  ColumnTableRead table;
  table.header = {"seq", "name"};
  for (const char* seq : {"1", "3", "3", "4"})
    table.rows.push_back({{{0, {sure(seq), sure(seq, "digits")}, {}}, {1, {sure("王晓梅"), sure("王晓梅", "line")}, {}}}});
  page.tables = {table};
  const auto extracted = extract_document(assembled("annex9", {PageRole::first}), {page});
  std::vector<const ExtractedField*> serials;
  for (const ExtractedField& f : extracted.fields)
    if (f.row_index && f.field == "seq") serials.push_back(&f);
  ASSERT_EQ(serials.size(), 4u);
  EXPECT_EQ(serials[1]->value, 2);
  EXPECT_EQ(serials[1]->status, FieldStatus::review);
  EXPECT_NE(serials[1]->note.find("read 3"), std::string::npos) << serials[1]->note;
  EXPECT_EQ(serials[2]->value, 3);
  EXPECT_EQ(serials[2]->status, FieldStatus::ok);
}

TEST(DocumentFields, AProvincialBoxWithOnlyItsPrintedMarksMisreadIsBlank) {
  PageRead page;
  page.form = "annex6";
  page.values = {labelled("office_opinion", {sure("(se\n午月日")}, true),
                 labelled("hrss_opinion", {sure("AAA“¢了™、-一\n年月日")}),
                 labelled("recommender_opinion", {sure("(盖章)\n午月日")}, true)};
  const auto extracted = extract_document(assembled("annex6", {PageRole::first}), {page});
  for (const char* id : {"office_opinion", "hrss_opinion"}) {
    EXPECT_TRUE(field(extracted, id).value.is_null()) << id << " " << field(extracted, id).value;
    EXPECT_EQ(field(extracted, id).status, FieldStatus::ok) << id;
  }
  // A box the nominator fills in is never taken for blank.
  EXPECT_NE(field(extracted, "recommender_opinion").status, FieldStatus::ok);

  // Its printed （盖章） misread into two characters on a faint 1-bit scan is still a placeholder.
  PageRead faint;
  faint.form = "annex6";
  faint.values = {labelled("hrss_opinion", {sure("，(只芋)年月旦")})};
  const auto faint_read = extract_document(assembled("annex6", {PageRole::first}), {faint});
  EXPECT_TRUE(field(faint_read, "hrss_opinion").value.is_null()) << field(faint_read, "hrss_opinion").value;

  // Its printed 年  月  日 read with the specks between the marks as characters (a 1-bit scan of seed 7).
  for (const char* read : {"(盖章)\n年、月站和月", "和年、月二和日", "年二汶日"}) {
    PageRead specks;
    specks.form = "annex6";
    specks.values = {labelled("hrss_opinion", {sure(read)})};
    const auto specks_read = extract_document(assembled("annex6", {PageRole::first}), {specks});
    EXPECT_TRUE(field(specks_read, "hrss_opinion").value.is_null()) << read << " " << field(specks_read, "hrss_opinion").value;
  }
  // Words in the box are an opinion, whatever date line follows them.
  PageRead worded;
  worded.form = "annex6";
  worded.values = {labelled("hrss_opinion", {sure("同意推荐。\n年  月  日")})};
  const auto worded_read = extract_document(assembled("annex6", {PageRole::first}), {worded});
  EXPECT_EQ(field(worded_read, "hrss_opinion").value["text"], "同意推荐。");

  PageRead filled;
  filled.form = "annex6";
  filled.values = {labelled("office_opinion", {sure("同意。\n2026年1月9日")}, true)};
  const auto read = extract_document(assembled("annex6", {PageRole::first}), {filled});
  EXPECT_EQ(field(read, "office_opinion").value["text"], "同意。");
}

TEST(DocumentFields, AValueNamedByItsOwnFormIsForReview) {
  PageRead page;
  page.form = "annex6";
  LabelledValue rank = labelled("rank", {sure("四级主任科员"), sure("四级主任科员", "line")});
  rank.named_by_value = true;
  page.values = {rank};
  const auto extracted = extract_document(assembled("annex6", {PageRole::first}), {page});
  EXPECT_EQ(field(extracted, "rank").value, "四级主任科员");
  EXPECT_EQ(field(extracted, "rank").status, FieldStatus::review);
  EXPECT_NE(field(extracted, "rank").note.find("label not found"), std::string::npos);
}

TEST(DocumentFields, AMisreadPlaceOrRecommenderIsNeverOk) {
  PageRead page;
  page.form = "annex8";
  page.values = {labelled("name", {sure("王晓梅"), sure("王晓梅", "line")}),
                 labelled("unit_and_title", {sure("潜源市人民政府办公室一级主任科员"),
                                             sure("潜源市人民政府办公室一级主任科员", "line")})};
  const AssembledDocument document = assembled("annex8", {PageRole::first});
  const auto extracted = extract_document(document, {page});
  const ExtractedField& unit = field(extracted, "unit_and_title");
  EXPECT_EQ(unit.value, "凌源市人民政府办公室一级主任科员");
  EXPECT_EQ(unit.status, FieldStatus::review);
  EXPECT_NE(unit.note.find("潜源市 is no place in Liaoning"), std::string::npos) << unit.note;

  PageRead summary;
  summary.form = "annex4";
  summary.lines = {{sure("推荐单位：fi:性用 联系人：王晓梅 联系电话：13912345678"), {}}};
  const AssembledDocument table = assembled("annex4", {PageRole::first});
  const auto table_fields = extract_document(table, {summary});
  const ExtractedField& recommender = field(table_fields, "recommender");
  EXPECT_EQ(recommender.status, FieldStatus::review);
  EXPECT_EQ(recommender.note, "names no recommending unit");
}

TEST(DocumentFields, WorkReportDateAndPublicity) {
  PageRead first;
  first.form = "report";
  first.title = "鞍山市关于全省政务公开工作表彰初审推荐工作报告";
  first.text = sure("鞍山市关于全省政务公开工作表彰初审推荐工作报告\n于2025年12月15日至12月19日在本单位进行了公示。");
  PageRead last;
  last.text = sure("特此报告。\n鞍山市人民政府办公室\n2025年12月22日");
  const AssembledDocument document = assembled("report", {PageRole::first, PageRole::continuation});
  const auto extracted = extract_document(document, {first, last});
  EXPECT_EQ(field(extracted, "recommender").value, "鞍山市");
  EXPECT_EQ(field(extracted, "report_date").value, "2025-12-22");
  EXPECT_EQ(field(extracted, "publicity").value,
            nlohmann::json::parse(R"([{"start": "2025-12-15", "end": "2025-12-19"}])"));
  EXPECT_EQ(extracted.recommender, std::optional<std::string>("鞍山市"));
}

TEST(DocumentFields, AWorkReportsMisreadPlaceIsSnappedForReviewOnly) {
  PageRead first;
  first.form = "report";
  first.title = "时新市关于全省政务公开工作表彰正式推荐工作报告";
  first.text = sure(first.title + "\n根据通知要求，时新市高度重视。");
  PageRead last;
  last.text = sure("特此报告。\n2026年1月12日");
  const AssembledDocument document = assembled("report", {PageRole::first, PageRole::continuation});
  const auto extracted = extract_document(document, {first, last});
  const ExtractedField& recommender = field(extracted, "recommender");
  EXPECT_EQ(recommender.value, "阜新市");
  EXPECT_EQ(recommender.status, FieldStatus::review);
  EXPECT_EQ(recommender.note, "snapped 时新市 to 阜新市");
  EXPECT_FALSE(extracted.recommender.has_value());
  // 沈阳市, 辽阳市 and 朝阳市 are all a character from 山阳市: no snap.
  first.title = "山阳市关于全省政务公开工作表彰正式推荐工作报告";
  const auto unsnapped = extract_document(document, {first, last});
  EXPECT_TRUE(field(unsnapped, "recommender").value.is_null());
}

TEST(DocumentFields, AWorkReportDateTheSealPartlyHidIsCompletedForReview) {
  PageRead first;
  first.form = "report";
  first.title = "鞍山市关于全省政务公开工作表彰初审推荐工作报告";
  first.text = sure(first.title);
  PageRead last;
  // 2025年12月31日 with its 202 gone with the lettering, read out of the seal's blot.
  last.lines = {{sure("特此报告。"), {}}, {sure("鞍山市人民政府办公室"), {}}, {sure("5年12月31 ~人"), {}}};
  last.text = sure("特此报告。\n鞍山市人民政府办公室\n5年12月31 ~人");
  const AssembledDocument document = assembled("report", {PageRole::first, PageRole::continuation});
  const ExtractedField date = field(extract_document(document, {first, last}), "report_date");
  EXPECT_EQ(date.value, "2025-12-31");
  EXPECT_EQ(date.status, FieldStatus::review);
  EXPECT_EQ(date.note, "part of the date is hidden under the seal: the one day of the campaign it can be");

  // A whole date on the last lines is the date, as it reads.
  last.lines.back() = {sure("2025年12月22日"), {}};
  last.text = sure("特此报告。\n鞍山市人民政府办公室\n2025年12月22日");
  EXPECT_EQ(field(extract_document(document, {first, last}), "report_date").value, "2025-12-22");
}

}  // namespace
}  // namespace intake
