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

TEST(CopyMerge, DifferentNomineesFoldersAndUnknownPagesNeverMerge) {
  const std::vector<AssembledDocument> documents{document("annex6"), document("annex6"), document("annex6"),
                                                 document("unknown"), document("unknown")};
  const std::vector<ExtractedDocument> reads{extracted("王晓梅", "1"), extracted("李明", "1"),
                                             extracted("王晓梅", "1"), ExtractedDocument{}, ExtractedDocument{}};
  const auto merged = find_copies(documents, reads, {"a", "a", "b", "a", "a"});
  EXPECT_EQ(merged.groups.size(), 5u);
}

}  // namespace
}  // namespace intake
