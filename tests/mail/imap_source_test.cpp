#include "pipeline/mail/imap_source.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "mail/mail_fixtures.h"
#include "support/dovecot_server.h"
#include "support/fixtures.h"

namespace intake {
namespace {
namespace fs = std::filesystem;
using testing::encoded_word;
using testing::gb18030;
using testing::text_of;

// ---- without a server ----

TEST(ImapUrl, ReadsUserHostPortAndMailbox) {
  const auto url = parse_imap_url("imaps://office%40example.cn@Mail.Example.cn:1993/INBOX.%E6%8A%A5%E9%80%81");
  ASSERT_TRUE(url.ok()) << url.error().reason;
  EXPECT_TRUE(url->tls);
  EXPECT_EQ(url->user, "office@example.cn");
  EXPECT_EQ(url->host, "mail.example.cn");
  EXPECT_EQ(url->port, 1993);
  EXPECT_EQ(url->mailbox, "INBOX.报送");
}

TEST(ImapUrl, TakesThePortFromTheSchemeAndReadsIpv6) {
  const auto plain = parse_imap_url("imap://u@localhost/收件箱");
  ASSERT_TRUE(plain.ok()) << plain.error().reason;
  EXPECT_FALSE(plain->tls);
  EXPECT_EQ(plain->port, 143);
  EXPECT_EQ(plain->mailbox, "收件箱");
  const auto secure = parse_imap_url("IMAPS://u@[::1]/INBOX");
  ASSERT_TRUE(secure.ok()) << secure.error().reason;
  EXPECT_EQ(secure->host, "[::1]");
  EXPECT_EQ(secure->port, 993);
  const auto ipv6_port = parse_imap_url("imaps://u@[::1]:1993/INBOX");
  ASSERT_TRUE(ipv6_port.ok()) << ipv6_port.error().reason;
  EXPECT_EQ(ipv6_port->port, 1993);
}

TEST(ImapUrl, TextReadsBackToTheSameUrl) {
  const ImapUrl url{
      .tls = true, .user = "office@example.cn", .host = "mail.example.cn", .port = 993, .mailbox = "报送 材料;2024"};
  const std::string text = imap_url_text(url);
  EXPECT_EQ(text, "imaps://office%40example.cn@mail.example.cn/报送%20材料%3B2024");
  const auto again = parse_imap_url(text);
  ASSERT_TRUE(again.ok()) << again.error().reason;
  EXPECT_EQ(again->user, url.user);
  EXPECT_EQ(again->host, url.host);
  EXPECT_EQ(again->port, url.port);
  EXPECT_EQ(again->mailbox, url.mailbox);
  EXPECT_EQ(imap_url_text({.tls = false, .user = "u", .host = "127.0.0.1", .port = 10143, .mailbox = "INBOX"}),
            "imap://u@127.0.0.1:10143/INBOX");
}

TEST(ImapUrl, RefusesAPasswordInTheUrl) {
  const auto url = parse_imap_url("imaps://user:secret@mail.example.cn/INBOX");
  ASSERT_FALSE(url.ok());
  EXPECT_NE(url.error().reason.find(imap_password_variable), std::string::npos) << url.error().reason;
  EXPECT_EQ(url.error().reason.find("secret"), std::string::npos) << url.error().reason;
}

TEST(ImapUrl, RefusesWhatIsNotAMailboxUrl) {
  for (const char* text : {"http://u@h/INBOX", "imap://h/INBOX", "imap://u@h", "imap://u@h/", "imap://@h/INBOX",
                           "imap://u@/INBOX", "imap://u@h:0/INBOX", "imap://u@h:99999/INBOX", "imap://u@h x/INBOX",
                           "imap://u@h/INBOX;UID=3", "imap://u@h/INBOX?SUBJECT", "imap://u@h/%FF", "imap://u@h/IN%2"})
    EXPECT_FALSE(parse_imap_url(text).ok()) << text;
}

TEST(ImapMailboxName, EncodesModifiedUtf7) {
  const auto encoded = [](std::string_view name) {
    const auto result = encode_imap_mailbox_name(name);
    return result.ok() ? result.value() : "error: " + result.error().reason;
  };
  EXPECT_EQ(encoded("INBOX.Sent Items"), "INBOX.Sent Items");
  EXPECT_EQ(encoded("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");  // RFC 3501 §5.1.3
  EXPECT_EQ(encoded("Tom & Jerry"), "Tom &- Jerry");
  EXPECT_EQ(encoded("Entwürfe"), "Entw&APw-rfe");
  EXPECT_EQ(encoded("报送材料"), "&YqWQAWdQZZk-");  // the name Dovecot gives the Maildir folder
  EXPECT_EQ(encoded("😀"), "&2D3eAA-");              // a surrogate pair, U+D83D U+DE00
  EXPECT_EQ(encoded("a\tb"), "a&AAk-b");            // controls are shifted too
}

TEST(ImapMailboxName, RefusesWhatIsNotUtf8) {
  EXPECT_FALSE(encode_imap_mailbox_name("\xff\xfe").ok());
  EXPECT_FALSE(encode_imap_mailbox_name(std::string("a\0b", 3)).ok());
}

TEST(ImapPassword, ComesFromTheEnvironment) {
  ::setenv(imap_password_variable, "from the environment", 1);
  const auto password = read_imap_password({.user = "u", .host = "h", .mailbox = "INBOX"});
  ::unsetenv(imap_password_variable);
  ASSERT_TRUE(password.ok()) << password.error().reason;
  EXPECT_EQ(password.value(), "from the environment");
}

TEST(ImapPassword, WithoutTheVariableOrATerminalIsAnError) {
  ::unsetenv(imap_password_variable);
  const int saved_stdin = ::dup(STDIN_FILENO);
  const int null = ::open("/dev/null", O_RDONLY);
  ::dup2(null, STDIN_FILENO);
  const auto password = read_imap_password({.user = "u", .host = "h", .mailbox = "INBOX"});
  ::dup2(saved_stdin, STDIN_FILENO);
  ::close(null);
  ::close(saved_stdin);
  ASSERT_FALSE(password.ok());
  EXPECT_NE(password.error().reason.find(imap_password_variable), std::string::npos) << password.error().reason;
}

TEST(ImapMailboxOffline, RefusedConnectionNamesTheServer) {
  // A port that was free a moment ago: bound by the kernel's choice, then closed.
  const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&address), length), 0);
  ASSERT_EQ(::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length), 0);
  ::close(probe);
  const std::uint16_t port = ntohs(address.sin_port);
  ImapMailbox mailbox({.tls = false, .user = "u", .host = "127.0.0.1", .port = port, .mailbox = "INBOX"}, "x");
  const auto state = mailbox.examine(0);
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.error().reason.find(fmt::format("imap://127.0.0.1:{}", port)), std::string::npos)
      << state.error().reason;
}

