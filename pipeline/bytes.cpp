#include "pipeline/bytes.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace intake {
namespace fs = std::filesystem;

Result<Bytes> read_file_bytes(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Error{"no such file"};
  if (fs::is_directory(status)) return Error{"is a directory"};
  if (!fs::is_regular_file(status)) return Error{"not a regular file"};
  const auto size = fs::file_size(path, ec);
  if (ec) return Error{fmt::format("cannot read size: {}", ec.message())};
  if (size == 0) return Error{"empty file"};
  if (size > max_bytes)
    return Error{fmt::format("too large ({} MB, limit {} MB)", size >> 20, max_bytes >> 20)};

  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("cannot open: {}", std::strerror(errno))};
  Bytes bytes(size);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return Error{"read failed (file changed while reading?)"};
  return bytes;
}

Result<bool> write_file_atomically(const fs::path& path, std::span<const unsigned char> bytes) {
  // mkstemp gives every writer (threads too) its own temporary, created 0600.
  std::string temp_name = path.string() + ".tmp.XXXXXX";
  const int fd = ::mkostemp(temp_name.data(), O_CLOEXEC);
  if (fd < 0) return Error{fmt::format("cannot create a file beside {}: {}", path.string(), std::strerror(errno))};
  const fs::path temp = temp_name;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return Error{fmt::format("cannot write {}: {}", temp.string(), reason)};
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return Error{fmt::format("cannot flush {}", temp.string())};
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return Error{fmt::format("cannot rename to {}: {}", path.string(), std::strerror(errno))};
  }
  return true;
}

}  // namespace intake
