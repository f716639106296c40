#pragma once
// A throwaway Dovecot IMAP server on loopback for tests that read mail over IMAP (scripts/dovecot-test-server):
// started in its own folder under /tmp, stopped and removed with this object, and stopped by the script too if
// the test program dies first.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "support/fixtures.h"

namespace intake::testing {

// Output (stdout and stderr) and exit status of a shell command.
inline std::pair<std::string, int> run_shell(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {"popen failed", -1};
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class DovecotServer {
 public:
  DovecotServer() {
    std::string folder = "/tmp/intake-dovecot-XXXXXX";  // run by root, the server runs as dovecot and must reach it
    if (::mkdtemp(folder.data()) == nullptr) {
      failure_ = "mkdtemp failed";
      return;
    }
    dir_ = folder;
    // With our pid the script also stops the server if this program dies without the destructor.
    const auto [output, status] =
        run_shell(fmt::format("{} start {} {}", shell_quoted(script()), shell_quoted(dir_), ::getpid()));
    if (status == 3) {
      skip_reason_ = "dovecot is not installed (apt-get install dovecot-imapd dovecot-core): " + output;
      return;
    }
    if (status != 0) {
      failure_ = output;
      return;
    }
    std::map<std::string, std::string> values;
    for (std::size_t start = 0; start < output.size();) {
      const std::size_t end = std::min(output.find('\n', start), output.size());
      const std::string line = output.substr(start, end - start);
      if (const std::size_t equals = line.find('='); equals != std::string::npos)
        values[line.substr(0, equals)] = line.substr(equals + 1);
      start = end + 1;
    }
    imap_port_ = std::stoi(values["imap_port"]);
    imaps_port_ = std::stoi(values["imaps_port"]);
    user_ = values["user"];
    password_ = values["password"];
    maildir_ = values["maildir"];
    conf_ = values["conf"];
  }
  ~DovecotServer() {
    if (dir_.empty()) return;
    run_shell(fmt::format("{} stop {}", shell_quoted(script()), shell_quoted(dir_)));
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;

  bool running() const { return imap_port_ != 0; }
  const std::string& skip_reason() const { return skip_reason_; }  // set when Dovecot is not installed
  const std::string& failure() const { return failure_; }
  const std::string& password() const { return password_; }
  const std::string& user() const { return user_; }
  int imap_port() const { return imap_port_; }
  int imaps_port() const { return imaps_port_; }  // IMAPS with the server's self-signed certificate
  const std::filesystem::path& maildir() const { return maildir_; }  // INBOX
  const std::filesystem::path& conf() const { return conf_; }        // for doveadm -c
  // Plain IMAP on loopback: TLS would need the test's self-signed certificate trusted.
  std::string inbox_url() const { return fmt::format("imap://{}@127.0.0.1:{}/INBOX", user_, imap_port_); }

  void deliver(const std::string& message) const { deliver(maildir_, message); }

  // Maildir delivery as a mail server does it: written in tmp/, renamed into new/, so Dovecot never sees half a
  // message. The bytes are kept as given (CRLF line ends stay), so the bytes served are the bytes written.
  static void deliver(const std::filesystem::path& folder, const std::string& message) {
    static std::atomic<int> count{0};
    const std::string name = fmt::format("{}.M{}P{}.intake-test", std::time(nullptr), count++, ::getpid());
    write_text(folder / "tmp" / name, message);
    std::filesystem::rename(folder / "tmp" / name, folder / "new" / name);
  }

 private:
  static std::string script() { return std::string(INTAKE_SOURCE_DIR) + "/scripts/dovecot-test-server"; }

  std::string dir_;
  std::string skip_reason_;
  std::string failure_;
  int imap_port_ = 0;
  int imaps_port_ = 0;
  std::string user_;
  std::string password_;
  std::filesystem::path maildir_;
  std::filesystem::path conf_;
};

}  // namespace intake::testing