// ---- against Dovecot (scripts/dovecot-test-server) ----

std::string plain_message(int number) {
  return fmt::format(
      "From: office@example.cn\r\nTo: intake@example.cn\r\nSubject: message {0}\r\n"
      "Message-ID: <{0}@intake-test>\r\nDate: Mon, 13 Jan 2025 09:30:00 +0800\r\n\r\n"
      "Message {0}.\r\n* a line that looks like an untagged response\r\n+ and one like a continuation\r\n",
      number);
}

// A subject as Chinese clients send it: GBK bytes in an RFC 2047 word, and 8-bit GBK in the body.
std::string gbk_message() {
  return "From: office@example.cn\r\nTo: intake@example.cn\r\nSubject: " +
         encoded_word("GBK", gb18030("沈阳市〔沈阳市政务服务中心〕全省政务公开工作表彰上报材料")) +
         "\r\nMessage-ID: <gbk@intake-test>\r\nMIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         gb18030("附件为推荐材料，请查收。") + "\r\n";
}

std::string pdf_message() {
  const testing::ScratchFolder scratch;
  testing::write_pdf(scratch / "form.pdf", 2);
  const auto pdf = read_file_bytes(scratch / "form.pdf", 1 << 24);
  EXPECT_TRUE(pdf.ok());
  const std::string encoded = testing::base64(text_of(pdf.ok() ? pdf.value() : Bytes{}));
  std::string wrapped;
  for (std::size_t at = 0; at < encoded.size(); at += 76) wrapped += encoded.substr(at, 76) + "\r\n";
  return "From: office@example.cn\r\nTo: intake@example.cn\r\nSubject: form\r\nMessage-ID: <pdf@intake-test>\r\n"
         "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
         "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee the attachment.\r\n"
         "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
         "Content-Disposition: attachment; filename=\"" +
         encoded_word("GBK", gb18030("推荐表.pdf")) + "\"\r\n\r\n" + wrapped + "--b1--\r\n";
}

