#pragma once
// The messages of an IMAP or IMAPS mailbox (RFC 3501) as bytes, fetched incrementally by UID through libcurl
// without marking them read.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/result.h"
#include "pipeline/bytes.h"
#include "pipeline/mail/mail_sources.h"

namespace intake {

// imap[s]://user@host[:port]/MAILBOX with its percent-escapes decoded. The mailbox is UTF-8 as people write it
// ("INBOX", "INBOX.报送材料"), in the server's own hierarchy separator.
struct ImapUrl {
  bool tls = true;  // imaps: TLS from the first byte (RFC 8314); imap: plain text, for loopback and tests
  std::string user;
  std::string host;  // a name, an IPv4 address or a bracketed IPv6 address; names lower-cased
  std::uint16_t port = 993;
  std::string mailbox;
};

// Error for anything but imap[s]://user@host[:port]/MAILBOX, and for a password in the URL: command lines end
// up in shell histories and in `ps`.
Result<ImapUrl> parse_imap_url(std::string_view text);

// The URL as text that parse_imap_url reads back to the same ImapUrl; UTF-8 stays readable, the port is left out
// when it is the scheme's. What origins start with, and the key resume state is stored under.
std::string imap_url_text(const ImapUrl& url);

// A mailbox name as IMAP sends it: RFC 3501 §5.1.3 modified UTF-7 ("报送材料" → "&YqWQAWdQZZk-"). Error when
// `utf8` is not UTF-8 or holds a NUL.
Result<std::string> encode_imap_mailbox_name(std::string_view utf8);

inline constexpr const char* imap_password_variable = "INTAKE_IMAP_PASSWORD";

// The password for `url`: the environment variable above, else asked for on the terminal without echo when
// stdin is one; Error otherwise. Never read from the command line, never logged.
Result<std::string> read_imap_password(const ImapUrl& url);

struct ImapOptions {
  // Check the server's certificate and name. Off only for a test server with a self-signed certificate: without
  // the check anyone on the path can take the password and the mail.
  bool verify_tls = true;
  // Connecting, the TLS handshake and logging in.
  std::chrono::milliseconds connect_timeout{30'000};
  // One command and its reply: a 128 KiB piece of a message or a window of the UID search.
  std::chrono::milliseconds reply_timeout{120'000};
  // A larger message is an error item and is not fetched.
  std::uintmax_t max_message_bytes = MailSourceOptions{}.max_message_bytes;
};

struct ImapMailboxState {
  std::uint32_t uidvalidity = 0;    // RFC 3501 §2.3.1.1: UIDs name the same messages while this stays
  std::vector<std::uint32_t> uids;  // ascending; only those above the last-seen UID asked about
};

struct ImapFetched {
  Result<Bytes> bytes;       // the message exactly as the server holds it, or why not
  bool retry_later = false;  // the connection failed, not the message: asking again later may work
};

// One connection to one mailbox, opened on first use, logged in with `password` and kept open between calls.
// libcurl opens the mailbox with SELECT (read-write), so messages are read with BODY.PEEK, which leaves \Seen
// alone (RFC 3501 §6.4.5). Not thread-safe: one thread at a time per ImapMailbox; separate ones are independent.
class ImapMailbox {
 public:
  ImapMailbox(ImapUrl url, std::string password, ImapOptions options = {});
  ~ImapMailbox();

  // UIDVALIDITY and the UIDs above `last_seen_uid`. Error names the server and the reason (connection, TLS,
  // login refused, no such mailbox).
  Result<ImapMailboxState> examine(std::uint32_t last_seen_uid);

  // The message with `uid`. After examine the fetch is bound to the UIDVALIDITY it saw: if the mailbox was
  // rebuilt since, it fails instead of fetching whichever message now has that UID.
  ImapFetched fetch(std::uint32_t uid);

 private:
  class Session;
  std::unique_ptr<Session> session_;
};

// Where a mailbox's visit ended, kept by the caller for the next visit.
struct ImapResume {
  std::uint32_t uidvalidity = 0;
  std::uint32_t last_uid = 0;  // every message up to this UID has been visited
};

struct ImapVisit {
  ImapResume resume;
  std::size_t visited = 0;
  bool restarted = false;  // UIDVALIDITY differed from `resume`'s: the UIDs changed meaning, so all were visited
};

// Calls `visit` for every message above `resume` (all of them without one), in UID order, each with origin
// "imaps://user@host/INBOX;UIDVALIDITY=v/;UID=n" (RFC 5092). A message that cannot be fetched is an item with
// an Error; when the connection failed rather than the message, the visit stops there and the returned resume
// state leaves that message for the next visit. Error only when the mailbox could not be examined at all.
Result<ImapVisit> visit_imap_source(const ImapUrl& url, std::string_view password, const ImapOptions& options,
                                    const std::optional<ImapResume>& resume, const MailVisitor& visit);

}  // namespace intake
