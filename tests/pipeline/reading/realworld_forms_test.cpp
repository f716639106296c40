// Real Chinese forms scanned and photographed by others (../shared/realworld/forms_zh): none is one of the award
// forms, so each must come out an `unknown` document, whatever labels it shares with them; their seals and ruled
// tables must still be seen. Skipped where the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "extractors/documents/document_assembly.h"
#include "models/media_type.h"
#include "pipeline/bytes.h"
#include "pipeline/page_decoder.h"
#include "pipeline/reading/page_reader.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

const fs::path corpus = fs::path(INTAKE_REALWORLD_DIR) / "forms_zh";

PageRead read_page(PageReader& reader, const fs::path& file) {
  auto bytes = read_file_bytes(file, 64u << 20);
  EXPECT_TRUE(bytes) << file;
  PageRead read;
  if (!bytes) return read;
  decode_pages(bytes.value(), sniff_media_type(bytes.value()), {}, [&](DecodedPage&& page) {
    if (page.index == 1) read = reader.read(page, file.string());
  });
  return read;
}

class RealWorldForms : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(corpus)) GTEST_SKIP() << "no ../shared/realworld";
  }
};

TEST_F(RealWorldForms, ACvWithOurLabelsUnderItsOwnTitleIsNoForm) {
  // 个人简历: 姓名 性别 民族 出生日期 籍贯 学历 政治面貌 in a ruled grid, as on 附件6.
  auto reader = PageReader::create();
  ASSERT_TRUE(reader) << reader.error().reason;
  const PageRead page = read_page(reader.value(), corpus / "tables_zh" / "resume_table4.jpg");
  EXPECT_TRUE(page.has_table);
  EXPECT_GE(page.values.size(), 4u);  // its labels are found ...
  EXPECT_FALSE(page.form);
  EXPECT_EQ(assemble_documents({page}).front().form, "unknown");  // ... yet it is no 附件6
}

TEST_F(RealWorldForms, ASealedScannedFormHasItsSealFoundAndIsNoForm) {
  auto reader = PageReader::create();
  ASSERT_TRUE(reader) << reader.error().reason;
  const PageRead page = read_page(reader.value(), corpus / "tables_zh" / "sealed_form_squeeze_error.jpeg");
  EXPECT_GE(page.seals, 1);
  EXPECT_TRUE(page.has_table);
  EXPECT_EQ(assemble_documents({page}).front().form, "unknown");
}

TEST_F(RealWorldForms, APhotoWithoutATableHasNone) {
  auto reader = PageReader::create();
  ASSERT_TRUE(reader) << reader.error().reason;
  const PageRead page = read_page(reader.value(), corpus / "tables_zh" / "no_table_negative.jpg");
  EXPECT_FALSE(page.has_table);
  EXPECT_EQ(assemble_documents({page}).front().form, "unknown");
}

}  // namespace
}  // namespace intake