// Exactly three 128 KiB fetch pieces (so the last piece asked for is empty), with a 200 KB line that a piece
// boundary cuts: over libcurl's 300 KB limit for one reply, and over its line limits in one piece.
std::string large_message() {
  std::string message = "From: office@example.cn\r\nSubject: large\r\nMessage-ID: <large@intake-test>\r\n\r\n" +
                        std::string(200'000, 'A') + "\r\n";
  while (message.size() < 3 * 128 * 1024)
    message += "0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n";
  message.resize(3 * 128 * 1024 - 2);
  return message + "\r\n";
}

// Body lines "A000 OK" to "Z060 OK": one of them is the tag libcurl gives the command that fetches it.
std::string message_with_reply_tags() {
  std::string message =
      "From: office@example.cn\r\nSubject: an IMAP transcript\r\nMessage-ID: <tags@intake-test>\r\n\r\n";
  for (char letter = 'A'; letter <= 'Z'; ++letter)
    for (int number = 0; number <= 60; ++number) message += fmt::format("{}{:03} OK done\r\n", letter, number);
  return message;
}

std::vector<std::string> sorted(std::vector<std::string> texts) {
  std::sort(texts.begin(), texts.end());
  return texts;
}

struct Visited {
  Result<ImapVisit> result = Error{"not run"};
  std::vector<MailItem> items;
};

class ImapServer : public ::testing::Test {
 protected:
  // One server per test program; under ctest every test is its own program, so each picks its own folder and
  // ports and parallel runs do not meet. Tests share it through mailboxes of their own.
  static void SetUpTestSuite() { server_ = std::make_unique<testing::DovecotServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_->skip_reason().empty()) GTEST_SKIP() << server_->skip_reason();
    ASSERT_TRUE(server_->running()) << "the Dovecot test server did not start:\n" << server_->failure();
  }

  static ImapUrl url(const std::string& mailbox, bool tls = false) {
    return {.tls = tls,
            .user = server_->user(),
            .host = "127.0.0.1",
            .port = static_cast<std::uint16_t>(tls ? server_->imaps_port() : server_->imap_port()),
            .mailbox = mailbox};
  }

  // A mailbox made by Dovecot itself, so its Maildir folder carries Dovecot's encoding of the name.
  static fs::path make_mailbox(const std::string& name) {
    const auto [output, status] =
        testing::run_shell(fmt::format("doveadm -c {} mailbox create -u {} {}",
                                       testing::shell_quoted(server_->conf().string()),
                                       testing::shell_quoted(server_->user()), testing::shell_quoted(name)));
    EXPECT_EQ(status, 0) << output;
    return server_->maildir() / ("." + encode_imap_mailbox_name(name).value());
  }

  static Visited visit(const ImapUrl& mailbox, const std::optional<ImapResume>& resume,
                       const ImapOptions& options = {}) {
    Visited visited;
    visited.result = visit_imap_source(mailbox, server_->password(), options, resume,
                                       [&](MailItem&& item) { visited.items.push_back(std::move(item)); });
    return visited;
  }

  // Maildir keeps a message's flags in its file name after ":2," (S for \Seen, RFC 3501 §2.3.2).
  static std::vector<std::string> seen_files(const fs::path& folder) {
    std::vector<std::string> seen;
    for (const char* sub : {"cur", "new"})
      for (const auto& entry : fs::directory_iterator(folder / sub)) {
        const std::string name = entry.path().filename().string();
        const std::size_t flags = name.find(":2,");
        if (flags != std::string::npos && name.find('S', flags) != std::string::npos) seen.push_back(name);
      }
    return seen;
  }

  static std::size_t flagged_files(const fs::path& folder) {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder / "cur"))
      count += entry.path().filename().string().find(":2,") != std::string::npos;
    return count;
  }

  static inline std::unique_ptr<testing::DovecotServer> server_;
};

