#include "pipeline/store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

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
  EXPECT_EQ(store->table_counts().size(), 9u);
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
