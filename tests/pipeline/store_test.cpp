#include "pipeline/store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include "pipeline/store/blob_store.h"
#include "pipeline/store/schema.h"
#include "support/fixtures.h"

namespace intake {
namespace {

ScannedFile two_page_file(const std::string& sha) {
  ScannedFile file;
  file.sha256 = sha;
  file.size = 1234;
  file.media_type = MediaType::tiff;
  for (int i = 1; i <= 2; ++i)
    file.pages.push_back({i, 1654, 2339, 200, DpiSource::file, ColourMode::bw, "page-hash-" + std::to_string(i)});
  return file;
}

NewDocument annex6_document() {
  NewDocument document;
  document.form = FormKind::annex6;
  document.round = Round::formal;
  document.recommender = "鞍山市";
  document.pages = {1, 2};
  document.fields.push_back({.field = "name",
                             .value_json = "\"王晓梅\"",
                             .raw_text = "王晓梅",
                             .confidence = 0.97,
                             .status = FieldStatus::ok,
                             .page = 1,
                             .box = std::array<int, 4>{10, 20, 300, 60},
                             .engine = "test"});
  return document;
}

TEST(Store, NewDatabaseIsOwnerOnlyAndAtTheLatestSchema) {
  testing::ScratchFolder folder;
  const auto path = folder / "intake.db";
  auto store = Store::open(path);
  ASSERT_TRUE(store) << store.error().reason;
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  auto version = store->database().prepare("PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.column_int(0), latest_schema_version());
  auto journal = store->database().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(journal.step());
  EXPECT_EQ(journal.column_text(0), "wal");
  auto keys = store->database().prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(keys.step());
  EXPECT_EQ(keys.column_int(0), 1);
}

TEST(Store, ReopeningMigratesNothingAndKeepsData) {
  testing::ScratchFolder folder;
  const auto path = folder / "intake.db";
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    const Id run = store->begin_run("scan");
    store->add_scanned_file(run, two_page_file("aa"), {"a.tif", "aa/aa", std::nullopt, std::nullopt}, {});
  }
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->table_counts()["sources"], 1);
  EXPECT_EQ(store->table_counts()["pages"], 2);
}

TEST(Store, RefusesADatabaseFromANewerIntake) {
  testing::ScratchFolder folder;
  const auto path = folder / "intake.db";
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    store->database().execute("PRAGMA user_version = 999");
  }
  const auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().reason.find("newer"), std::string::npos);
}

TEST(Store, MigratesAnOlderDatabaseStepByStep) {
  // A database at version 0 (created by nothing) is brought to the latest version in one open.
  testing::ScratchFolder folder;
  const auto path = folder / "intake.db";
  { ASSERT_TRUE(sql::Database::open(path)); }
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->table_counts().size(), 12u);
}

TEST(Store, SameBytesAreStoredOnce) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("scan");
  const Id first =
      store->add_scanned_file(run, two_page_file("aa"), {"a.tif", "aa/aa", "2026-01-10", std::nullopt},
                              {annex6_document()});
  const Id again =
      store->add_scanned_file(run, two_page_file("aa"), {"copy.tif", "aa/aa", std::nullopt, std::nullopt},
                              {annex6_document()});
  EXPECT_EQ(first, again);
  const auto counts = store->table_counts();
  EXPECT_EQ(counts.at("sources"), 1);
  EXPECT_EQ(counts.at("pages"), 2);
  EXPECT_EQ(counts.at("documents"), 1);
  EXPECT_EQ(counts.at("fields"), 1);
}