TEST_F(ImapServer, VisitsEveryMessageByteForByteThenOnlyNewOnes) {
  const fs::path folder = make_mailbox("visits");
  const std::vector<std::string> delivered = {plain_message(1), gbk_message(), pdf_message(), large_message()};
  for (const std::string& message : delivered) testing::DovecotServer::deliver(folder, message);

  const Visited first = visit(url("visits"), std::nullopt);
  ASSERT_TRUE(first.result.ok()) << first.result.error().reason;
  EXPECT_FALSE(first.result->restarted);
  EXPECT_EQ(first.result->visited, 4U);
  EXPECT_EQ(first.result->resume.last_uid, 4U);
  ASSERT_EQ(first.items.size(), 4U);
  std::vector<std::string> fetched;
  for (std::size_t i = 0; i < first.items.size(); ++i) {
    const MailItem& item = first.items[i];
    EXPECT_EQ(item.origin, fmt::format("imap://{}@127.0.0.1:{}/visits;UIDVALIDITY={}/;UID={}", server_->user(),
                                       server_->imap_port(), first.result->resume.uidvalidity, i + 1));
    ASSERT_TRUE(item.bytes.ok()) << item.origin << ": " << item.bytes.error().reason;
    fetched.push_back(text_of(item.bytes.value()));
  }
  EXPECT_EQ(sorted(fetched), sorted(delivered));

  const Visited again = visit(url("visits"), first.result->resume);
  ASSERT_TRUE(again.result.ok()) << again.result.error().reason;
  EXPECT_EQ(again.result->visited, 0U);
  EXPECT_TRUE(again.items.empty());
  EXPECT_EQ(again.result->resume.uidvalidity, first.result->resume.uidvalidity);
  EXPECT_EQ(again.result->resume.last_uid, 4U);

  testing::DovecotServer::deliver(folder, plain_message(5));
  const Visited after_delivery = visit(url("visits"), again.result->resume);
  ASSERT_TRUE(after_delivery.result.ok()) << after_delivery.result.error().reason;
  ASSERT_EQ(after_delivery.items.size(), 1U);
  EXPECT_TRUE(after_delivery.items[0].origin.ends_with("/;UID=5")) << after_delivery.items[0].origin;
  ASSERT_TRUE(after_delivery.items[0].bytes.ok()) << after_delivery.items[0].bytes.error().reason;
  EXPECT_EQ(text_of(after_delivery.items[0].bytes.value()), plain_message(5));
  EXPECT_EQ(after_delivery.result->resume.last_uid, 5U);
}

TEST_F(ImapServer, LeavesMessagesUnread) {
  const fs::path folder = make_mailbox("unread");
  testing::DovecotServer::deliver(folder, plain_message(1));
  testing::DovecotServer::deliver(folder, large_message());
  const Visited visited = visit(url("unread"), std::nullopt);
  ASSERT_TRUE(visited.result.ok()) << visited.result.error().reason;
  ASSERT_EQ(visited.items.size(), 2U);
  for (const MailItem& item : visited.items) EXPECT_TRUE(item.bytes.ok()) << item.bytes.error().reason;
  // Dovecot has taken both into cur/, where the file name carries the flags; none says \Seen.
  EXPECT_EQ(flagged_files(folder), 2U);
  EXPECT_EQ(seen_files(folder), std::vector<std::string>{});
}

