#include "extractors/documents/copy_pages.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TextRead read_of(std::string text) { return {std::move(text), 0.95, 0.8, "block"}; }

const char* const report_text =
    "朝阳市关于全省政务公开工作表彰初审推荐工作报告\n省评选表彰办：根据通知要求，我市高度重视，成立工作机构，"
    "组织开展推荐工作，经过集体研究和公示，确定推荐对象如下。";

PageRead report_page(std::string text, bool titled) {
  PageRead page;
  page.text = read_of(std::move(text));
  if (titled) {
    page.form = "report";
    page.round = "initial";
    page.title = "朝阳市关于全省政务公开工作表彰初审推荐工作报告";
  }
  return page;
}

TEST(CopyPages, CopiesOfOnePageAreAlikeAndOtherPagesAreNot) {
  const PageRead a = report_page(report_text, true);
  // OCR slips of its own: 表彰 read 表弟, 集体 read 隼体, a line lost.
  const PageRead b = report_page(
      "朝阳市关于全省政务公开工作表弟初审推荐工作报告\n省评选表彰办：根据通知要求，我市高度重视，成立工作机构，"
      "组织开展推荐工作，经过隼体研究和公示。",
      false);
  const PageRead other = report_page("二、推荐对象基本情况。王晓梅同志自2015年起负责全市政务公开工作，坚持以公开为常态。", false);
  EXPECT_GT(page_text_similarity(a, b), 0.7);
  EXPECT_LT(page_text_similarity(a, other), 0.2);
  EXPECT_DOUBLE_EQ(page_text_similarity(a, a), 1.0);
}

TEST(CopyPages, AnUnknownPageThatIsACopyTakesTheFormOfItsOriginal) {
  std::vector<PageRead> pages{report_page(report_text, true), report_page("第二页的内容。", false),
                              report_page(std::string(report_text) + "（表彰办）", false)};
  std::vector<AssembledDocument> documents(2);
  documents[0].form = "report";
  documents[0].round = "initial";
  documents[0].pages = {0, 1};
  documents[0].roles = {PageRole::first, PageRole::continuation};
  documents[1].pages = {2};
  documents[1].roles = {PageRole::first};
  const auto classified = classified_by_copies(pages, documents, {"a", "a", "a"});
  EXPECT_EQ(classified[2].form, std::optional<std::string>("report"));
  EXPECT_EQ(classified[2].round, std::optional<std::string>("initial"));
  // Another batch's copy is not this batch's.
  EXPECT_FALSE(classified_by_copies(pages, documents, {"a", "a", "b"})[2].form);
}

TEST(CopyPages, APageLikeNoneOrTooShortStaysUnknown) {
  std::vector<PageRead> pages{report_page(report_text, true), report_page("二、推荐对象基本情况。王晓梅同志自2015年起负责全市政务公开工作，坚持以公开为常态、不公开为例外。", false),
                              report_page("朝阳市", false)};
  std::vector<AssembledDocument> documents(3);
  documents[0].form = "report";
  documents[0].pages = {0};
  documents[1].pages = {1};
  documents[2].pages = {2};
  const auto classified = classified_by_copies(pages, documents, {});
  EXPECT_FALSE(classified[1].form);
  EXPECT_FALSE(classified[2].form);
}

}  // namespace
}  // namespace intake
