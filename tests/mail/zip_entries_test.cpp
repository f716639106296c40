#include "pipeline/mail/zip_entries.h"

#include <gtest/gtest.h>

#include "mail/mail_fixtures.h"

namespace intake {
namespace {

using testing::first_entry_flags;
using testing::gb18030;
using testing::zip_archive;
using testing::zip_attachment;

constexpr unsigned utf8_name_flag = 0x800;  // APPNOTE 4.4.4 bit 11

std::vector<std::string> entry_names(const ZipExpansion& expansion) {
  std::vector<std::string> names;
  for (const MailAttachment& entry : expansion.entries) names.push_back(entry.name);
  return names;
}

TEST(ZipEntries, GbkNamesWithoutTheUtf8FlagAreReadAsGb18030) {
  const std::string zip = zip_archive({{gb18030("张三-19800101.jpg"), "\xFF\xD8\xFF photo"},
                                       {gb18030("照片/李堃-19900202.jpg"), "\xFF\xD8\xFF photo 2"}},
                                      false);
  ASSERT_EQ(first_entry_flags(zip) & utf8_name_flag, 0u);
  const auto expansion = expand_zip(zip_attachment(zip));
  ASSERT_TRUE(expansion.ok()) << expansion.error().reason;
  EXPECT_EQ(entry_names(expansion.value()), (std::vector<std::string>{"张三-19800101.jpg", "李堃-19900202.jpg"}));
  EXPECT_TRUE(expansion->problems.empty());  // a folder inside the archive is normal, not a problem
  EXPECT_EQ(expansion->entries[0].media_type, "image/jpeg");
  EXPECT_EQ(testing::text_of(expansion->entries[1].bytes), "\xFF\xD8\xFF photo 2");
  EXPECT_EQ(expansion->entries[0].part_path, "2/1");
  EXPECT_EQ(expansion->entries[1].part_path, "2/2");
}

TEST(ZipEntries, Utf8FlaggedNamesAreReadAsUtf8WhateverTheCallersLocale) {
  const std::string zip = zip_archive({{"附件6-王晓梅.pdf", "%PDF-1.4"}}, true);
  ASSERT_NE(first_entry_flags(zip) & utf8_name_flag, 0u);
  const auto expansion = expand_zip(zip_attachment(zip));
  ASSERT_TRUE(expansion.ok()) << expansion.error().reason;
  EXPECT_EQ(entry_names(expansion.value()), std::vector<std::string>{"附件6-王晓梅.pdf"});
  EXPECT_EQ(expansion->entries[0].media_type, "application/pdf");
}

TEST(ZipEntries, EntriesClimbingOutAreReducedToBareNamesAndReported) {
  const std::string zip = zip_archive(
      {{"../../x.pdf", "%PDF-1.4 a"}, {"/etc/passwd", "b"}, {"docs/", "", true}, {"docs/ok.pdf", "%PDF-1.4 c"}}, false);
  const auto expansion = expand_zip(zip_attachment(zip));
  ASSERT_TRUE(expansion.ok()) << expansion.error().reason;
  EXPECT_EQ(entry_names(expansion.value()), (std::vector<std::string>{"x.pdf", "passwd", "ok.pdf"}));
  ASSERT_EQ(expansion->problems.size(), 2u);
  EXPECT_EQ(expansion->problems[0].kind, MailProblemKind::unsafe_name);
  EXPECT_NE(expansion->problems[0].message.find("../../x.pdf"), std::string::npos);
  EXPECT_EQ(expansion->problems[1].kind, MailProblemKind::unsafe_name);
  EXPECT_EQ(expansion->entries[2].part_path, "2/4");  // entry numbers count the folder entry too
}

TEST(ZipEntries, AnEntryInflatingPastTheCapStopsTheExpansion) {
  const std::string zip = zip_archive(
      {{"a.pdf", "%PDF-1.4 small"}, {"bomb.bin", std::string(3 << 20, '\0')}, {"after.pdf", "%PDF-1.4 never read"}},
      false);
  const auto attachment = zip_attachment(zip);
  ASSERT_LT(attachment.bytes.size(), 64u * 1024);  // deflated zeros: a small attachment, a large entry
  const auto expansion = expand_zip(attachment, {.max_entry_bytes = 1 << 20});
  ASSERT_TRUE(expansion.ok()) << expansion.error().reason;
  EXPECT_EQ(entry_names(expansion.value()), std::vector<std::string>{"a.pdf"});
  ASSERT_EQ(expansion->problems.size(), 1u);
  EXPECT_EQ(expansion->problems[0].kind, MailProblemKind::zip_limit);
}

TEST(ZipEntries, TotalAndCountCapsStopTheExpansion) {
  const std::string zip = zip_archive(
      {{"1.pdf", std::string(600, 'a')}, {"2.pdf", std::string(600, 'b')}, {"3.pdf", std::string(600, 'c')}}, false);
  const auto by_total = expand_zip(zip_attachment(zip), {.max_total_bytes = 1000});
  ASSERT_TRUE(by_total.ok());
  EXPECT_EQ(entry_names(by_total.value()), std::vector<std::string>{"1.pdf"});
  EXPECT_EQ(testing::problem_kinds(by_total->problems), std::vector<MailProblemKind>{MailProblemKind::zip_limit});

  const auto by_count = expand_zip(zip_attachment(zip), {.max_entries = 2});
  ASSERT_TRUE(by_count.ok());
  EXPECT_EQ(entry_names(by_count.value()), (std::vector<std::string>{"1.pdf", "2.pdf"}));
  EXPECT_EQ(testing::problem_kinds(by_count->problems), std::vector<MailProblemKind>{MailProblemKind::zip_limit});

  const auto within = expand_zip(zip_attachment(zip));
  ASSERT_TRUE(within.ok());
  EXPECT_EQ(within->entries.size(), 3u);
  EXPECT_TRUE(within->problems.empty());
}

TEST(ZipEntries, AZipInsideIsKeptAsOneEntry) {
  const std::string inner = zip_archive({{"deep.pdf", "%PDF-1.4"}}, false);
  const auto expansion = expand_zip(zip_attachment(zip_archive({{"inner.zip", inner}}, false)));
  ASSERT_TRUE(expansion.ok());
  EXPECT_EQ(entry_names(expansion.value()), std::vector<std::string>{"inner.zip"});
  EXPECT_EQ(expansion->entries[0].media_type, "application/zip");
}

TEST(ZipEntries, BytesThatAreNoZipAreAnError) {
  const auto expansion = expand_zip(zip_attachment("PK\x03\x04 but nothing else"));
  EXPECT_FALSE(expansion.ok());
}

TEST(ZipEntries, OnlyArchivesMeantForUnpackingAreZips) {
  const std::string zip = zip_archive({{"a.pdf", "%PDF-1.4"}}, false);
  EXPECT_TRUE(is_zip_archive(zip_attachment(zip)));
  EXPECT_TRUE(is_zip_archive({"照片.ZIP", "application/octet-stream", Bytes(zip.begin(), zip.end()), "2", false}));
  // Word documents are ZIPs by their bytes; they are documents, not archives to unpack.
  EXPECT_FALSE(is_zip_archive({"报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               Bytes(zip.begin(), zip.end()), "2", false}));
  const std::string pdf = "%PDF-1.4";
  EXPECT_FALSE(is_zip_archive({"fake.zip", "application/zip", Bytes(pdf.begin(), pdf.end()), "2", false}));
}

}  // namespace
}  // namespace intake