TEST_F(ImapServer, ExamineListsOnlyUidsAboveTheLastSeen) {
  const fs::path folder = make_mailbox("examine");
  for (int i = 1; i <= 3; ++i) testing::DovecotServer::deliver(folder, plain_message(i));
  ImapMailbox mailbox(url("examine"), server_->password());
  const auto all = mailbox.examine(0);
  ASSERT_TRUE(all.ok()) << all.error().reason;
  EXPECT_NE(all->uidvalidity, 0U);
  EXPECT_EQ(all->uids, (std::vector<std::uint32_t>{1, 2, 3}));
  const auto newer = mailbox.examine(1);
  ASSERT_TRUE(newer.ok()) << newer.error().reason;
  EXPECT_EQ(newer->uids, (std::vector<std::uint32_t>{2, 3}));
  // "UID 4:*" answers with UID 3, the highest, though it is below 4.
  const auto none = mailbox.examine(3);
  ASSERT_TRUE(none.ok()) << none.error().reason;
  EXPECT_EQ(none->uids, std::vector<std::uint32_t>{});
  EXPECT_EQ(none->uidvalidity, all->uidvalidity);
}

TEST_F(ImapServer, EmptyMailboxVisitsNothing) {
  make_mailbox("empty");
  const Visited visited = visit(url("empty"), std::nullopt);
  ASSERT_TRUE(visited.result.ok()) << visited.result.error().reason;
  EXPECT_EQ(visited.result->visited, 0U);
  EXPECT_NE(visited.result->resume.uidvalidity, 0U);
  EXPECT_EQ(visited.result->resume.last_uid, 0U);
}

TEST_F(ImapServer, NewUidvalidityStartsOver) {
  const fs::path folder = make_mailbox("rebuilt");
  testing::DovecotServer::deliver(folder, plain_message(1));
  testing::DovecotServer::deliver(folder, plain_message(2));
  const Visited first = visit(url("rebuilt"), std::nullopt);
  ASSERT_TRUE(first.result.ok()) << first.result.error().reason;
  const ImapResume stale{first.result->resume.uidvalidity + 1, first.result->resume.last_uid};
  const Visited again = visit(url("rebuilt"), stale);
  ASSERT_TRUE(again.result.ok()) << again.result.error().reason;
  EXPECT_TRUE(again.result->restarted);
  EXPECT_EQ(again.result->visited, 2U);
  EXPECT_EQ(again.result->resume.uidvalidity, first.result->resume.uidvalidity);
  EXPECT_EQ(again.result->resume.last_uid, 2U);
}

TEST_F(ImapServer, NonAsciiMailboxNameIsSentInModifiedUtf7) {
  make_mailbox("报送材料");
  // Dovecot's own encoding of the name, independent of ours.
  const fs::path folder = server_->maildir() / ".&YqWQAWdQZZk-";
  ASSERT_TRUE(fs::is_directory(folder));
  testing::DovecotServer::deliver(folder, gbk_message());
  const Visited visited = visit(url("报送材料"), std::nullopt);
  ASSERT_TRUE(visited.result.ok()) << visited.result.error().reason;
  ASSERT_EQ(visited.items.size(), 1U);
  EXPECT_NE(visited.items[0].origin.find("/报送材料;UIDVALIDITY="), std::string::npos) << visited.items[0].origin;
  ASSERT_TRUE(visited.items[0].bytes.ok()) << visited.items[0].bytes.error().reason;
  EXPECT_EQ(text_of(visited.items[0].bytes.value()), gbk_message());
}

