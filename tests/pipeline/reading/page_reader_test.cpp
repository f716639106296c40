#include "pipeline/reading/page_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "models/media_type.h"
#include "pipeline/page_decoder.h"
#include "support/fixtures.h"

namespace intake {
namespace {

PageRead read_first_page(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const Bytes bytes((std::istreambuf_iterator<char>(in)), {});
  auto reader = PageReader::create();
  EXPECT_TRUE(reader) << (reader ? "" : reader.error().reason);
  PageRead read;
  decode_pages(bytes, sniff_media_type(bytes), {}, [&](DecodedPage&& page) {
    if (page.index == 1) read = reader.value().read(page, file.string());
  });
  return read;
}

TEST(PageReader, ALineRuledInAboveTheHeaderRowIsALineOfThePage) {
  // 附件4 with its 推荐单位 line in a ruled box of its own above the header row (a seal's rim taken for a ruling
  // makes the same shape): the line is still the page's line, its cells joined, for the header line's values.
  testing::ScratchFolder folder;
  const auto file = folder / "annex4.pdf";
  testing::write_table_pdf(file, {"附件4", "辽宁省政务公开工作先进集体和先进个人推荐对象汇总表"},
                           {{"推荐单位：朝阳市", "联系人：王晓梅", "联系电话：13912345678"},
                            {"序号", "类别", "名称或姓名", "性别", "出生年月", "民族"},
                            {"1", "先进个人", "李明", "男", "1980.01", "汉族"}});
  const PageRead read = read_first_page(file);
  EXPECT_EQ(read.form, std::optional<std::string>("annex4"));
  const auto header = std::find_if(read.lines.begin(), read.lines.end(), [](const TextLineRead& line) {
    return line.read.text.find("推荐单位") != std::string::npos;
  });
  ASSERT_NE(header, read.lines.end());
  EXPECT_NE(header->read.text.find("联系电话"), std::string::npos) << header->read.text;
  ASSERT_EQ(read.tables.size(), 1u);
  ASSERT_EQ(read.tables[0].rows.size(), 1u);  // the data row only
  EXPECT_EQ(read.tables[0].header.at(1), "category");
}

}  // namespace
}  // namespace intake
