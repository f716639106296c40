#include "pipeline/mail/imap_source.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <glib.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <mutex>

namespace intake {
namespace {

// Debian 12's libcurl 7.88 hands the whole reply to a CURLOPT_CUSTOMREQUEST command to the header callback,
// literal contents included, and since the backported CVE-2023-38039 fix it fails a transfer whose header bytes
// pass 300 KB ("Too large response headers"; measured: a single 240 KB FETCH reply already fails now and then).
// So a message comes in pieces (RFC 3501 §6.4.5 partial fetch, BODY.PEEK[]<offset.length>) and the search in
// windows of messages, each reply far below that limit (a UID is at most 11 bytes of a SEARCH line).
constexpr std::uint64_t fetch_piece_bytes = 128 * 1024;
constexpr std::uint64_t search_window = 10'000;
// libcurl's line reader keeps only 40 bytes of a read that fills over half its buffer without a line end
// ("Excessive server response line length"). A buffer of four pieces keeps every read of one reply under half.
constexpr long receive_buffer_bytes = 4 * fetch_piece_bytes;
// A bound on what one reply may make us hold, whatever libcurl's own limits become.
constexpr std::size_t max_reply_bytes = 1 << 20;

constexpr std::uint16_t default_port(bool tls) { return tls ? 993 : 143; }

void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlEasyCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
using CurlPtr = std::unique_ptr<CURL, CurlEasyCleanup>;

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// The number that starts `text`, up to the first character that is not a digit.
template <class Number>
std::optional<Number> leading_number(std::string_view text) {
  return parse_number<Number>(text.substr(0, std::min(text.find_first_not_of("0123456789"), text.size())));
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t start = text.find_first_not_of(' '); start != std::string_view::npos;) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = text.find_first_not_of(' ', end);
  }
  return out;
}

// ---- URLs ----

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || hex_value(text[i + 1]) < 0 || hex_value(text[i + 2]) < 0) return std::nullopt;
    out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
    i += 2;
  }
  return out;
}

// Escapes '%', controls, spaces and the bytes in `also`; UTF-8 stays as it is, so reports stay readable.
std::string percent_escaped(std::string_view text, std::string_view also) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '%' || also.find(c) != std::string_view::npos) {
      out += fmt::format("%{:02X}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

// For the URL handed to libcurl: everything but RFC 3986 unreserved characters and the '/' libcurl keeps.
std::string url_path_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (g_ascii_isalnum(c) || std::string_view("-._~/").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

bool is_host_name(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(),
                                      [](char c) { return g_ascii_isalnum(c) || c == '-' || c == '.' || c == '_'; });
}

bool is_bracketed_ipv6(std::string_view host) {
  return host.size() > 2 && host.front() == '[' && host.back() == ']' &&
         std::all_of(host.begin() + 1, host.end() - 1,
                     [](char c) { return g_ascii_isxdigit(c) || c == ':' || c == '.'; });
}

// ---- RFC 3501 §5.1.3 modified UTF-7 ----

// Modified BASE64 of UTF-16BE: RFC 2045's alphabet with ',' for '/', no '=' padding.
std::string modified_base64(const std::vector<unsigned char>& bytes) {
  static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += alphabet[(bits >> count) & 63];
    }
    bits &= (1U << count) - 1;
  }
  if (count > 0) out += alphabet[(bits << (6 - count)) & 63];
  return out;
}

void append_utf16be(std::vector<unsigned char>& out, gunichar c) {
  const auto unit = [&](std::uint32_t u) {
    out.push_back(static_cast<unsigned char>(u >> 8));
    out.push_back(static_cast<unsigned char>(u & 0xff));
  };
  if (c < 0x10000) {
    unit(c);
  } else {
    c -= 0x10000;
    unit(0xd800 + (c >> 10));
    unit(0xdc00 + (c & 0x3ff));
  }
}

// ---- replies ----

// Splits the stream libcurl gives the header callback back into response lines and the literals that an
// untagged line announces with "{n}" at its end (RFC 3501 §4.3): n bytes that are data, not lines.
class ReplyReader {
 public:
  struct Literal {
    std::size_t line;  // the index in `lines` of the line that announced it
    std::size_t size;
    std::string bytes;  // shorter than size when the reply ended early
  };

