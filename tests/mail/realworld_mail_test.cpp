// Real messages from mail-library test suites (../shared/realworld/mime, each file's origin in its SOURCES.md):
// every one must parse without a crash or a sanitizer report, and the ones with known answers must give them.
// Skipped when the corpus is not there; its files are never copied into the repository.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "mail/mail_fixtures.h"
#include "models/utf8.h"
#include "pipeline/mail/mail_message.h"
#include "pipeline/mail/mail_sources.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using testing::names_of;
using testing::problem_kinds;

class RealworldMail : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(root_)) GTEST_SKIP() << root_ << " is not there";
  }

  // The messages of one corpus file (an mbox gives several).
  std::vector<MailMessage> read(const std::string& relative) const {
    std::vector<MailMessage> messages;
    const auto count = visit_mail_source(root_ / relative, [&](MailItem&& item) {
      ASSERT_TRUE(item.bytes.ok()) << item.origin << ": " << item.bytes.error().reason;
      auto parsed = parse_mail_message(item.bytes.value());
      ASSERT_TRUE(parsed.ok()) << item.origin << ": " << parsed.error().reason;
      messages.push_back(std::move(parsed).value());
    });
    EXPECT_TRUE(count.ok()) << relative;
    return messages;
  }

  MailMessage read_one(const std::string& relative) const {
    auto messages = read(relative);
    EXPECT_EQ(messages.size(), 1u) << relative;
    return messages.empty() ? MailMessage{} : std::move(messages.front());
  }

  const fs::path root_ = fs::path(INTAKE_REALWORLD_DIR) / "mime";
};

bool has_problem(const MailMessage& message, MailProblemKind kind) {
  const auto kinds = problem_kinds(message.problems);
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

TEST_F(RealworldMail, EveryFileParsesWithoutCrashing) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root_))
    if (entry.is_regular_file() && entry.path().filename() != "SOURCES.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::size_t messages = 0;
  for (const fs::path& file : files) {
    visit_mail_source(file, [&](MailItem&& item) {
      if (!item.bytes) return;
      const auto parsed = parse_mail_message(item.bytes.value());
      if (!parsed) return;
      ++messages;
      // Whatever came in, what goes out is valid UTF-8 and every name is a bare file name.
      EXPECT_EQ(utf8_sanitise(parsed->subject), parsed->subject) << item.origin;
      for (const MailAttachment& attachment : parsed->attachments) {
        EXPECT_FALSE(attachment.name.empty()) << item.origin;
        EXPECT_EQ(utf8_sanitise(attachment.name), attachment.name) << item.origin;
        EXPECT_EQ(attachment.name.find_first_of("/\\"), std::string::npos) << item.origin << ": " << attachment.name;
        EXPECT_NE(attachment.name, "..") << item.origin;
        EXPECT_FALSE(attachment.part_path.empty()) << item.origin;
      }
      for (const MailProblem& problem : parsed->problems)
        EXPECT_EQ(utf8_sanitise(problem.message), problem.message) << item.origin;
    });
  }
  EXPECT_GT(messages, 500u);  // the rest of the ~960 files are expected results and raw attachments
}

// mnako/letters: GBK and GB18030 messages, the From name an RFC 2047 GBK word, the subject UTF-8 and GBK words.
TEST_F(RealworldMail, GbkAndGb18030Letters) {
  for (const char* charset : {"gbk", "gb18030"}) {
    for (const char* encoding : {"base64", "quoted-printable"}) {
      const std::string file =
          std::string("letters/test_chinese_multipart_mixed_") + charset + "_over_" + encoding + ".txt";
      SCOPED_TRACE(file);
      const MailMessage message = read_one(file);
      EXPECT_EQ(message.subject, "📧 Test 施氏食狮史");
      EXPECT_EQ(message.from.name, "艾莉絲 发件人");
      EXPECT_EQ(message.from.address, "alice.fajianren@example.com");
      EXPECT_EQ(message.message_id, "<Message-Id-1@example.com>");
      ASSERT_TRUE(message.date.has_value());
      EXPECT_EQ(message.date->timestamp, "2019-04-01T07:55:00+08:00");
      EXPECT_EQ(names_of(message),
                (std::vector<std::string>{"inline-jpg-image-without-disposition.jpg", "inline-jpg-image-filename.jpg",
                                          "attached-pdf-filename.pdf", "attached-pdf-without-disposition.pdf",
                                          "attached-json-filename.json", "attached-text-plain-filename.txt",
                                          "attached-text-html-filename.html"}));
    }
  }
}

