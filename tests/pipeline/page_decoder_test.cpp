#include "pipeline/page_decoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "pipeline/bytes.h"
#include "support/fixtures.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

std::vector<DecodedPage> decode_file(const fs::path& path, DecodeOutcome* outcome_out = nullptr,
                                     const DecodeOptions& options = {}) {
  auto bytes = read_file_bytes(path, 1u << 30);
  EXPECT_TRUE(bytes) << path;
  std::vector<DecodedPage> pages;
  const DecodeOutcome outcome = decode_pages(bytes.value(), sniff_media_type(bytes.value()), options,
                                             [&](DecodedPage&& page) { pages.push_back(std::move(page)); });
  EXPECT_EQ(outcome.pages, static_cast<int>(pages.size()));
  if (outcome_out) *outcome_out = outcome;
  return pages;
}

struct TiffCase {
  testing::TiffCompression compression;
  ColourMode mode;
  const char* name;
};

class MultipageTiff : public ::testing::TestWithParam<TiffCase> {};

TEST_P(MultipageTiff, EveryPageDecodedOnceWithItsResolution) {
  testing::ScratchFolder folder;
  const TiffCase& c = GetParam();
  std::vector<cv::Mat> pages;
  for (int i = 1; i <= 4; ++i) pages.push_back(testing::make_page(i, 200, c.mode == ColourMode::colour));
  testing::write_tiff(folder / "batch.tif", pages, c.compression, 200);

  DecodeOutcome outcome;
  const auto decoded = decode_file(folder / "batch.tif", &outcome);
  EXPECT_FALSE(outcome.problem) << *outcome.problem;
  ASSERT_EQ(decoded.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(decoded[i].index, i + 1);
    EXPECT_EQ(decoded[i].image.size(), pages[i].size());
    EXPECT_EQ(decoded[i].dpi, 200);
    EXPECT_EQ(decoded[i].dpi_source, DpiSource::file);
    EXPECT_EQ(decoded[i].mode, c.mode);
  }
  // Pages are distinct images, in file order.
  EXPECT_GT(cv::norm(decoded[0].image, decoded[1].image, cv::NORM_L1), 0.0);
}

INSTANTIATE_TEST_SUITE_P(Compressions, MultipageTiff,
                         ::testing::Values(TiffCase{testing::TiffCompression::g4, ColourMode::bw, "g4"},
                                           TiffCase{testing::TiffCompression::lzw, ColourMode::grey, "lzw_grey"},
                                           TiffCase{testing::TiffCompression::lzw, ColourMode::colour, "lzw_colour"},
                                           TiffCase{testing::TiffCompression::jpeg, ColourMode::colour, "jpeg"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PageDecoder, PdfPagesAreRenderedAt300Dpi) {
  testing::ScratchFolder folder;
  testing::write_pdf(folder / "doc.pdf", 3);
  DecodeOutcome outcome;
  const auto pages = decode_file(folder / "doc.pdf", &outcome);
  EXPECT_FALSE(outcome.problem);
  ASSERT_EQ(pages.size(), 3u);
  for (const auto& page : pages) {
    EXPECT_EQ(page.dpi, 300);
    EXPECT_EQ(page.dpi_source, DpiSource::rendered);
    EXPECT_NEAR(page.image.cols, 2480, 2);  // A4 width at 300 dpi
    EXPECT_NEAR(page.image.rows, 3508, 2);
    EXPECT_EQ(page.mode, ColourMode::grey);  // black text and rules only
  }
}

TEST(PageDecoder, ABornDigitalPdfPageCarriesItsTextLayer) {
  testing::ScratchFolder folder;
  testing::write_text_pdf(folder / "form.pdf", "辽宁省政务公开工作先进个人推荐审批表\n同意推荐。\n2026年1月9日");
  DecodeOutcome outcome;
  const auto pages = decode_file(folder / "form.pdf", &outcome);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].text_layer);
  const cv::Rect whole(0, 0, pages[0].image.cols, pages[0].image.rows);
  EXPECT_EQ(read_text_layer(*pages[0].text_layer, whole).text,
            "辽宁省政务公开工作先进个人推荐审批表\n同意推荐。\n2026年1月9日");
  // The layer's boxes are the rendered page's pixels: the title's first character starts 1 inch from the left.
  EXPECT_NEAR(pages[0].text_layer->characters.front().box.x, 300, 15);
}