  // False when the reply passes max_reply_bytes; the transfer is then aborted.
  bool add(std::string_view data) {
    total_ += data.size();
    if (total_ > max_reply_bytes) return false;
    while (!data.empty()) {
      if (literal_left_ > 0) {
        const std::size_t take = std::min(literal_left_, data.size());
        literals.back().bytes.append(data.substr(0, take));
        literal_left_ -= take;
        data.remove_prefix(take);
        continue;
      }
      const std::size_t end = data.find('\n');
      line_.append(data.substr(0, end == std::string_view::npos ? data.size() : end));
      if (end == std::string_view::npos) break;
      data.remove_prefix(end + 1);
      end_line();
    }
    return true;
  }

  // A last line without CRLF (a connection that closed mid-line) still counts.
  void finish() {
    if (!line_.empty()) end_line();
  }

  std::vector<std::string> lines;  // without CRLF
  std::vector<Literal> literals;

 private:
  void end_line() {
    if (line_.ends_with('\r')) line_.pop_back();
    lines.push_back(std::move(line_));
    line_.clear();
    // Only untagged lines: we ask for one literal per command, in a FETCH reply ("* 3 FETCH (... {n}").
    const std::string& line = lines.back();
    const std::size_t open = line.rfind('{');
    if (!line.starts_with("* ") || !line.ends_with('}') || open == std::string::npos) return;
    const auto size = parse_number<std::size_t>(std::string_view(line).substr(open + 1, line.size() - open - 2));
    if (!size) return;
    literals.push_back({lines.size() - 1, *size, {}});
    literal_left_ = std::min(*size, max_reply_bytes);
  }

  std::string line_;
  std::size_t literal_left_ = 0;
  std::size_t total_ = 0;
};

std::size_t keep_reply(char* data, std::size_t size, std::size_t count, void* reader) {
  // libcurl may call this after a transfer (its LOGOUT when a connection closes): no reader then.
  if (reader == nullptr) return size * count;
  try {
    return static_cast<ReplyReader*>(reader)->add({data, size * count}) ? size * count : 0;
  } catch (...) {  // never across the C API; 0 makes libcurl abort the transfer
    return 0;
  }
}

// The untagged lines of a custom command also arrive as body data; the header stream already has them.
std::size_t drop_body(char*, std::size_t size, std::size_t count, void*) { return size * count; }

// The server's words for error messages: its last tagged NO or BAD, else a BYE. The NO comes first: after a
// refused SELECT libcurl logs out in the same transfer, and the BYE that follows says nothing.
std::string server_words(const std::vector<std::string>& lines) {
  for (const bool tagged : {true, false})
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
      const std::string_view text(*line);
      const std::size_t tag_end = text.find(' ');
      if (tag_end == std::string_view::npos || text.starts_with("+") || text.starts_with("* ") == tagged) continue;
      const std::string_view rest = text.substr(tag_end + 1);
      if (tagged ? rest.starts_with("NO ") || rest.starts_with("BAD ") : rest.starts_with("BYE "))
        return std::string(rest.substr(0, 200));
    }
  return {};
}

std::string megabytes(std::uintmax_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20)); }

// "UID 12" as an item of a FETCH line, not the start of "UID 123".
bool names_uid(std::string_view line, std::uint32_t uid) {
  const std::string item = fmt::format("UID {}", uid);
  for (std::size_t at = line.find(item); at != std::string_view::npos; at = line.find(item, at + 1)) {
    const std::size_t end = at + item.size();
    if (at > 0 && (line[at - 1] == '(' || line[at - 1] == ' ') && end < line.size() &&
        (line[end] == ' ' || line[end] == ')'))
      return true;
  }
  return false;
}

}  // namespace

// ---- public functions ----

Result<std::string> encode_imap_mailbox_name(std::string_view utf8) {
  // With a length, g_utf8_validate also refuses NUL, which no IMAP string may hold (RFC 3501 §4.3).
  if (!g_utf8_validate(utf8.data(), static_cast<gssize>(utf8.size()), nullptr))
    return Error{"the mailbox name is not UTF-8 text"};
  std::string out;
  std::vector<unsigned char> pending;  // UTF-16BE of a run of characters to be shifted
  const auto flush = [&] {
    if (pending.empty()) return;
    out += '&' + modified_base64(pending) + '-';
    pending.clear();
  };
  for (const char* p = utf8.data(); p < utf8.data() + utf8.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    // Printable US-ASCII stands for itself, '&' written "&-"; every other character is shifted.
    if (c >= 0x20 && c <= 0x7e) {
      flush();
      out += c == '&' ? std::string("&-") : std::string(1, static_cast<char>(c));
    } else {
      append_utf16be(pending, c);
    }
  }
  flush();
  return out;
}

