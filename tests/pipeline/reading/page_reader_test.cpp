#include "pipeline/reading/page_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <opencv2/imgproc.hpp>

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

TEST(PageReader, AFrameRoundTheWholePageIsNoTable) {
  // A report in a ruled box (or its scan with the scanner's edges left on all four sides): one box round everything.
  const int dpi = 200;
  cv::Mat page(2339, 1654, CV_8UC1, cv::Scalar(255));
  const cv::Mat title = testing::render_text("朝阳市政务公开工作先进集体和先进个人初审推荐工作报告", "Noto Serif CJK SC", 16, dpi);
  const cv::Mat body = testing::render_text("根据通知要求，我市高度重视，认真组织开展了初审推荐工作。", "Noto Serif CJK SC", 12, dpi);
  title.copyTo(page(cv::Rect(150, 300, title.cols, title.rows)));
  body.copyTo(page(cv::Rect(150, 500, body.cols, body.rows)));
  cv::rectangle(page, cv::Rect(60, 60, page.cols - 120, page.rows - 120), cv::Scalar(0), 3);
  testing::ScratchFolder folder;
  const auto file = folder / "framed.png";
  testing::write_bytes(file, testing::encode_png(page));
  const PageRead read = read_first_page(file);
  EXPECT_FALSE(read.has_table);
  EXPECT_TRUE(read.tables.empty());
  EXPECT_EQ(read.form, std::optional<std::string>("report"));
  EXPECT_NE(read.text.text.find("认真组织开展"), std::string::npos) << read.text.text;
}

TEST(PageReader, AReportsDateUnderABlackSealIsReadOutOfTheSeal) {
  // A 1-bit scan's black seal over the signature: ring, lettering larger than the text round its top, and its star
  // over 12月. The line finder sees one blot; the date's row inside the seal is read instead.
  const int dpi = 200;
  cv::Mat page(2339, 1654, CV_8UC1, cv::Scalar(255));
  const auto put = [&](const std::string& text, double points, cv::Point at) {
    const cv::Mat line = testing::render_text(text, "Noto Serif CJK SC", points, dpi);
    cv::Mat target = page(cv::Rect(at, line.size()));
    cv::min(target, line, target);
    return cv::Rect(at, line.size());
  };
  put("朝阳市政务公开工作先进集体和先进个人初审推荐工作报告", 16, {150, 300});
  put("根据通知要求，我市高度重视，认真组织开展了初审推荐工作。", 12, {150, 500});
  put("特此报告。", 12, {150, 600});
  put("朝阳市人民政府办公室", 12, {1000, 1500});
  const cv::Rect date = put("2025年12月31日", 12, {1010, 1580});
  const cv::Point centre(1150, 1560);
  const int radius = 160;
  cv::circle(page, centre, radius - 4, cv::Scalar(0), 8);
  const cv::Mat lettering = testing::render_text("朝阳市人民政府办公室", "Noto Sans CJK SC", 20, dpi);
  for (int k = 0; k < 6; ++k) {
    const double angle = CV_PI * (1.15 + 0.14 * k);
    const cv::Mat glyph = lettering(cv::Rect(k * lettering.cols / 10, 0, lettering.cols / 10, lettering.rows));
    const cv::Point at(static_cast<int>(centre.x + 0.78 * radius * std::cos(angle)) - glyph.cols / 2,
                       static_cast<int>(centre.y + 0.78 * radius * std::sin(angle)) - glyph.rows / 2);
    cv::Mat target = page(cv::Rect(at, glyph.size()));
    cv::min(target, glyph, target);
  }
  std::vector<cv::Point> star;
  const cv::Point star_centre(date.x + date.width / 2 + 10, date.y + date.height / 2);
  for (int k = 0; k < 10; ++k) {
    const double r = (k % 2 == 0 ? 38 : 16), a = -CV_PI / 2 + k * CV_PI / 5;
    star.emplace_back(static_cast<int>(star_centre.x + r * std::cos(a)), static_cast<int>(star_centre.y + r * std::sin(a)));
  }
  cv::fillPoly(page, std::vector<std::vector<cv::Point>>{star}, cv::Scalar(0));
  testing::ScratchFolder folder;
  const auto file = folder / "sealed-report.png";
  testing::write_bytes(file, testing::encode_png(page));
  const PageRead read = read_first_page(file);
  ASSERT_FALSE(read.has_table);
  ASSERT_GE(read.seals, 1);
  const auto row = std::find_if(read.lines.begin(), read.lines.end(), [](const TextLineRead& line) {
    return line.read.text.find("2025") != std::string::npos;
  });
  ASSERT_NE(row, read.lines.end()) << read.text.text;
  EXPECT_NE(row->read.text.find("31"), std::string::npos) << row->read.text;
  EXPECT_LE(row->read.confidence, 0.5) << row->read.text;  // read out of a seal: never sure enough for ok
  EXPECT_NE(read.text.text.find("特此报告"), std::string::npos);
}

