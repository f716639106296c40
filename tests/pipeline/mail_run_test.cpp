// `intake mail` end to end on mailboxes written here from literal messages: each message is what a client sends,
// its attachment a one-page PDF made in the test (fixtures.h).
#include "pipeline/mail_run.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/scan_run.h"
#include "pipeline/store/store.h"
#include "support/fixtures.h"
#include "support/mail_messages.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using testing::attachment_part;
using testing::base64;
using testing::encoded_word;
using testing::gb18030;
using testing::gbk_subject;
using testing::mail_message;
using testing::MessagePart;
using testing::wrapped_base64;
using testing::write_maildir;
using testing::write_mbox;

struct Mailboxes {
  testing::ScratchFolder folder;
  fs::path database = folder / "intake.db";
  std::string pdf;

  Mailboxes() : pdf(testing::one_page_pdf(folder / "form.pdf")) {}

  MailRunOptions options() const {
    MailRunOptions o;
    o.database = database;
    o.workers = 1;
    o.decode.pdf_dpi = 100;  // a vector page: enough to find its text, and quick under the sanitisers
    return o;
  }

  MailRunSummary run(const std::vector<std::string>& sources) const {
    auto summary = run_mail(sources, options());
    EXPECT_TRUE(summary.ok()) << summary.error().reason;
    return summary ? std::move(summary).value() : MailRunSummary{};
  }

  Store store() const { return std::move(Store::open(database)).value(); }
};

std::int64_t count(Store& store, const std::string& sql) {
  auto query = store.database().prepare(sql);
  query.step();
  return query.column_int(0);
}

std::vector<StoredFinding> findings_of(Store& store, const std::string& rule) {
  auto all = store.findings();
  std::erase_if(all, [&](const StoredFinding& stored) { return stored.finding.rule != rule; });
  return all;
}

const std::string submission_id = "<20251222091025.d193@163.com>";

TEST(MailRun, AMessageIsStoredOnceAcrossSourcesAndReruns) {
  Mailboxes boxes;
  const std::string submission =
      mail_message(submission_id, gbk_subject("抚顺市全省政务公开工作表彰上报材料"), "Mon, 22 Dec 2025 09:10:25 +0800",
                   {attachment_part("附件3-袁堃.pdf", boxes.pdf)});
  // A reply without attachments and without a Message-ID: known by its bytes.
  const std::string reply = mail_message("", "=?utf-8?B?" + base64("回复：抚顺市全省政务公开工作表彰上报材料") + "?=",
                                         "Mon, 22 Dec 2025 11:10:25 +0800", {});
  write_mbox(boxes.folder / "mailbox.mbox", {submission, submission, reply});
  write_maildir(boxes.folder / "Maildir", {reply, submission});

  const MailRunSummary first = boxes.run({(boxes.folder / "mailbox.mbox").string()});
  EXPECT_EQ(first.messages, 3);
  EXPECT_EQ(first.new_messages, 2);
  EXPECT_EQ(first.already_stored, 1);  // sent twice with one Message-ID
  EXPECT_EQ(first.attachments, 1);
  EXPECT_EQ(first.new_sources, 1);
  EXPECT_EQ(first.pages, 1);
  EXPECT_EQ(first.documents, 1);
  EXPECT_TRUE(first.problems.empty()) << first.problems.front().reason;
  EXPECT_FALSE(first.unreadable());

  const MailRunSummary again =
      boxes.run({(boxes.folder / "Maildir").string(), (boxes.folder / "mailbox.mbox").string()});
  EXPECT_EQ(again.messages, 5);
  EXPECT_EQ(again.new_messages, 0);
  EXPECT_EQ(again.already_stored, 5);
  EXPECT_EQ(again.pages, 0);
  EXPECT_EQ(again.documents, 0);

  Store store = boxes.store();
  auto counts = store.table_counts();
  EXPECT_EQ(counts["messages"], 2);
  EXPECT_EQ(counts["sources"], 1);
  EXPECT_EQ(counts["documents"], 1);
  EXPECT_EQ(counts["message_attachments"], 1);
  EXPECT_EQ(counts["message_origins"], 5);  // three mbox positions (one is the duplicate), two Maildir files
  EXPECT_EQ(count(store, "SELECT count(*) FROM messages WHERE message_id IS NULL"), 1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM messages WHERE received = '2025-12-22' AND recommender = '抚顺市'"), 2);
}

TEST(MailRun, EmailDocumentsCarryTheMessageTheSubjectsUnitAndTheDecodedName) {
  Mailboxes boxes;
  // The attachment name in RFC 2047 GBK inside the quoted parameter, as Outlook writes it.
  const MessagePart gbk_named{
      "Content-Type: application/pdf; name=\"" + encoded_word("gbk", gb18030("附件6：王晓梅.pdf")) +
          "\"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"" +
          encoded_word("gbk", gb18030("附件6：王晓梅.pdf")) + "\"\n",
      wrapped_base64(boxes.pdf)};
  testing::write_text(boxes.folder / "eml/1.eml",
                      mail_message(submission_id, gbk_subject("关于报送鞍山市全省政务公开工作表彰上报材料的函"),
                                   "Mon, 12 Jan 2026 17:30:00 +0000", {gbk_named}));
  const MailRunSummary summary = boxes.run({(boxes.folder / "eml").string()});
  ASSERT_EQ(summary.documents, 1);

  Store store = boxes.store();
  const auto documents = store.documents();
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].channel, Channel::email);
  EXPECT_EQ(documents[0].recommender, std::optional<std::string>("鞍山市"));
  EXPECT_EQ(documents[0].source.file, "附件6：王晓梅.pdf");
  EXPECT_EQ(documents[0].source.message_id, std::optional<std::string>(submission_id));
  // 17:30 UTC on 12 January is the 13th in China, where the deadline is kept.
  EXPECT_EQ(documents[0].source.received, std::optional<std::string>("2026-01-13"));
  EXPECT_TRUE(findings_of(store, "mail_subject").empty());
}