Result<ImapUrl> parse_imap_url(std::string_view text) {
  const auto malformed = [&](std::string_view why) {
    return Error{fmt::format("not an IMAP mailbox URL ({}); expected imap[s]://user@host[:port]/MAILBOX", why)};
  };
  ImapUrl url;
  const auto has_scheme = [&](std::string_view scheme) {
    return text.size() >= scheme.size() && g_ascii_strncasecmp(text.data(), scheme.data(), scheme.size()) == 0;
  };
  if (has_scheme("imaps://")) {
    text.remove_prefix(8);
  } else if (has_scheme("imap://")) {
    url.tls = false;
    text.remove_prefix(7);
  } else {
    return malformed("the scheme is not imap or imaps");
  }
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return malformed("no mailbox");
  const std::string_view authority = text.substr(0, slash);
  const std::string_view path = text.substr(slash + 1);

  const std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return malformed("no user");
  const std::string_view user_info = authority.substr(0, at);
  if (user_info.find(':') != std::string_view::npos)
    return Error{
        fmt::format("a password does not belong in the URL: set {} or type it when asked", imap_password_variable)};
  const auto user = percent_decoded(user_info);
  if (!user || user->empty()) return malformed("no user");
  url.user = *user;

  std::string_view host_port = authority.substr(at + 1);
  std::string_view host = host_port;
  std::string_view port;
  const std::size_t colon = host_port.rfind(':');
  if (colon != std::string_view::npos && host_port.find(']', colon) == std::string_view::npos) {
    host = host_port.substr(0, colon);
    port = host_port.substr(colon + 1);
  }
  if (!is_host_name(host) && !is_bracketed_ipv6(host)) return malformed("no host, or a host with stray characters");
  url.host = std::string(host);
  std::transform(url.host.begin(), url.host.end(), url.host.begin(), g_ascii_tolower);
  url.port = default_port(url.tls);
  if (colon != std::string_view::npos && !port.empty()) {
    const auto number = parse_number<std::uint16_t>(port);
    if (!number || *number == 0) return malformed("a port that is not 1 to 65535");
    url.port = *number;
  }

  // RFC 5092 gives ';', '?' and '#' meanings after the mailbox (UIDVALIDITY, searches); none are read here.
  if (path.find_first_of(";?#") != std::string_view::npos)
    return malformed("';', '?' and '#' in a mailbox name must be written %3B, %3F and %23");
  const auto mailbox = percent_decoded(path);
  if (!mailbox || mailbox->empty()) return malformed("no mailbox");
  if (const auto encoded = encode_imap_mailbox_name(*mailbox); !encoded) return encoded.error();
  url.mailbox = *mailbox;
  return url;
}

std::string imap_url_text(const ImapUrl& url) {
  std::string text =
      fmt::format("{}://{}@{}", url.tls ? "imaps" : "imap", percent_escaped(url.user, "@:/;?#[]"), url.host);
  if (url.port != default_port(url.tls)) text += fmt::format(":{}", url.port);
  return text + "/" + percent_escaped(url.mailbox, ";?#");
}

Result<std::string> read_imap_password(const ImapUrl& url) {
  if (const char* password = std::getenv(imap_password_variable)) return std::string(password);
  if (!::isatty(STDIN_FILENO))
    return Error{fmt::format("no password for {}@{}: set {} (stdin is not a terminal to ask on)", url.user, url.host,
                             imap_password_variable)};
  termios saved{};
  if (::tcgetattr(STDIN_FILENO, &saved) != 0) return Error{"cannot read the terminal's settings to ask for a password"};
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  std::fprintf(stderr, "Password for %s@%s: ", url.user.c_str(), url.host.c_str());
  std::fflush(stderr);
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string password;
  const bool read = static_cast<bool>(std::getline(std::cin, password));
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::fputc('\n', stderr);
  if (!read) return Error{fmt::format("no password for {}@{}: nothing was typed", url.user, url.host)};
  return password;
}

// ---- the session ----

class ImapMailbox::Session {
 public:
  Session(ImapUrl url, std::string password, ImapOptions options)
      : url_(std::move(url)),
        password_(std::move(password)),
        options_(options),
        mailbox_path_(encode_imap_mailbox_name(url_.mailbox)) {
    ensure_curl_initialised();
  }