TEST(PageReader, TwoThinDigitsInAWideCellAreReadAndANameThreeTimes) {
  // 附件5's 人数 cell spans the table; 56 in a light face is under 2.5 mm² of ink in it, less than two or three
  // characters. Such a cell is not empty paper.
  const int dpi = 300;
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  const int left = 300, split = 600, right = 2250, top = 600, row = 130;
  // `text` centred in the row's cell that starts at `x`.
  const auto put = [&](const std::string& text, const std::string& font, double points, int x, int row_top) {
    const cv::Mat line = testing::render_text(text, font, points, dpi);
    cv::Mat target = page(cv::Rect(cv::Point(x, row_top + (row - line.rows) / 2), line.size()));
    cv::min(target, line, target);
  };
  put("附件5", "Noto Sans CJK SC", 14, 300, 250);
  put("辽宁省政务公开工作先进集体推荐审批表", "Noto Serif CJK SC", 18, 450, 400);
  for (int k = 0; k <= 3; ++k) cv::line(page, {left, top + k * row}, {right, top + k * row}, cv::Scalar(0), 3);
  for (const int x : {left, split, right}) cv::line(page, {x, top}, {x, top + 3 * row}, cv::Scalar(0), 3);
  put("单位名称", "Noto Sans CJK SC", 12, 340, top);
  put("锦州市信息中心", "Noto Sans CJK SC", 12, 1200, top);
  put("人数", "Noto Sans CJK SC", 12, 390, top + row);
  put("56", "AR PL UMing CN", 10, 1400, top + row);
  put("负责人", "Noto Sans CJK SC", 12, 360, top + 2 * row);
  put("魏波", "Noto Sans CJK SC", 12, 1300, top + 2 * row);
  testing::ScratchFolder folder;
  const auto file = folder / "annex5.png";
  testing::write_bytes(file, testing::encode_png(page));
  const PageRead read = read_first_page(file);
  ASSERT_EQ(read.form, std::optional<std::string>("annex5"));
  const auto staff = std::find_if(read.values.begin(), read.values.end(),
                                  [](const LabelledValue& value) { return value.field == "staff_count"; });
  ASSERT_NE(staff, read.values.end());
  ASSERT_FALSE(staff->reads.empty());
  EXPECT_EQ(staff->reads.front().text, "56");
  // A name is read three times: the block, the cross-check model's line, and the script model's line alone.
  const auto head = std::find_if(read.values.begin(), read.values.end(),
                                 [](const LabelledValue& value) { return value.field == "head_name"; });
  ASSERT_NE(head, read.values.end());
  ASSERT_EQ(head->reads.size(), 3u);
  EXPECT_EQ(head->reads[2].mode, "script-line");
  for (const TextRead& name : head->reads) EXPECT_EQ(name.text, "魏波");
}

}  // namespace
}  // namespace intake