TEST(MailRun, PaperAndEmailDocumentsKeepTheirChannels) {
  Mailboxes boxes;
  testing::write_pdf(boxes.folder / "paper/scan.pdf", 2);
  ScanRunOptions scan;
  scan.database = boxes.database;
  scan.workers = 1;
  scan.decode.pdf_dpi = 100;
  ASSERT_TRUE(run_scan({(boxes.folder / "paper").string()}, scan).ok());
  testing::write_text(boxes.folder / "1.eml",
                      mail_message(submission_id, gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                   "Mon, 22 Dec 2025 09:10:25 +0800", {attachment_part("form.pdf", boxes.pdf)}));
  boxes.run({(boxes.folder / "1.eml").string()});

  Store store = boxes.store();
  const auto documents = store.documents();
  ASSERT_EQ(documents.size(), 3u);
  EXPECT_EQ(documents[2].channel, Channel::email);
  EXPECT_EQ(documents[2].source.file, "form.pdf");
  EXPECT_TRUE(documents[2].parts.empty());
  for (int i = 0; i < 2; ++i) EXPECT_EQ(documents[i].channel, Channel::paper);
  EXPECT_EQ(count(store, "SELECT count(*) FROM sources WHERE channel = 'email' AND message_id IS NOT NULL"), 1);
}

TEST(MailRun, AnUnreadableSubjectIsAFindingAndTheAttachmentsStillLand) {
  Mailboxes boxes;
  const std::string unknown_unit =
      mail_message("<x1@qq.com>", "=?utf-8?B?" + base64("上报材料") + "?=", "Tue, 23 Dec 2025 09:10:25 +0800",
                   {attachment_part("附件3.pdf", boxes.pdf)});
  const std::string other_words = mail_message(
      "<x2@qq.com>", "=?utf-8?B?" + base64("鞍山市政务公开材料") + "?=", "Tue, 23 Dec 2025 10:10:25 +0800", {});
  write_mbox(boxes.folder / "mailbox.mbox", {unknown_unit, other_words});
  const MailRunSummary summary = boxes.run({(boxes.folder / "mailbox.mbox").string()});
  EXPECT_EQ(summary.new_messages, 2);
  EXPECT_FALSE(summary.unreadable());  // a subject is not an input that could not be read

  Store store = boxes.store();
  const auto subjects = findings_of(store, "mail_subject");
  ASSERT_EQ(subjects.size(), 2u);
  EXPECT_EQ(subjects[0].finding.severity, Severity::error);
  EXPECT_EQ(subjects[0].finding.recommender, std::nullopt);
  EXPECT_NE(subjects[0].finding.message.find("<x1@qq.com>"), std::string::npos) << subjects[0].finding.message;
  EXPECT_NE(subjects[0].finding.message.find("上报材料"), std::string::npos);
  EXPECT_EQ(subjects[1].finding.severity, Severity::warning);
  EXPECT_EQ(subjects[1].finding.recommender, std::optional<std::string>("鞍山市"));

  const auto documents = store.documents();
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].source.file, "附件3.pdf");
  EXPECT_EQ(documents[0].recommender, std::nullopt);  // nothing on the test page names a unit either
  EXPECT_EQ(count(store, "SELECT count(*) FROM messages WHERE recommender IS NULL"), 1);
}

