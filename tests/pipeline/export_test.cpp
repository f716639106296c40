#include <gtest/gtest.h>

#include "pipeline/export/export_csv.h"
#include "pipeline/export/export_json.h"

namespace intake {
namespace {

// One stored annex6 with a masked-by-default ID number, one annex4 table and one finding.
Store populated_store() {
  auto store = Store::open_in_memory().value();
  const Id run = store.begin_run("test");
  ScannedFile file;
  file.sha256 = "ab";
  file.size = 10;
  file.media_type = MediaType::tiff;
  file.pages = {{1, 100, 100, 300, DpiSource::file, ColourMode::grey, "p1"},
                {2, 100, 100, 300, DpiSource::file, ColourMode::grey, "p2"}};
  NewDocument person;
  person.form = FormKind::annex6;
  person.round = Round::formal;
  person.recommender = "鞍山市";
  person.pages = {1};
  person.fields = {
      {.field = "name", .value_json = "\"王晓梅\"", .confidence = 0.97, .status = FieldStatus::ok, .page = 1,
       .box = std::array<int, 4>{1, 2, 3, 4}},
      {.field = "id_number", .value_json = "\"11010519491231002X\"", .confidence = 0.9, .status = FieldStatus::ok},
      {.field = "recommender_opinion", .value_json = R"({"text":"同意推荐。","sealed":true,"date":"2026-01-08"})",
       .status = FieldStatus::ok}};
  NewDocument summary;
  summary.form = FormKind::annex4;
  summary.round = Round::initial;
  summary.pages = {2};
  summary.fields = {{.field = "seq", .row_index = 0, .value_json = "1", .status = FieldStatus::ok},
                    {.field = "title", .row_index = 0, .value_json = "\"王晓梅\"", .status = FieldStatus::ok},
                    {.field = "seq", .row_index = 1, .value_json = "2", .status = FieldStatus::ok},
                    {.field = "title", .row_index = 1, .value_json = "\"李明\"", .status = FieldStatus::review}};
  store.add_scanned_file(run, file, {"scans/a.tif", "ab/ab", "2026-01-10", std::nullopt}, {person, summary});
  store.add_finding(run, {.key = "k", .rule = "id_number_invalid", .recommender = "鞍山市", .subject = "王晓梅",
                          .field = "id_number", .documents = {1}, .message = "check digit wrong"});
  return store;
}

TEST(ExportJson, HasTheContractsShape) {
  auto store = populated_store();
  const auto out = export_json(store);
  EXPECT_EQ(out["schema"], "intake.export/1");
  for (const char* key : {"documents", "nominees", "photos", "findings"}) EXPECT_TRUE(out[key].is_array()) << key;
  const auto& document = out["documents"][0];
  for (const char* key : {"id", "form", "round", "channel", "recommender", "source", "copies", "fields"})
    EXPECT_TRUE(document.contains(key)) << key;
  EXPECT_EQ(document["form"], "annex6");
  EXPECT_EQ(document["round"], "formal");
  EXPECT_EQ(document["channel"], "paper");
  for (const char* key : {"file", "pages", "sha256", "message_id", "received"})
    EXPECT_TRUE(document["source"].contains(key)) << key;
  EXPECT_EQ(document["source"]["pages"], nlohmann::json::array({1}));
  EXPECT_TRUE(document["source"]["message_id"].is_null());
  const auto& name = document["fields"]["name"];
  EXPECT_EQ(name["value"], "王晓梅");
  EXPECT_EQ(name["status"], "ok");
  EXPECT_DOUBLE_EQ(name["confidence"].get<double>(), 0.97);
  EXPECT_EQ(name["box"], nlohmann::json::array({1, 2, 3, 4}));
  EXPECT_EQ(document["fields"]["id_number"]["value"], "11010519491231002X");  // the JSON export is unmasked
  EXPECT_EQ(document["fields"]["recommender_opinion"]["value"]["sealed"], true);
}

TEST(ExportJson, TableRowsBecomeAListOfRecords) {
  auto store = populated_store();
  const auto rows = export_json(store)["documents"][1]["fields"]["rows"];
  ASSERT_EQ(rows["value"].size(), 2u);
  EXPECT_EQ(rows["value"][0]["seq"], 1);
  EXPECT_EQ(rows["value"][1]["title"], "李明");
  EXPECT_EQ(rows["status"], "review");  // one cell in review sends the table to review
  EXPECT_TRUE(export_json(store)["documents"][1]["round"] == "initial");
}

TEST(ExportJson, FindingsCarryRuleSubjectAndDocuments) {
  auto store = populated_store();
  const auto finding = export_json(store)["findings"][0];
  EXPECT_EQ(finding["rule"], "id_number_invalid");
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["documents"], nlohmann::json::array({1}));
  EXPECT_EQ(finding["subject"], "王晓梅");
}

TEST(ExportCsv, MasksIdNumbersUnlessAskedNotTo) {
  auto store = populated_store();
  const std::string masked = export_csv(store, {});
  EXPECT_EQ(masked.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_EQ(masked.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(masked.find("110105********002X"), std::string::npos);
  EXPECT_NE(export_csv(store, {.unmasked = true}).find("11010519491231002X"), std::string::npos);
  // Opinions are JSON inside one quoted cell, quotes doubled.
  EXPECT_NE(masked.find(R"("{""date"":""2026-01-08"")"), std::string::npos);
}

}  // namespace
}  // namespace intake
