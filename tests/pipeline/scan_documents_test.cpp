// Documents are assembled per batch: a paper folder, or the message that carried the pages (pipeline/scan_documents.h).
// Page reads are made here as plain data, so the test states exactly what each page showed.
#include "pipeline/scan_documents.h"

#include <gtest/gtest.h>

#include "extractors/page/page_read.h"
#include "pipeline/store/store.h"

namespace intake {
namespace {

std::string report_page(bool titled) {
  PageRead read;
  if (titled) {
    read.form = "report";
    read.round = "initial";
    read.title = "抚顺市初审推荐工作报告";
  }
  read.text = {"一、推荐工作开展情况……", 0.99, 0.9, "block"};
  return nlohmann::json(read).dump();
}

ScannedFile one_page_file(const std::string& sha) {
  ScannedFile file;
  file.sha256 = sha;
  file.size = 100;
  file.media_type = MediaType::pdf;
  file.pages.push_back({1, 2480, 3508, 300, DpiSource::rendered, ColourMode::grey, "page-" + sha});
  return file;
}

Id add_paper(Store& store, Id run, const std::string& sha, const std::string& file, bool titled) {
  return store.add_scanned_file(run, one_page_file(sha), {file, sha, std::nullopt, std::nullopt}, {},
                                {report_page(titled)}, "test");
}

void add_mail(Store& store, Id run, const std::string& message_id, const std::string& sha, bool titled,
              const std::optional<std::string>& recommender) {
  NewMessage message;
  message.sha256 = "message-" + sha;
  message.blob = message.sha256;
  message.message_id = message_id;
  message.received = "2025-12-22";
  message.subject = recommender.value_or("材料");
  message.recommender = recommender;
  message.origin = "mailbox.mbox";
  message.attachments.push_back({.part_path = "2",
                                 .name = sha + ".pdf",
                                 .media_type = "application/pdf",
                                 .role = "pages",
                                 .sha256 = sha,
                                 .file = one_page_file(sha),
                                 .blob = sha,
                                 .page_reads = {report_page(titled)}});
  store.add_message(run, message, "test");
}

TEST(ScanDocuments, EmailPagesContinueNeitherPaperNorAnotherMessage) {
  auto opened = Store::open_in_memory();
  ASSERT_TRUE(opened);
  Store& store = opened.value();
  const Id run = store.begin_run("mail");
  add_paper(store, run, "p1", "scans/抚顺市/batch1.tif", true);
  add_paper(store, run, "p2", "scans/抚顺市/batch2.tif", false);  // the report's next page: joins it
  add_mail(store, run, "<a@163.com>", "e1", false, "抚顺市");     // an untitled page: would join it as paper
  add_mail(store, run, "<b@163.com>", "e2", true, std::nullopt);
  add_mail(store, run, "<c@163.com>", "e3", false, "鞍山市");  // would continue <b>'s report

  const DocumentsStored stored = store_documents_from_pages(store, run, "test");
  EXPECT_EQ(stored.documents, 4);
  const auto documents = store.documents();
  ASSERT_EQ(documents.size(), 4u);
  EXPECT_EQ(documents[0].channel, Channel::paper);
  EXPECT_EQ(documents[0].form, FormKind::report);
  EXPECT_EQ(documents[0].parts.size(), 2u);                                   // batch1.tif and batch2.tif
  EXPECT_EQ(documents[0].recommender, std::optional<std::string>("抚顺市"));  // from the folder

  EXPECT_EQ(documents[1].channel, Channel::email);
  EXPECT_EQ(documents[1].form, FormKind::unknown);
  EXPECT_EQ(documents[1].recommender, std::optional<std::string>("抚顺市"));  // from the subject
  EXPECT_EQ(documents[1].source.message_id, std::optional<std::string>("<a@163.com>"));

  EXPECT_EQ(documents[2].channel, Channel::email);
  EXPECT_EQ(documents[2].form, FormKind::report);
  EXPECT_TRUE(documents[2].parts.empty());
  // No unit in the subject: what the documents say, here the report's title (抚顺市初审推荐工作报告).
  EXPECT_EQ(documents[2].recommender, std::optional<std::string>("抚顺市"));
  EXPECT_EQ(documents[3].form, FormKind::unknown);
  EXPECT_EQ(documents[3].recommender, std::optional<std::string>("鞍山市"));
}

}  // namespace
}  // namespace intake
