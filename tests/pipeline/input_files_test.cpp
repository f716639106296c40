#include "pipeline/input_files.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

TEST(InputFiles, WalksFoldersInSortedOrderAndSkipsHiddenEntries) {
  testing::ScratchFolder folder;
  testing::write_text(folder / "b/2.jpg", "x");
  testing::write_text(folder / "b/1.jpg", "x");
  testing::write_text(folder / "a.tif", "x");
  testing::write_text(folder / ".thumbs/a.jpg", "x");
  testing::write_text(folder / "b/.DS_Store", "x");
  const auto listing = list_input_files({folder.path().string()});
  ASSERT_EQ(listing.files.size(), 3u);
  EXPECT_EQ(listing.files[0].path.filename(), "a.tif");
  EXPECT_EQ(listing.files[1].path.filename(), "1.jpg");
  EXPECT_EQ(listing.files[2].path.filename(), "2.jpg");
  EXPECT_EQ(listing.files[1].display, (folder.path() / "b/1.jpg").string());
  EXPECT_TRUE(listing.missing.empty());
}

TEST(InputFiles, NamesMissingArgumentsAndListsAFileOnce) {
  testing::ScratchFolder folder;
  testing::write_text(folder / "a.tif", "x");
  const std::string file = (folder / "a.tif").string();
  const auto listing = list_input_files({file, folder.path().string(), (folder / "nope").string()});
  EXPECT_EQ(listing.files.size(), 1u);
  ASSERT_EQ(listing.missing.size(), 1u);
  EXPECT_EQ(listing.missing[0].display, (folder / "nope").string());
}

TEST(InputFiles, SkipsIntakesOwnDatabaseWhenScanningItsFolder) {
  testing::ScratchFolder folder;
  testing::write_text(folder / "page.jpg", "x");
  testing::write_text(folder / "intake.db", "x");
  testing::write_text(folder / "intake.db.originals/ab/abcd", "x");
  const auto listing =
      list_input_files({folder.path().string()}, {folder / "intake.db", folder / "intake.db.originals"});
  ASSERT_EQ(listing.files.size(), 1u);
  EXPECT_EQ(listing.files[0].path.filename(), "page.jpg");
}

}  // namespace
}  // namespace intake