  Result<ImapMailboxState> examine(std::uint32_t last_seen_uid) {
    // NOOP makes libcurl open the mailbox (SELECT) when this connection has not: its reply carries UIDVALIDITY
    // and EXISTS (RFC 3501 §6.3.1). The check of a known UIDVALIDITY is left out: learning it is the point.
    auto opened = run("NOOP", /*bind_uidvalidity=*/false);
    if (!opened) return opened.error();
    if (opened->refused) return Error{fmt::format("{}: NOOP refused ({})", server(), *opened->refused)};
    if (const auto reported = reported_uidvalidity(opened->lines)) uidvalidity_ = reported;
    if (!uidvalidity_)
      return Error{fmt::format("{}: the server named no UIDVALIDITY for \"{}\"", server(), url_.mailbox)};

    ImapMailboxState state{*uidvalidity_, {}};
    if (last_seen_uid == std::numeric_limits<std::uint32_t>::max()) return state;
    for (std::uint64_t first = 1; first <= exists_; first += search_window) {
      const std::string messages = exists_ - first < search_window
                                       ? fmt::format("{}:*", first)
                                       : fmt::format("{}:{}", first, first + search_window - 1);
      auto reply = run(fmt::format("UID SEARCH {} UID {}:*", messages, last_seen_uid + 1), true);
      if (!reply) return reply.error();
      if (reply->refused) return Error{fmt::format("{}: UID SEARCH refused ({})", server(), *reply->refused)};
      for (const std::string& line : reply->lines) {
        if (line != "* SEARCH" && !line.starts_with("* SEARCH ")) continue;
        for (const std::string_view number : words(std::string_view(line).substr(8))) {
          const auto uid = parse_number<std::uint32_t>(number);
          // "n+1:*" is the range between n+1 and the highest UID in either order (RFC 3501 §9, seq-range), so
          // it holds the highest UID even when that is n or less.
          if (uid && *uid > last_seen_uid) state.uids.push_back(*uid);
        }
      }
    }
    std::sort(state.uids.begin(), state.uids.end());
    state.uids.erase(std::unique(state.uids.begin(), state.uids.end()), state.uids.end());
    return state;
  }

  ImapFetched fetch(std::uint32_t uid) {
    Bytes message;
    for (std::uint64_t offset = 0;; offset += fetch_piece_bytes) {
      // RFC822.SIZE with the first piece, to refuse a message over the limit before fetching the rest.
      const std::string piece = fmt::format("BODY.PEEK[]<{}.{}>", offset, fetch_piece_bytes);
      auto reply = run(offset == 0 ? fmt::format("UID FETCH {} (RFC822.SIZE {})", uid, piece)
                                   : fmt::format("UID FETCH {} {}", uid, piece),
                       true);
      if (!reply) return {reply.error(), true};
      if (reply->refused)
        return {Error{fmt::format("{}: the server refused to send UID {} ({})", server(), uid, *reply->refused)}};
      auto found = find_piece(reply.value(), uid, offset);
      if (!found) {
        // The rest of that reply is still unread on the connection, so it cannot carry another command.
        curl_.reset();
        return {found.error()};
      }
      if (!found->has_value()) return {Error{fmt::format("{}: UID {} is no longer in the mailbox", server(), uid)}};
      const Piece& got = *found.value();
      const std::uintmax_t size = got.rfc822_size.value_or(message.size() + got.bytes.size());
      if (size > options_.max_message_bytes || message.size() + got.bytes.size() > options_.max_message_bytes)
        return {Error{fmt::format("{}: UID {} is too large ({}, limit {})", server(), uid, megabytes(size),
                                  megabytes(options_.max_message_bytes))}};
      message.insert(message.end(), got.bytes.begin(), got.bytes.end());
      if (got.bytes.size() < fetch_piece_bytes) return {std::move(message)};
    }
  }

 private:
  struct Reply {
    std::vector<std::string> lines;
    std::vector<ReplyReader::Literal> literals;
    std::optional<std::string> refused;  // the server answered the command NO or BAD: its words
  };

  struct Piece {
    std::string bytes;
    std::optional<std::uintmax_t> rfc822_size;
  };

  std::string server() const { return fmt::format("{}://{}:{}", url_.tls ? "imaps" : "imap", url_.host, url_.port); }

