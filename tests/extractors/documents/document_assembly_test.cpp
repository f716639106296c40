#include "extractors/documents/document_assembly.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

PageRead titled(std::string form, bool table = true) {
  PageRead page;
  page.form = std::move(form);
  page.has_table = table;
  return page;
}
PageRead untitled(bool table) {
  PageRead page;
  page.has_table = table;
  return page;
}
PageRead text_page(std::string first_line) {
  PageRead page;
  page.lines.push_back({{std::move(first_line), 0.9, 0.9, "line"}, {}});
  return page;
}
PageRead blank() {
  PageRead page;
  page.blank = true;
  return page;
}

TEST(DocumentAssembly, GroupsContinuationsAnnexPagesAndReportPages) {
  const std::vector<PageRead> pages{titled("report", false), untitled(false), blank(),
                                    titled("annex6"),        untitled(true),  text_page("附页：主要事迹"),
                                    text_page("二、……"),    titled("annex8")};
  const auto documents = assemble_documents(pages);
  ASSERT_EQ(documents.size(), 3u);
  EXPECT_EQ(documents[0].form, "report");
  EXPECT_EQ(documents[0].pages, (std::vector<std::size_t>{0, 1}));  // the blank back belongs to nothing
  EXPECT_EQ(documents[1].form, "annex6");
  EXPECT_EQ(documents[1].pages, (std::vector<std::size_t>{3, 4, 5, 6}));
  EXPECT_EQ(documents[1].roles, (std::vector<PageRole>{PageRole::first, PageRole::continuation,
                                                        PageRole::annex_page, PageRole::annex_page}));
  EXPECT_EQ(documents[2].pages, (std::vector<std::size_t>{7}));
}

TEST(DocumentAssembly, NeverContinuesAcrossBatchesAndKeepsStrayPages) {
  const std::vector<PageRead> pages{titled("annex5"), untitled(true), untitled(true)};
  const auto documents = assemble_documents(pages, {"scans/a", "scans/b", "scans/b"});
  ASSERT_EQ(documents.size(), 3u);
  EXPECT_EQ(documents[1].form, "unknown");
  EXPECT_EQ(documents[2].form, "unknown");
}

// A ruled page without a title whose labels gave these fields.
PageRead labelled(std::initializer_list<const char*> fields) {
  PageRead page = untitled(true);
  for (const char* field : fields) {
    LabelledValue value;
    value.field = field;
    page.values.push_back(value);
  }
  return page;
}

TEST(DocumentAssembly, AnUnreadableTitleIsRecoveredFromTheLabels) {
  const PageRead page = labelled({"name", "gender", "birth", "native_place", "id_number"});
  const auto documents = assemble_documents({page});
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].form, "annex6");  // 籍贯 and 身份证号码 are on 附件6 only
  EXPECT_EQ(documents[0].round, std::optional<std::string>("formal"));
}

TEST(DocumentAssembly, APageTitledAsAnotherDocumentIsNotRecoveredFromItsLabels) {
  PageRead page = labelled({"name", "gender", "birth", "native_place", "ethnicity"});
  // A CV sent along: 姓名 性别 出生日期 籍贯 民族 under its own title, read surely.
  page.lines.push_back({{"个人简历", 0.97, 0.95, "line"}, {}});
  EXPECT_EQ(assemble_documents({page}).front().form, "unknown");
  // Our title misread (审批 read 审北) and wrapped over two lines is still ours.
  page.lines = {{{"附件6", 0.97, 0.95, "line"}, {}},
                {{"辽宁省政务公开工作先进个人", 0.97, 0.95, "line"}, {}},
                {{"推荐审北表", 0.93, 0.6, "line"}, {}}};
  EXPECT_EQ(assemble_documents({page}).front().form, "annex6");
  // A title read unsurely says nothing: chi_sim reads a garbled one as Han characters at a mean of 0.9.
  page.lines = {{{"已丁自以方和色放进信人必冰轧匈衣", 0.904, 0.59, "line"}, {}}};
  EXPECT_EQ(assemble_documents({page}).front().form, "annex6");
}

TEST(DocumentAssembly, RecognisesAnnexHeadings) {
  EXPECT_TRUE(is_annex_heading("附页"));
  EXPECT_TRUE(is_annex_heading("主要事迹（附页）"));
  EXPECT_FALSE(is_annex_heading("详见附页，该同志长期从事政务公开工作，成绩突出"));
}

}  // namespace
}  // namespace intake
