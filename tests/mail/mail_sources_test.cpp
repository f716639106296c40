#include "pipeline/mail/mail_sources.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace intake {
namespace {

using testing::ScratchFolder;
using testing::write_text;

const std::string first = "From: a@163.com\nSubject: one\nMessage-ID: <1@x>\n\nFrom the start\n>From quoted\n";
const std::string second = "From: b@163.com\nSubject: two\nMessage-ID: <2@x>\n\nsecond\n";

struct Visited {
  std::vector<std::string> origins;
  std::vector<std::string> texts;  // "error: …" for an item that could not be read
};

Visited visit_all(const std::filesystem::path& source, std::size_t expected_count) {
  Visited visited;
  const auto count = visit_mail_source(source, [&](MailItem&& item) {
    visited.origins.push_back(item.origin);
    visited.texts.push_back(item.bytes ? std::string(item.bytes->begin(), item.bytes->end())
                                       : "error: " + item.bytes.error().reason);
  });
  EXPECT_TRUE(count.ok()) << count.error().reason;
  if (count) {
    EXPECT_EQ(count.value(), expected_count);
  }
  return visited;
}

// An mboxrd file (RFC 4155): From_ lines, body lines starting ">*From " quoted with one more '>', a blank line
// after each message.
TEST(MailSources, MboxMessagesHaveTheirDeliveredBytes) {
  const ScratchFolder scratch;
  write_text(scratch / "mailbox.mbox",
             "From a@163.com Mon Dec 22 01:10:25 2025\n"
             "From: a@163.com\nSubject: one\nMessage-ID: <1@x>\n\n>From the start\n>>From quoted\n\n"
             "From b@163.com Mon Dec 22 03:10:25 2025\n" +
                 second + "\n");
  const Visited visited = visit_all(scratch / "mailbox.mbox", 2);
  EXPECT_EQ(visited.texts, (std::vector<std::string>{first, second}));
  EXPECT_NE(visited.origins[1].find("mailbox.mbox, message 2 (byte "), std::string::npos);
}

TEST(MailSources, MaildirCurAndNewInDeliveryOrderWithoutTmp) {
  const ScratchFolder scratch;
  const auto maildir = scratch / "Maildir";
  write_text(maildir / "cur" / "1766365825.M1P1Q1.host:2,S", first);
  write_text(maildir / "new" / "1766376625.M2P1Q2.host", second);
  write_text(maildir / "tmp" / "1766376626.M3P1Q3.host", "half a delivery");
  const Visited visited = visit_all(maildir, 2);
  EXPECT_EQ(visited.texts, (std::vector<std::string>{first, second}));
  EXPECT_NE(visited.origins[0].find("cur/1766365825.M1P1Q1.host:2,S"), std::string::npos);
}

TEST(MailSources, EmlFolderRecursivelyAndABadFileDoesNotStopTheRest) {
  const ScratchFolder scratch;
  write_text(scratch / "b" / "02.EML", second);
  write_text(scratch / "01.eml", first);
  write_text(scratch / "00-empty.eml", "");
  write_text(scratch / "notes.txt", "not mail");
  write_text(scratch / ".hidden" / "03.eml", second);
  const Visited visited = visit_all(scratch.path(), 3);
  EXPECT_EQ(visited.texts[0], "error: empty file");
  EXPECT_NE(visited.origins[0].find("00-empty.eml"), std::string::npos);
  EXPECT_EQ(visited.texts[1], first);
  EXPECT_EQ(visited.texts[2], second);
}

TEST(MailSources, ASingleMessageFile) {
  const ScratchFolder scratch;
  write_text(scratch / "one.eml", second);
  EXPECT_EQ(visit_all(scratch / "one.eml", 1).texts, std::vector<std::string>{second});
}

TEST(MailSources, AMessageOverTheSizeCapIsAnErrorItem) {
  const ScratchFolder scratch;
  write_text(scratch / "mailbox.mbox", "From a@163.com Mon Dec 22 01:10:25 2025\n" + second + "\n" +
                                           "From b@163.com Mon Dec 22 03:10:25 2025\n" + second +
                                           std::string(200, 'x') + "\n");
  std::vector<bool> readable;
  const auto count =
      visit_mail_source(scratch / "mailbox.mbox", [&](MailItem&& item) { readable.push_back(item.bytes.ok()); },
                        {.max_message_bytes = 150});
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(readable, (std::vector<bool>{true, false}));
}

TEST(MailSources, AMissingSourceIsAnError) {
  const ScratchFolder scratch;
  const auto count = visit_mail_source(scratch / "nothing.mbox", [](MailItem&&) { ADD_FAILURE(); });
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.error().reason.find("nothing.mbox"), std::string::npos);
}

}  // namespace
}  // namespace intake
