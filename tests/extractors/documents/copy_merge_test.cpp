#include "extractors/documents/copy_merge.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

AssembledDocument document(std::string form) {
  AssembledDocument d;
  d.form = std::move(form);
  d.round = "formal";
  d.pages = {0};
  d.roles = {PageRole::first};
  return d;
}

ExtractedDocument extracted(std::string name, std::string phone, FieldStatus phone_status = FieldStatus::ok) {
  ExtractedDocument e;
  e.subject = name;
  e.fields.push_back({"name", std::nullopt, name, FieldStatus::ok});
  e.fields.push_back({"phone", std::nullopt, phone, phone_status});
  return e;
}

TEST(CopyMerge, IdenticalCopiesMergeAndAnOlderVersionStaysApart) {
  const std::vector<AssembledDocument> documents(4, document("annex6"));
  const std::vector<ExtractedDocument> reads{extracted("王晓梅", "13800000001"), extracted("王晓梅", "13800000001"),
                                             extracted("王晓梅", "13800000002"),  // an older version
                                             extracted("王晓梅", "13800000001")};
  const auto merged = find_copies(documents, reads, std::vector<std::string>(4, "scans/a"));
  ASSERT_EQ(merged.groups.size(), 2u);
  EXPECT_EQ(merged.groups[0], (std::vector<std::size_t>{0, 1, 3}));
  EXPECT_EQ(merged.groups[1], (std::vector<std::size_t>{2}));
  ASSERT_EQ(merged.mismatches.size(), 1u);
  EXPECT_EQ(merged.mismatches[0].field, "phone");
  EXPECT_EQ(merged.mismatches[0].other, 2u);
}