TEST_F(RealworldMail, KnownChineseSubjectsAndNames) {
  // enmime: a raw 8-bit UTF-8 file name.
  EXPECT_EQ(names_of(read_one("enmime/mail/mime-bad-8bit-filename.raw")), std::vector<std::string>{"管理.doc"});
  // SpamScope: a GB2312-labelled base64 subject and From name.
  const MailMessage spam = read_one("spamscope/mail_test_12");
  EXPECT_EQ(spam.subject, "代开各地增值税发票");
  EXPECT_EQ(spam.from.name, "张先生");
  // nodemailer: an RFC 2231 UTF-8 name with a space and a symbol.
  const auto nodemailer = names_of(read_one("nodemailer/nodemailer.eml"));
  EXPECT_NE(std::find(nodemailer.begin(), nodemailer.end(), "nyan cat ✔.gif"), nodemailer.end());
}

TEST_F(RealworldMail, KnownDefectsAreProblems) {
  const MailMessage bad_base64 = read_one("enmime/low-quality/malformed-base64-attach.raw");
  EXPECT_EQ(names_of(bad_base64), std::vector<std::string>{"some.doc"});
  EXPECT_TRUE(has_problem(bad_base64, MailProblemKind::bad_base64));
  EXPECT_TRUE(has_problem(read_one("enmime/parts/multimixed-no-closing-boundary.raw"), MailProblemKind::truncated));
  // A closing boundary with a stray '>' is no closing boundary: what follows lands in the last part.
  const MailMessage epilogue = read_one("enmime/mail/epilogue-sample.raw");
  EXPECT_TRUE(has_problem(epilogue, MailProblemKind::truncated));
  EXPECT_TRUE(has_problem(epilogue, MailProblemKind::bad_base64));
  EXPECT_TRUE(has_problem(read_one("enmime/mail/multipart-wo-boundary.raw"), MailProblemKind::malformed_mime));
  // MimeKit's stack-overflow test: a To field of 132 KB.
  const MailMessage huge = read_one("mimekit/stack-overflow.txt");
  EXPECT_TRUE(has_problem(huge, MailProblemKind::huge_header));
  EXPECT_EQ(huge.subject, "Message Subject");
}

// MimeKit's expected offsets for an mbox with Content-Length fields: the same 29 messages, byte for byte, but for
// two differences of reading. The line break before the next From line, when no blank line separates them,
// MimeKit counts as the separator's, visit_mail_source as the message's last line break (as a Maildir copy has
// it). And MimeKit leaves the mbox's quoting of body lines (">From " for "From "), which visit_mail_source undoes.
TEST_F(RealworldMail, MboxMessagesAreWhereMimeKitFindsThem) {
  std::ifstream offsets_file(root_ / "mimekit" / "content-length.unix-offsets.json");
  const auto expected = nlohmann::json::parse(offsets_file);
  std::ifstream mbox(root_ / "mimekit" / "content-length.mbox.txt", std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(mbox)), std::istreambuf_iterator<char>());
  std::vector<std::string> found;
  const auto count = visit_mail_source(root_ / "mimekit" / "content-length.mbox.txt", [&](MailItem&& item) {
    ASSERT_TRUE(item.bytes.ok());
    found.push_back(testing::text_of(item.bytes.value()));
  });
  ASSERT_TRUE(count.ok());
  ASSERT_EQ(found.size(), expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto begin = expected[i]["beginOffset"].get<std::size_t>();
    const auto end = expected[i]["endOffset"].get<std::size_t>();
    std::string message = whole.substr(begin, end - begin);
    for (auto at = message.find("\n>From "); at != std::string::npos; at = message.find("\n>From ", at))
      message.erase(at + 1, 1);
    EXPECT_TRUE(found[i] == message || found[i] == message + "\n") << "message " << i + 1;
  }
}

}  // namespace
}  // namespace intake
