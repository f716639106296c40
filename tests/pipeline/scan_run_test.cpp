#include "pipeline/scan_run.h"

#include <gtest/gtest.h>

#include "pipeline/store/store.h"
#include "support/fixtures.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

// A small scan batch in every format, plus the bad files a real intake desk receives.
struct Batch {
  testing::ScratchFolder folder;
  fs::path inputs = folder / "inputs";
  fs::path database = folder / "intake.db";

  Batch() {
    testing::write_bytes(inputs / "a/page.jpg", testing::encode_jpeg(testing::make_page(1, 150), 150));
    testing::write_bytes(inputs / "a/page.png", testing::encode_png(testing::make_page(2, 150, false)));
    testing::write_tiff(inputs / "b/batch.tif",
                        {testing::make_page(3, 200), testing::make_page(4, 200), testing::make_page(5, 200)},
                        testing::TiffCompression::g4, 200);
    testing::write_pdf(inputs / "b/doc.pdf", 2);
  }
  void add_bad_files() {
    testing::write_text(inputs / "bad/empty.jpg", "");
    testing::write_text(inputs / "bad/letter.pdf", "This is not a PDF, it is a letter.");
    auto png_named_jpg = testing::encode_png(testing::make_page(6, 100));
    testing::write_bytes(inputs / "bad/mislabelled.jpg", png_named_jpg);  // readable: identified by content
    auto truncated = testing::encode_jpeg(testing::make_page(7, 100), 100);
    truncated.resize(150);
    testing::write_bytes(inputs / "bad/truncated.jpg", truncated);
  }
  ScanRunOptions options(unsigned workers = 2) const {
    ScanRunOptions o;
    o.database = database;
    o.workers = workers;
    o.received = "2026-01-10";
    return o;
  }
};

TEST(ScanRun, EveryPageOfEveryFormatIsStoredAsAnUnknownDocument) {
  Batch batch;
  const auto summary = run_scan({batch.inputs.string()}, batch.options());
  ASSERT_TRUE(summary) << summary.error().reason;
  EXPECT_EQ(summary->files, 4);
  EXPECT_EQ(summary->new_files, 4);
  EXPECT_EQ(summary->pages, 1 + 1 + 3 + 2);
  EXPECT_EQ(summary->documents, 7);
  EXPECT_TRUE(summary->problems.empty());

  auto store = Store::open(batch.database);
  ASSERT_TRUE(store);
  const auto documents = store->documents();
  ASSERT_EQ(documents.size(), 7u);
  for (const auto& document : documents) {
    EXPECT_EQ(document.form, FormKind::unknown);
    EXPECT_EQ(document.source.received, "2026-01-10");
    EXPECT_EQ(document.source.pages.size(), 1u);
  }
  // Input order, whatever the thread timing: a/page.jpg, a/page.png, b/batch.tif ×3, b/doc.pdf ×2.
  EXPECT_EQ(fs::path(documents[0].source.file).filename(), "page.jpg");
  EXPECT_EQ(fs::path(documents[4].source.file).filename(), "batch.tif");
  EXPECT_EQ(documents[4].source.pages, std::vector<int>{3});
}

TEST(ScanRun, RunningAgainStoresNothingNew) {
  Batch batch;
  ASSERT_TRUE(run_scan({batch.inputs.string()}, batch.options()));
  auto before = Store::open(batch.database).value().table_counts();
  const auto again = run_scan({batch.inputs.string()}, batch.options(1));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->new_files, 0);
  EXPECT_EQ(again->already_stored, 4);
  auto after = Store::open(batch.database).value().table_counts();
  before.erase("runs");
  after.erase("runs");
  EXPECT_EQ(before, after);
}

TEST(ScanRun, TheSameBytesUnderTwoNamesAreOneSource) {
  Batch batch;
  fs::copy_file(batch.inputs / "a/page.jpg", batch.inputs / "a/copy-of-page.jpg");
  const auto summary = run_scan({batch.inputs.string()}, batch.options(4));
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->new_files, 4);
  EXPECT_EQ(summary->already_stored, 1);
  EXPECT_TRUE(summary->problems.empty());
  auto store = Store::open(batch.database).value();
  EXPECT_EQ(store.table_counts()["sources"], 4);
  EXPECT_EQ(store.table_counts()["source_paths"], 5);
  // The first name in input order is the one the source keeps.
  EXPECT_EQ(fs::path(store.documents()[0].source.file).filename(), "copy-of-page.jpg");
}

TEST(ScanRun, BadFilesAreNamedAndRecordedAndTheRestLands) {
  Batch batch;
  batch.add_bad_files();
  const auto summary = run_scan({batch.inputs.string(), (batch.folder / "missing.tif").string()}, batch.options());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->new_files, 5);  // the four good files and the PNG named .jpg
  ASSERT_EQ(summary->problems.size(), 4u);
  std::map<std::string, std::string> reasons;
  for (const auto& problem : summary->problems) reasons[fs::path(problem.file).filename()] = problem.reason;
  EXPECT_EQ(reasons["empty.jpg"], "empty file");
  EXPECT_NE(reasons["letter.pdf"].find("text/plain"), std::string::npos);
  EXPECT_NE(reasons["truncated.jpg"].find("damaged"), std::string::npos);
  EXPECT_EQ(reasons["missing.tif"], "no such file or folder");

  auto store = Store::open(batch.database).value();
  const auto findings = store.findings();
  ASSERT_EQ(findings.size(), 4u);
  for (const auto& stored : findings) {
    EXPECT_EQ(stored.finding.rule, "unreadable_input");
    ASSERT_TRUE(stored.finding.file);
    EXPECT_NE(stored.finding.message.find(*stored.finding.file), std::string::npos);
  }
  // Rerun: the same problems again, nothing duplicated.
  const auto again = run_scan({batch.inputs.string(), (batch.folder / "missing.tif").string()}, batch.options());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->problems.size(), 4u);
  EXPECT_EQ(store.findings().size(), 4u);
}

TEST(ScanRun, OriginalsAreKeptBesideTheDatabase) {
  Batch batch;
  ASSERT_TRUE(run_scan({(batch.inputs / "b/doc.pdf").string()}, batch.options()));
  auto store = Store::open(batch.database).value();
  auto query = store.database().prepare("SELECT blob FROM sources");
  ASSERT_TRUE(query.step());
  const fs::path kept = fs::path(batch.database.string() + ".originals") / query.column_text(0);
  EXPECT_EQ(read_file_bytes(kept, 1u << 30).value(), read_file_bytes(batch.inputs / "b/doc.pdf", 1u << 30).value());
}

TEST(ScanRun, AnUnopenableDatabaseIsAnError) {
  Batch batch;
  ScanRunOptions options = batch.options();
  options.database = batch.folder / "no-such-folder" / "intake.db";
  EXPECT_FALSE(run_scan({batch.inputs.string()}, options));
}

}  // namespace
}  // namespace intake