  Result<bool> connect() {
    curl_.reset(curl_easy_init());
    if (!curl_) return Error{fmt::format("{}: libcurl could not start", server())};
    CURL* curl = curl_.get();
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside other threads
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
    curl_easy_setopt(curl, CURLOPT_USERNAME, url_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     static_cast<long>((options_.connect_timeout + options_.reply_timeout).count()));
    // libcurl's own wait for each IMAP reply (120 s unless set) must not cut a slow piece short.
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                     static_cast<long>((options_.reply_timeout.count() + 999) / 1000));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
    curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, receive_buffer_bytes);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, keep_reply);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, nullptr);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, drop_body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_.data());
    return true;
  }

  // Runs one command on the mailbox; Error when libcurl failed (connection, TLS, login, SELECT), a Reply with
  // `refused` when the server answered NO or BAD to the command itself.
  Result<Reply> run(const std::string& command, bool bind_uidvalidity) {
    if (!mailbox_path_) return Error{fmt::format("{}: {}", server(), mailbox_path_.error().reason)};
    if (!curl_)
      if (auto connected = connect(); !connected) return connected.error();
    std::string target = fmt::format("{}/{}", server(), url_path_escaped(mailbox_path_.value()));
    // libcurl checks this against the SELECT it sends on a new connection (RFC 5092 ";UIDVALIDITY=").
    if (bind_uidvalidity && uidvalidity_) target += fmt::format(";UIDVALIDITY={}", *uidvalidity_);
    ReplyReader reader;
    CURL* curl = curl_.get();
    curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, command.c_str());
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reader);
    error_[0] = '\0';
    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, nullptr);
    reader.finish();
    note_message_count(reader.lines);
    if (code == CURLE_QUOTE_ERROR) {  // libcurl's code for a custom command answered NO or BAD
      curl_.reset();
      std::string words = server_words(reader.lines);
      return Reply{std::move(reader.lines), std::move(reader.literals), std::move(words)};
    }
    if (code != CURLE_OK) {
      curl_.reset();  // whatever state the connection is in, the next command starts a new one
      return Error{failure(code, reader.lines)};
    }
    return Reply{std::move(reader.lines), std::move(reader.literals), std::nullopt};
  }

  std::string failure(CURLcode code, const std::vector<std::string>& lines) const {
    const std::string detail = error_[0] != '\0' ? error_.data() : curl_easy_strerror(code);
    const std::string said = server_words(lines);
    const std::string server_said = said.empty() ? std::string() : fmt::format(" (server: {})", said);
    switch (code) {
      case CURLE_LOGIN_DENIED:  // libcurl's code for a refused login and for a refused SELECT alike
        if (detail.starts_with("Select failed"))
          return fmt::format("{}: no mailbox \"{}\" to open{}", server(), url_.mailbox, server_said);
        return fmt::format("{}: login refused{}", server(), server_said);
      case CURLE_PEER_FAILED_VERIFICATION:
        return fmt::format("{}: TLS: the server's certificate is not trusted ({})", server(), detail);
      case CURLE_SSL_CONNECT_ERROR:
        return fmt::format("{}: TLS handshake failed ({})", server(), detail);
      case CURLE_REMOTE_FILE_NOT_FOUND:  // the ;UIDVALIDITY= check
        return fmt::format("{}: \"{}\" changed UIDVALIDITY during the visit ({})", server(), url_.mailbox, detail);
      default:
        return fmt::format("{}: {}{}", server(), detail, server_said);
    }
  }

  static std::optional<std::uint32_t> reported_uidvalidity(const std::vector<std::string>& lines) {
    for (const std::string& line : lines)
      if (line.starts_with("* OK [UIDVALIDITY "))
        return leading_number<std::uint32_t>(std::string_view(line).substr(18));
    return std::nullopt;
  }

  // EXISTS comes with SELECT and whenever mail arrives; EXPUNGE takes one away (RFC 3501 §7.3.1, §7.4.1).
  void note_message_count(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      if (!line.starts_with("* ")) continue;
      const std::string_view rest = std::string_view(line).substr(2);
      const auto number = leading_number<std::uint32_t>(rest);
      if (!number) continue;
      const std::string_view word = rest.substr(rest.find(' ') + 1);
      if (word == "EXISTS") exists_ = *number;
      if (word == "EXPUNGE" && exists_ > 0) --exists_;
    }
  }

  // The piece of `uid` at `offset` in a reply to UID FETCH: nullopt when the reply has no FETCH for that UID
  // (expunged), Error when the piece is not there intact. A literal cut short means libcurl took a line inside
  // it for the end of the reply (a line that starts with the command's tag, or one over its line limits).
  Result<std::optional<Piece>> find_piece(const Reply& reply, std::uint32_t uid, std::uint64_t offset) const {
    const std::string section = fmt::format("BODY[]<{}>", offset);  // how RFC 3501 §7.4.2 names the piece
    for (std::size_t i = 0; i < reply.lines.size(); ++i) {
      const std::string_view line = reply.lines[i];
      const std::size_t at = line.find(section);
      if (!line.starts_with("* ") || line.find(" FETCH (") == std::string_view::npos || !names_uid(line, uid) ||
          at == std::string_view::npos)
        continue;
      Piece piece;
      if (const std::size_t size_at = line.find("RFC822.SIZE "); size_at != std::string_view::npos)
        piece.rfc822_size = leading_number<std::uintmax_t>(line.substr(size_at + 12));
      const std::string_view value = line.substr(std::min(at + section.size() + 1, line.size()));
      // Past the end the piece is empty: "{0}", or as a quoted string or NIL (RFC 3501 §6.4.5).
      if (value.starts_with("\"\"") || value.starts_with("NIL")) return std::optional<Piece>(std::move(piece));
      const auto literal = std::find_if(reply.literals.begin(), reply.literals.end(),
                                        [&](const ReplyReader::Literal& l) { return l.line == i; });
      const bool intact = literal != reply.literals.end() && literal->bytes.size() == literal->size &&
                          i + 1 < reply.lines.size() &&
                          (reply.lines[i + 1].starts_with(')') || reply.lines[i + 1].starts_with(' '));
      if (!intact)
        return Error{
            fmt::format("{}: UID {} came back damaged at byte {} (a line in it looks like the end of "
                        "the server's reply to libcurl)",
                        server(), uid, offset)};
      piece.bytes = literal->bytes;
      return std::optional<Piece>(std::move(piece));
    }
    return std::optional<Piece>();
  }

  ImapUrl url_;
  std::string password_;
  ImapOptions options_;
  Result<std::string> mailbox_path_;  // modified UTF-7; Error for a name that is not UTF-8
  CurlPtr curl_;
  std::array<char, CURL_ERROR_SIZE> error_{};
  std::optional<std::uint32_t> uidvalidity_;
  std::uint64_t exists_ = 0;
};