TEST(MailRun, PhotosAreKeptAsPhotoSourcesAndZipEntriesLandUnderTheirNames) {
  Mailboxes boxes;
  const Bytes photo = testing::encode_jpeg(cv::Mat(579, 413, CV_8UC3, cv::Scalar(250, 250, 250)), 300);
  const std::string zip =
      testing::zip_archive({{gb18030("袁堃-19791108.jpg"), std::string(photo.begin(), photo.end())}}, false);
  const MessagePart zip_part{
      "Content-Type: application/zip; name=\"photos.zip\"\nContent-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; filename=\"photos.zip\"\n",
      wrapped_base64(zip)};
  testing::write_text(boxes.folder / "photos.eml",
                      mail_message("<p1@163.com>", gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                   "Tue, 13 Jan 2026 09:44:40 +0800", {zip_part}));
  const MailRunSummary summary = boxes.run({(boxes.folder / "photos.eml").string()});
  EXPECT_EQ(summary.attachments, 1);
  EXPECT_EQ(summary.photos, 1);
  EXPECT_EQ(summary.pages, 0);
  EXPECT_TRUE(summary.problems.empty());

  Store store = boxes.store();
  auto query = store.database().prepare("SELECT channel, file, message_id, received, page_count FROM sources");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.column_text(0), "photo");
  EXPECT_EQ(query.column_text(1), "袁堃-19791108.jpg");
  EXPECT_EQ(query.column_text(2), "<p1@163.com>");
  EXPECT_EQ(query.column_text(3), "2026-01-13");
  EXPECT_EQ(query.column_int(4), 0);
  EXPECT_EQ(count(store, "SELECT count(*) FROM message_attachments WHERE role = 'archive' AND source_id IS NULL"), 1);
  EXPECT_TRUE(fs::exists(boxes.folder / "intake.db.originals"));
}

TEST(MailRun, BadAttachmentsAreFindingsNamingMessageAndAttachmentAndTheBatchGoesOn) {
  Mailboxes boxes;
  const MessagePart bad_base64{
      "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; filename=\"broken.pdf\"\n",
      "JVBERi0xLjQK!!!!\n"};
  const MessagePart word{
      "Content-Type: application/msword\nContent-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; filename=\"附件6.doc\"\n",
      wrapped_base64("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 a Word 97 file")};
  const MessagePart climbing{
      "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; filename=\"../../x.pdf\"\n",
      wrapped_base64(boxes.pdf)};
  const std::string bad = mail_message("<bad@163.com>", gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                       "Mon, 22 Dec 2025 09:10:25 +0800", {bad_base64, word, climbing});
  const std::string good = mail_message(submission_id, gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                        "Mon, 22 Dec 2025 10:10:25 +0800", {attachment_part("附件2.pdf", boxes.pdf)});
  write_mbox(boxes.folder / "mailbox.mbox", {bad, good});

  const MailRunSummary summary = boxes.run({(boxes.folder / "mailbox.mbox").string()});
  EXPECT_TRUE(summary.unreadable());
  EXPECT_EQ(summary.new_messages, 2);
  EXPECT_EQ(summary.documents, 1);  // x.pdf and 附件2.pdf are the same bytes: one source, one document

  auto has = [&](const std::string& what, Severity severity) {
    return std::any_of(summary.problems.begin(), summary.problems.end(), [&](const MailRunProblem& problem) {
      return problem.severity == severity && problem.file.find("<bad@163.com>") != std::string::npos &&
             problem.reason.find(what) != std::string::npos;
    });
  };
  EXPECT_TRUE(has("«broken.pdf» (part 2): base64", Severity::error));
  EXPECT_TRUE(has("«broken.pdf» (part 2): ", Severity::error));  // and its bytes are no PDF
  EXPECT_TRUE(has("«附件6.doc» (part 3): not read", Severity::error));
  EXPECT_TRUE(has("«x.pdf» (part 4)", Severity::warning));

  Store store = boxes.store();
  const auto unreadable = findings_of(store, "unreadable_input");
  EXPECT_EQ(unreadable.size(), summary.problems.size());
  for (const StoredFinding& stored : unreadable)
    EXPECT_NE(stored.finding.message.find("<bad@163.com>"), std::string::npos) << stored.finding.message;
  EXPECT_EQ(count(store, "SELECT count(*) FROM sources WHERE file = '附件6.doc' AND page_count = 0"), 1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM message_attachments WHERE name = 'broken.pdf' AND source_id IS NULL"),
            1);

  // A rerun stores nothing and reports the same problems again, as `intake scan` does for a bad file.
  const auto before = store.table_counts();
  const MailRunSummary again = boxes.run({(boxes.folder / "mailbox.mbox").string()});
  EXPECT_TRUE(again.unreadable());
  EXPECT_EQ(again.problems.size(), summary.problems.size());
  auto after = boxes.store().table_counts();
  after["runs"] -= 1;
  EXPECT_EQ(after, before);
}

TEST(MailRun, AMissingSourceOrUnreadableMessageIsReportedAndTheRestLands) {
  Mailboxes boxes;
  testing::write_text(boxes.folder / "eml/a.eml",
                      mail_message(submission_id, gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                   "Mon, 22 Dec 2025 09:10:25 +0800", {}));
  testing::write_text(boxes.folder / "eml/b.eml", "");
  const MailRunSummary summary = boxes.run({(boxes.folder / "nothing.mbox").string(), (boxes.folder / "eml").string()});
  EXPECT_TRUE(summary.unreadable());
  ASSERT_EQ(summary.problems.size(), 2u);
  EXPECT_NE(summary.problems[0].reason.find("no such file"), std::string::npos);
  EXPECT_NE(summary.problems[1].file.find("b.eml"), std::string::npos);
  EXPECT_EQ(summary.new_messages, 1);
}

}  // namespace
}  // namespace intake