TEST(PageDecoder, AnElectronicSealsLetteringIsNotText) {
  testing::ScratchFolder folder;
  testing::write_text_pdf(folder / "sealed.pdf", "经审核，情况属实，同意推荐。\n2026年1月9日", true);
  const auto pages = decode_file(folder / "sealed.pdf", nullptr);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].text_layer);
  const cv::Rect whole(0, 0, pages[0].image.cols, pages[0].image.rows);
  EXPECT_EQ(read_text_layer(*pages[0].text_layer, whole).text, "经审核，情况属实，同意推荐。\n2026年1月9日");
}

TEST(PageDecoder, APdfWithHardlyAnyTextHasNoLayer) {
  testing::ScratchFolder folder;
  testing::write_pdf(folder / "doc.pdf", 1);  // "page 1": too little to be a form's text
  const auto pages = decode_file(folder / "doc.pdf", nullptr);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_FALSE(pages[0].text_layer);
}

TEST(PageDecoder, PdfRenderingKeepsUnderThePixelLimit) {
  testing::ScratchFolder folder;
  testing::write_pdf(folder / "doc.pdf", 1);
  DecodeOptions options;
  options.max_page_pixels = 2'000'000;
  const auto pages = decode_file(folder / "doc.pdf", nullptr, options);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_LE(static_cast<long long>(pages[0].image.total()), options.max_page_pixels);
  EXPECT_LT(pages[0].dpi, 300);
}

TEST(PageDecoder, ImageWithoutResolutionGetsTheA4Estimate) {
  testing::ScratchFolder folder;
  cv::Mat a4(3508, 2480, CV_8UC3, cv::Scalar(255, 255, 255));
  testing::write_bytes(folder / "page.png", testing::encode_png(a4));
  const auto pages = decode_file(folder / "page.png");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].dpi_source, DpiSource::estimated_a4);
  EXPECT_NEAR(pages[0].dpi, 300, 1);
}

TEST(PageDecoder, JpegKeepsItsDensity) {
  testing::ScratchFolder folder;
  testing::write_bytes(folder / "page.jpg", testing::encode_jpeg(testing::make_page(1, 300), 300));
  const auto pages = decode_file(folder / "page.jpg");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].dpi, 300);
  EXPECT_EQ(pages[0].mode, ColourMode::colour);
}

TEST(PageDecoder, DamagedInputsAreProblemsNotCrashes) {
  testing::ScratchFolder folder;
  testing::write_pdf(folder / "doc.pdf", 2);
  auto pdf = read_file_bytes(folder / "doc.pdf", 1u << 30).value();
  pdf.resize(pdf.size() / 3);
  int pages = 0;
  DecodeOutcome outcome = decode_pages(pdf, MediaType::pdf, {}, [&](DecodedPage&&) { ++pages; });
  EXPECT_TRUE(outcome.problem || pages == 2) << "a truncated PDF either fails clearly or is repaired whole";

  const Bytes tiff_header{'I', 'I', '*', 0, 8, 0, 0, 0, 0, 0};
  outcome = decode_pages(tiff_header, MediaType::tiff, {}, [&](DecodedPage&&) { ++pages; });
  EXPECT_TRUE(outcome.problem);
  EXPECT_EQ(outcome.pages, 0);

  const Bytes text{'h', 'e', 'l', 'l', 'o'};
  outcome = decode_pages(text, MediaType::text, {}, [&](DecodedPage&&) { ++pages; });
  EXPECT_TRUE(outcome.problem);
}

// Real-world PDFs written by other projects: encrypted, broken and CJK files must give a page or a clear problem.
TEST(PageDecoder, RealWorldPdfsNeverCrash) {
  const fs::path corpus = fs::path(INTAKE_REALWORLD_DIR) / "pdf";
  if (!fs::exists(corpus)) GTEST_SKIP() << "no ../shared/realworld";
  int files = 0, failed_clearly = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".pdf") continue;
    if (entry.file_size() > 20u << 20) continue;
    auto bytes = read_file_bytes(entry.path(), 20u << 20);
    if (!bytes) continue;
    ++files;
    DecodeOptions options;
    options.pdf_dpi = 30;  // the point is robustness, not pixels
    options.max_pages = 3;
    int pages = 0;
    const auto outcome = decode_pages(bytes.value(), sniff_media_type(bytes.value()), options,
                                      [&](DecodedPage&& page) { EXPECT_FALSE(page.image.empty()); ++pages; });
    if (pages == 0) {
      EXPECT_TRUE(outcome.problem) << entry.path();
      ++failed_clearly;
    }
  }
  EXPECT_GT(files, 0);
  RecordProperty("pdfs", files);
  RecordProperty("refused", failed_clearly);
}

}  // namespace
}  // namespace intake