ImapMailbox::ImapMailbox(ImapUrl url, std::string password, ImapOptions options)
    : session_(std::make_unique<Session>(std::move(url), std::move(password), options)) {}
ImapMailbox::~ImapMailbox() = default;

Result<ImapMailboxState> ImapMailbox::examine(std::uint32_t last_seen_uid) { return session_->examine(last_seen_uid); }

ImapFetched ImapMailbox::fetch(std::uint32_t uid) { return session_->fetch(uid); }

Result<ImapVisit> visit_imap_source(const ImapUrl& url, std::string_view password, const ImapOptions& options,
                                    const std::optional<ImapResume>& resume, const MailVisitor& visit) {
  ImapMailbox mailbox(url, std::string(password), options);
  const std::uint32_t last_uid = resume ? resume->last_uid : 0;
  auto state = mailbox.examine(last_uid);
  if (!state) return state.error();
  ImapVisit result{.resume = {state->uidvalidity, last_uid}};
  // RFC 3501 §2.3.1.1: a new UIDVALIDITY means the old UIDs name nothing; the store knows messages by their hash,
  // so reading everything again costs time, not duplicates.
  if (resume && resume->uidvalidity != state->uidvalidity) {
    result.restarted = true;
    result.resume.last_uid = 0;
    if (last_uid != 0) {
      state = mailbox.examine(0);
      if (!state) return state.error();
      result.resume.uidvalidity = state->uidvalidity;
    }
  }
  const std::string origin = fmt::format("{};UIDVALIDITY={}/;UID=", imap_url_text(url), state->uidvalidity);
  for (const std::uint32_t uid : state->uids) {
    ImapFetched fetched = mailbox.fetch(uid);
    visit({origin + std::to_string(uid), std::move(fetched.bytes)});
    ++result.visited;
    if (fetched.retry_later) break;
    result.resume.last_uid = uid;
  }
  return result;
}

}  // namespace intake