TEST(Store, DocumentsComeBackWithTheirPagesFieldsAndSource) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("scan");
  store->add_scanned_file(run, two_page_file("aa"), {"scans/a.tif", "aa/aa", "2026-01-10", std::nullopt},
                          {annex6_document()});
  const auto documents = store->documents();
  ASSERT_EQ(documents.size(), 1u);
  const auto& document = documents[0];
  EXPECT_EQ(document.form, FormKind::annex6);
  EXPECT_EQ(document.round, Round::formal);
  EXPECT_EQ(document.recommender, "鞍山市");
  EXPECT_EQ(document.source.file, "scans/a.tif");
  EXPECT_EQ(document.source.pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(document.source.received, "2026-01-10");
  ASSERT_EQ(document.fields.size(), 1u);
  EXPECT_EQ(document.fields[0].value_json, "\"王晓梅\"");
  EXPECT_EQ(document.fields[0].page, 1);
  EXPECT_EQ(document.fields[0].box, (std::array<int, 4>{10, 20, 300, 60}));
}

TEST(Store, AFailedWriteLeavesNothingBehind) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("scan");
  NewDocument broken = annex6_document();
  broken.pages = {1, 7};  // page 7 does not exist: a bug in the caller
  EXPECT_ANY_THROW(
      store->add_scanned_file(run, two_page_file("bb"), {"b.tif", "bb/bb", std::nullopt, std::nullopt}, {broken}));
  const auto counts = store->table_counts();
  EXPECT_EQ(counts.at("sources"), 0);
  EXPECT_EQ(counts.at("pages"), 0);
  EXPECT_EQ(counts.at("documents"), 0);
}

TEST(Store, AFindingFoundAgainIsStoredOnce) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("check");
  Finding finding{.key = "unreadable_input|x", .rule = "unreadable_input", .file = "x.jpg", .message = "x.jpg: empty"};
  EXPECT_TRUE(store->add_finding(run, finding));
  EXPECT_FALSE(store->add_finding(run, finding));
  const auto findings = store->findings();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].finding.file, "x.jpg");
}

NewMessage mail_message(const std::string& message_id, const std::string& sha) {
  NewMessage message;
  message.sha256 = sha;
  message.size = 100;
  message.blob = "me/" + sha;
  message.message_id = message_id.empty() ? std::nullopt : std::optional<std::string>(message_id);
  message.from_address = "zwgk@163.com";
  message.date = "2025-12-22T09:10:25+08:00";
  message.date_source = "date_header";
  message.received = "2025-12-22";
  message.subject = "抚顺市全省政务公开工作表彰上报材料";
  message.recommender = "抚顺市";
  message.origin = "mailbox.mbox, message 1 (byte 0)";
  return message;
}

TEST(Store, MessagesAreFoundByMessageIdOrByTheirBytes) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("mail");
  const Id with_id = store->add_message(run, mail_message("<a@163.com>", "m1"), std::nullopt).message;
  const Id without = store->add_message(run, mail_message("", "m2"), std::nullopt).message;
  EXPECT_EQ(store->find_message("<a@163.com>", "other bytes"), with_id);  // the same message, copied differently
  EXPECT_EQ(store->find_message("", "m2"), without);
  EXPECT_EQ(store->find_message("<b@163.com>", "m3"), std::nullopt);
  store->add_message_origin(with_id, "Maildir/cur/1", run);
  store->add_message_origin(with_id, "Maildir/cur/1", run);
  EXPECT_EQ(store->table_counts()["message_origins"], 3);
}