TEST(CopyMerge, ALongTextReadOkWithASlipIsTheSameVersion) {
  const std::string summary =
      "朝阳市双塔区政务服务中心现有工作人员33人，承担着全市政务公开工作的组织协调、指导推进和监督考核职能。近年来，"
      "该单位深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以人民为中心的发展思想。";
  std::string slipped = summary;
  slipped.replace(slipped.find("33人"), std::string("33人").size(), "33，人");  // a speck read as a comma
  const std::string rewritten = "朝阳市双塔区政务服务中心现有工作人员35人，负责全市政务公开工作。";
  const std::vector<AssembledDocument> documents(3, document("annex2"));
  std::vector<ExtractedDocument> reads(3, extracted("朝阳市双塔区政务服务中心", "0421-7694956"));
  reads[0].fields.push_back({"summary", std::nullopt, summary, FieldStatus::ok});
  reads[1].fields.push_back({"summary", std::nullopt, slipped, FieldStatus::ok});
  reads[2].fields.push_back({"summary", std::nullopt, rewritten, FieldStatus::ok});
  const auto merged = find_copies(documents, reads, std::vector<std::string>(3, "scans/a"));
  ASSERT_EQ(merged.groups.size(), 2u);
  EXPECT_EQ(merged.groups[0], (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(merged.mismatches.size(), 1u);  // the rewritten summary is another version
  EXPECT_EQ(merged.mismatches[0].field, "summary");
  EXPECT_EQ(merged.mismatches[0].other, 2u);
}

TEST(CopyMerge, AnUncertainReadIsNoDifferenceAndTheCertainCopyGivesTheValue) {
  const std::vector<AssembledDocument> documents(2, document("annex6"));
  const std::vector<ExtractedDocument> reads{extracted("王晓梅", "1380000000l", FieldStatus::review),
                                             extracted("王晓梅", "13800000001")};
  const auto merged = find_copies(documents, reads, {"scans/a", "scans/a"});
  ASSERT_EQ(merged.groups.size(), 1u);
  EXPECT_TRUE(merged.mismatches.empty());
  const auto fields = merged_fields(merged.groups[0], reads);
  EXPECT_EQ(fields[1].value, "13800000001");
  EXPECT_EQ(fields[1].status, FieldStatus::ok);
}

TEST(CopyMerge, ANumberFarFromTheOthersIsAnotherVersionEvenUnsure) {
  // The older version's phone is another number altogether, read in review: not a misread of the same one.
  const std::vector<AssembledDocument> documents(3, document("annex3"));
  const std::vector<ExtractedDocument> reads{extracted("冯赟", "13501506370"),
                                             extracted("冯赟", "13105855837", FieldStatus::review),
                                             extracted("冯赟", "13501506378", FieldStatus::review)};
  const auto merged = find_copies(documents, reads, std::vector<std::string>(3, "scans/a"));
  ASSERT_EQ(merged.groups.size(), 2u);
  EXPECT_EQ(merged.groups[0], (std::vector<std::size_t>{0, 2}));  // one digit apart: a misread, same version
  EXPECT_EQ(merged.groups[1], (std::vector<std::size_t>{1}));
  ASSERT_EQ(merged.mismatches.size(), 1u);
  EXPECT_EQ(merged.mismatches[0].field, "phone");
}

TEST(CopyMerge, DifferentNomineesFoldersAndUnknownPagesNeverMerge) {
  const std::vector<AssembledDocument> documents{document("annex6"), document("annex6"), document("annex6"),
                                                 document("unknown"), document("unknown")};
  const std::vector<ExtractedDocument> reads{extracted("王晓梅", "1"), extracted("李明", "1"),
                                             extracted("王晓梅", "1"), ExtractedDocument{}, ExtractedDocument{}};
  const auto merged = find_copies(documents, reads, {"a", "a", "b", "a", "a"});
  EXPECT_EQ(merged.groups.size(), 5u);
}

ExtractedField field(std::string id, nlohmann::json value, FieldStatus status = FieldStatus::review,
                     double confidence = 0.9) {
  ExtractedField f{std::move(id), std::nullopt, std::move(value), status};
  f.confidence = confidence;
  return f;
}

ExtractedDocument nominee(std::optional<std::string> name, std::string birth, std::string unit, std::string deeds) {
  ExtractedDocument e;
  e.subject = name;
  e.fields.push_back(field("name", name ? nlohmann::json(*name) : nlohmann::json()));
  e.fields.push_back(field("birth", birth, FieldStatus::ok));
  e.fields.push_back(field("unit_and_title", unit, FieldStatus::ok));
  e.fields.push_back(field("deeds", deeds));
  e.fields.push_back(field("gender", "男", FieldStatus::ok));
  return e;
}

const std::string deeds = "冯赟同志自2015年起负责全市政务公开工作，坚持以公开为常态、不公开为例外，工作成效显著。";

TEST(CopyMerge, ACopyWhoseNameWasMisreadOrMissedJoinsByItsOtherValues) {
  const std::vector<AssembledDocument> documents(3, document("annex3"));
  std::string misread_deeds = deeds;
  misread_deeds.replace(0, 6, "汉园");  // 冯赟 → 汉园 in the text as well
  std::vector<ExtractedDocument> reads{nominee("冯赟", "1976-09", "朝阳市自然资源局主任", deeds),
                                       nominee("汉园", "1976-09", "朝阳市自然资源局主任", misread_deeds),
                                       nominee(std::nullopt, "1976-09", "旨阳市目然资源局主任", deeds)};
  reads[2].fields[2].status = FieldStatus::review;  // the misread post is no certain difference
  EXPECT_TRUE(same_subject(reads[0], reads[1]));
  EXPECT_TRUE(same_subject(reads[0], reads[2]));  // birth and deeds agree, the post differs: 2 to 1
  const auto merged = find_copies(documents, reads, std::vector<std::string>(3, "scans/a"));
  ASSERT_EQ(merged.groups.size(), 1u);
  EXPECT_EQ(merged.groups[0].size(), 3u);
}

TEST(CopyMerge, TwoNomineesSharingCommonValuesStayApart) {
  // Same gender, same birth month: common values are no identity.
  const ExtractedDocument a = nominee("王晓梅", "1980-01", "朝阳市数据局副局长", deeds);
  const ExtractedDocument b = nominee("李明", "1980-01", "朝阳市民政局科长", "李明同志长期从事政府信息公开工作，主动公开文件1200余件。");
  EXPECT_FALSE(same_subject(a, b));
  const ExtractedDocument c = nominee("李明", "1975-03", "朝阳市民政局科长", deeds);  // one in common, two apart
  EXPECT_FALSE(same_subject(a, c));
}

TEST(CopyMerge, WithoutACertainReadTheValueMostCopiesReadWins) {
  const std::vector<std::size_t> group{0, 1, 2};
  std::vector<ExtractedDocument> reads(3);
  reads[0].fields.push_back(field("name", "汉园", FieldStatus::review, 0.95));
  reads[1].fields.push_back(field("name", "冯赟", FieldStatus::review, 0.80));
  reads[2].fields.push_back(field("name", "冯赟", FieldStatus::review, 0.70));
  auto fields = merged_fields(group, reads);
  EXPECT_EQ(fields[0].value, "冯赟");
  EXPECT_EQ(fields[0].status, FieldStatus::review);  // agreement across copies is no certainty: fonts misread alike
  EXPECT_DOUBLE_EQ(fields[0].confidence, 0.80);

  // An opinion: the date most copies read, whatever debris its text carries.
  std::vector<ExtractedDocument> opinions(3);
  opinions[0].fields.push_back(field("org_opinion", {{"text", "同意。"}, {"sealed", true}, {"date", nullptr}}));
  opinions[1].fields.push_back(field("org_opinion", {{"text", "同意。羡章"}, {"sealed", true}, {"date", "2026-01-09"}},
                                     FieldStatus::review, 0.6));
  opinions[2].fields.push_back(field("org_opinion", {{"text", "同意。"}, {"sealed", true}, {"date", "2026-01-09"}},
                                     FieldStatus::review, 0.7));
  fields = merged_fields(group, opinions);
  EXPECT_EQ(fields[0].value["date"], "2026-01-09");
  EXPECT_EQ(fields[0].value["text"], "同意。");

  // Nothing read anywhere: the first copy's field stays.
  std::vector<ExtractedDocument> blanks(3);
  for (auto& blank : blanks) blank.fields.push_back(field("phone", nullptr, FieldStatus::missing));
  blanks[0].fields[0].note = "label not found";
  fields = merged_fields(group, blanks);
  EXPECT_EQ(fields[0].note, "label not found");
}

TEST(CopyMerge, AnOkTextMostCopiesReadOtherwiseAtOnePlaceIsForReview) {
  // Seed 6's 附件9, five copies: the one read ok has 于部 where three read 干部; the place is right only in it.
  const std::vector<std::size_t> group{0, 1, 2, 3, 4};
  std::vector<ExtractedDocument> reads(5);
  reads[0].fields.push_back(field("unit_and_title", "阜新市委组织部于部一科科长", FieldStatus::ok, 0.98));
  reads[1].fields.push_back(field("unit_and_title", "量新市委组织部干部一科科长", FieldStatus::review, 0.97));
  reads[2].fields.push_back(field("unit_and_title", "时新市委组织部干部一科科长", FieldStatus::review, 0.97));
  reads[3].fields.push_back(field("unit_and_title", "旦新市委组织部于部一科科长", FieldStatus::review, 0.99));
  reads[4].fields.push_back(field("unit_and_title", "量新市雪组织部干部一科科长", FieldStatus::review, 0.98));
  auto fields = merged_fields(group, reads);
  EXPECT_EQ(fields[0].value, "阜新市委组织部于部一科科长");  // unsure reads do not rewrite a sure one
  EXPECT_EQ(fields[0].status, FieldStatus::review);
  EXPECT_EQ(fields[0].note, "most copies read 干/于 otherwise");  // 量 is two copies of five: no majority

  // Copies of another length count among the copies but give no character: no majority here.
  reads[2].fields[0].value = "时新市委组织部干部一科科长。";
  reads[4].fields[0].value = "量新市雪组织部干部一科科";
  fields = merged_fields(group, reads);
  EXPECT_EQ(fields[0].status, FieldStatus::ok);

  // Two copies are no majority against one.
  std::vector<ExtractedDocument> two(2);
  two[0].fields.push_back(field("name", "王晓梅", FieldStatus::ok, 0.98));
  two[1].fields.push_back(field("name", "王晓海", FieldStatus::review, 0.9));
  fields = merged_fields({0, 1}, two);
  EXPECT_EQ(fields[0].status, FieldStatus::ok);
}

}  // namespace
}  // namespace intake