TEST_F(ImapServer, WrongPasswordIsAnErrorNamingTheServer) {
  make_mailbox("login");
  ImapMailbox mailbox(url("login"), "not-the-password");
  const auto state = mailbox.examine(0);
  ASSERT_FALSE(state.ok());
  const std::string& reason = state.error().reason;
  EXPECT_NE(reason.find(fmt::format("imap://127.0.0.1:{}", server_->imap_port())), std::string::npos) << reason;
  EXPECT_NE(reason.find("login refused"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("not-the-password"), std::string::npos) << reason;
}

TEST_F(ImapServer, MissingMailboxIsAnError) {
  const Visited visited = visit(url("Nowhere"), std::nullopt);
  ASSERT_FALSE(visited.result.ok());
  const std::string& reason = visited.result.error().reason;
  EXPECT_NE(reason.find("no mailbox \"Nowhere\""), std::string::npos) << reason;
  EXPECT_NE(reason.find("(server: NO "), std::string::npos) << reason;  // Dovecot's refusal, not libcurl's LOGOUT
  EXPECT_TRUE(visited.items.empty());
}

TEST_F(ImapServer, ImapsWithASelfSignedCertificateNeedsTheCheckTurnedOff) {
  const fs::path folder = make_mailbox("tls");
  const std::string message = pdf_message();  // once: the PDF carries the second it was made
  testing::DovecotServer::deliver(folder, message);
  const Visited unchecked = visit(url("tls", /*tls=*/true), std::nullopt, {.verify_tls = false});
  ASSERT_TRUE(unchecked.result.ok()) << unchecked.result.error().reason;
  ASSERT_EQ(unchecked.items.size(), 1U);
  ASSERT_TRUE(unchecked.items[0].bytes.ok()) << unchecked.items[0].bytes.error().reason;
  EXPECT_EQ(text_of(unchecked.items[0].bytes.value()), message);

  const Visited checked = visit(url("tls", /*tls=*/true), std::nullopt);
  ASSERT_FALSE(checked.result.ok());
  const std::string& reason = checked.result.error().reason;
  EXPECT_NE(reason.find(fmt::format("imaps://127.0.0.1:{}: TLS", server_->imaps_port())), std::string::npos) << reason;
}

TEST_F(ImapServer, MessageOverTheLimitIsAnErrorItemAndTheVisitGoesOn) {
  const fs::path folder = make_mailbox("limit");
  testing::DovecotServer::deliver(folder, large_message());
  const Visited first = visit(url("limit"), std::nullopt, {.max_message_bytes = 100'000});
  testing::DovecotServer::deliver(folder, plain_message(2));
  const Visited second =
      visit(url("limit"), first.result.ok() ? first.result->resume : ImapResume{}, {.max_message_bytes = 100'000});
  ASSERT_TRUE(first.result.ok()) << first.result.error().reason;
  ASSERT_EQ(first.items.size(), 1U);
  ASSERT_FALSE(first.items[0].bytes.ok());
  EXPECT_NE(first.items[0].bytes.error().reason.find("too large"), std::string::npos)
      << first.items[0].bytes.error().reason;
  EXPECT_EQ(first.result->resume.last_uid, 1U);  // reported once, not fetched again
  ASSERT_TRUE(second.result.ok()) << second.result.error().reason;
  ASSERT_EQ(second.items.size(), 1U);
  ASSERT_TRUE(second.items[0].bytes.ok()) << second.items[0].bytes.error().reason;
  EXPECT_EQ(text_of(second.items[0].bytes.value()), plain_message(2));
}

// libcurl ends a reply at a line starting with its command's tag, even inside a message: such a message is an
// error item, never wrong bytes, and the next message comes intact over a new connection.
TEST_F(ImapServer, MessageHoldingReplyTagsIsAnErrorItemNotWrongBytes) {
  const fs::path folder = make_mailbox("tags");
  testing::DovecotServer::deliver(folder, plain_message(1));
  ImapMailbox mailbox(url("tags"), server_->password());
  ASSERT_TRUE(mailbox.examine(0).ok());  // UID 1 for the plain message, 2 and 3 for the next
  testing::DovecotServer::deliver(folder, message_with_reply_tags());
  ASSERT_TRUE(mailbox.examine(1).ok());
  testing::DovecotServer::deliver(folder, plain_message(3));

  const Visited visited = visit(url("tags"), std::nullopt);
  ASSERT_TRUE(visited.result.ok()) << visited.result.error().reason;
  ASSERT_EQ(visited.items.size(), 3U);
  ASSERT_TRUE(visited.items[0].bytes.ok()) << visited.items[0].bytes.error().reason;
  EXPECT_EQ(text_of(visited.items[0].bytes.value()), plain_message(1));
  ASSERT_FALSE(visited.items[1].bytes.ok());
  EXPECT_NE(visited.items[1].bytes.error().reason.find("damaged"), std::string::npos)
      << visited.items[1].bytes.error().reason;
  ASSERT_TRUE(visited.items[2].bytes.ok()) << visited.items[2].bytes.error().reason;
  EXPECT_EQ(text_of(visited.items[2].bytes.value()), plain_message(3));
  EXPECT_EQ(visited.result->resume.last_uid, 3U);
}

}  // namespace
}  // namespace intake