TEST(Store, AttachmentsBecomeSourcesOnceAndLinkWhatIsStored) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("mail");
  store->add_scanned_file(run, two_page_file("aa"), {"scans/a.tif", "aa/aa", std::nullopt, std::nullopt}, {});

  NewMessage message = mail_message("<a@163.com>", "m1");
  message.problems = {{Severity::warning, "«x.pdf» (part 4): not a bare file name"}};
  NewAttachment already{.part_path = "2", .name = "a.tif", .media_type = "image/tiff", .role = "pages", .sha256 = "aa"};
  NewAttachment paged{.part_path = "3", .name = "附件6-王晓梅.tif", .media_type = "image/tiff", .role = "pages",
                      .sha256 = "bb", .file = two_page_file("bb"), .blob = "bb/bb",
                      .page_reads = {"{}", "{}"}};
  NewAttachment zip{.part_path = "4", .name = "照片.zip", .media_type = "application/zip", .role = "archive"};
  ScannedFile photo_file;
  photo_file.sha256 = "cc";
  photo_file.size = 3;
  photo_file.media_type = MediaType::jpeg;
  NewAttachment photo{.part_path = "4/1", .name = "王晓梅-19850315.jpg", .media_type = "image/jpeg", .role = "photo",
                      .sha256 = "cc", .file = photo_file, .blob = "cc/cc", .channel = "photo"};
  message.attachments = {already, paged, zip, photo};
  const AddedMessage added = store->add_message(run, message, "test-engine");
  EXPECT_EQ(added.new_source, (std::vector<bool>{false, true, false, true}));

  auto sources = store->database().prepare(
      "SELECT channel, file, message_id, received, page_count FROM sources ORDER BY id");
  std::vector<std::string> rows;
  while (sources.step())
    rows.push_back(fmt::format("{} {} {} {} {}", sources.column_text(0), sources.column_text(1),
                               sources.column_optional_text(2).value_or("-"),
                               sources.column_optional_text(3).value_or("-"), sources.column_int(4)));
  EXPECT_EQ(rows, (std::vector<std::string>{"paper scans/a.tif - - 2",
                                            "email 附件6-王晓梅.tif <a@163.com> 2025-12-22 2",
                                            "photo 王晓梅-19850315.jpg <a@163.com> 2025-12-22 0"}));
  EXPECT_EQ(store->table_counts()["message_attachments"], 4);
  const auto problems = store->message_problems(added.message);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, Severity::warning);
  EXPECT_EQ(problems[0].reason, message.problems[0].reason);

  // The e-mail pages are a batch of their own, named by the subject; the paper pages stay with their folder.
  const auto pages = store->unassigned_pages();
  ASSERT_EQ(pages.size(), 2u);  // only the e-mailed file was stored with page reads
  EXPECT_EQ(pages[0].message, added.message);
  EXPECT_EQ(pages[0].message_recommender, std::optional<std::string>("抚顺市"));
}

TEST(Store, KeepsWhereEachImapMailboxWasLeft) {
  auto store = Store::open_in_memory();
  ASSERT_TRUE(store);
  const Id run = store->begin_run("mail");
  const std::string url = "imaps://office%40example.cn@mail.example.cn/INBOX";
  EXPECT_EQ(store->imap_position(url), std::nullopt);
  store->set_imap_position(url, {7, 120}, run);
  store->set_imap_position(url, {7, 135}, run);
  const auto position = store->imap_position(url);
  ASSERT_TRUE(position);
  EXPECT_EQ(position->uidvalidity, 7u);
  EXPECT_EQ(position->last_uid, 135u);
  EXPECT_EQ(store->imap_position("imaps://office%40example.cn@mail.example.cn/Sent"), std::nullopt);
}

TEST(BlobStore, KeepsOriginalsOwnerOnlyAndByContent) {
  testing::ScratchFolder folder;
  auto blobs = BlobStore::open(BlobStore::beside(folder / "intake.db"));
  ASSERT_TRUE(blobs) << blobs.error().reason;
  const Bytes bytes{1, 2, 3};
  const std::string sha = "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81";
  const auto name = blobs->put(bytes, sha);
  ASSERT_TRUE(name);
  EXPECT_EQ(name.value(), "03/" + sha);
  EXPECT_TRUE(blobs->put(bytes, sha));  // again: no error, same file
  struct stat info {};
  ASSERT_EQ(stat(blobs->path_of(name.value()).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(stat(blobs->root().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700);
  EXPECT_EQ(read_file_bytes(blobs->path_of(name.value()), 100).value(), bytes);
}

}  // namespace
}  // namespace intake
