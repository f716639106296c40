#include "pipeline/mail/mail_sources.h"

#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "pipeline/mail/gmime_handles.h"

namespace intake {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

bool has_eml_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return extension == ".eml";
}

std::size_t visit_files(const std::vector<fs::path>& files, const MailVisitor& visit,
                        const MailSourceOptions& options) {
  for (const fs::path& file : files) visit({file.string(), read_file_bytes(file, options.max_message_bytes)});
  return files.size();
}

Result<std::size_t> visit_maildir(const fs::path& folder, const MailVisitor& visit, const MailSourceOptions& options) {
  std::vector<fs::path> files;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    if (!fs::is_directory(folder / sub, ec)) continue;
    // The error_code forms throughout: a folder that cannot be listed is an Error value, not an exception.
    fs::directory_iterator entry(folder / sub, ec);
    for (; !ec && entry != fs::directory_iterator(); entry.increment(ec))
      if (!is_hidden(entry->path()) && !entry->is_directory(ec)) files.push_back(entry->path());
    if (ec) return Error{fmt::format("cannot list {}: {}", (folder / sub).string(), ec.message())};
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
  });
  return visit_files(files, visit, options);
}

Result<std::size_t> visit_eml_folder(const fs::path& folder, const MailVisitor& visit,
                                     const MailSourceOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator walk(folder, ec);
  for (; !ec && walk != fs::recursive_directory_iterator(); walk.increment(ec)) {
    if (is_hidden(walk->path())) {
      if (walk->is_directory(ec)) walk.disable_recursion_pending();
      continue;
    }
    if (has_eml_extension(walk->path()) && !walk->is_directory(ec)) files.push_back(walk->path());
  }
  if (ec) return Error{fmt::format("cannot list {}: {}", folder.string(), ec.message())};
  std::sort(files.begin(), files.end());
  return visit_files(files, visit, options);
}

// mboxrd (RFC 4155 appendix A) quotes every body line matching ">*From " with one more '>'.
void undo_mboxrd_quoting(Bytes& message) {
  Bytes out;
  out.reserve(message.size());
  bool line_start = true;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (line_start && message[i] == '>') {
      std::size_t j = i;
      while (j < message.size() && message[j] == '>') ++j;
      if (message.size() - j >= 5 && std::memcmp(message.data() + j, "From ", 5) == 0) ++i;
    }
    out.push_back(message[i]);
    line_start = message[i] == '\n';
  }
  message = std::move(out);
}

// The blank line RFC 4155 puts between a message and the next From line is the mbox's, not the message's.
void drop_separator_line(Bytes& message) {
  const auto ends_with = [&](std::string_view tail) {
    return message.size() >= tail.size() &&
           std::equal(tail.begin(), tail.end(), message.end() - static_cast<std::ptrdiff_t>(tail.size()));
  };
  if (ends_with("\r\n\r\n")) {
    message.resize(message.size() - 2);
  } else if (ends_with("\n\n")) {
    message.pop_back();
  }
}

Result<Bytes> read_range(std::ifstream& in, std::int64_t begin, std::int64_t end) {
  Bytes bytes(static_cast<std::size_t>(end - begin));
  in.clear();
  in.seekg(begin);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::size_t>(in.gcount()) != bytes.size()) return Error{"read failed (file changed while reading?)"};
  undo_mboxrd_quoting(bytes);
  drop_separator_line(bytes);
  return bytes;
}

Result<std::size_t> visit_mbox(const fs::path& file, const MailVisitor& visit, const MailSourceOptions& options) {
  ensure_gmime_initialised();
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{fmt::format("cannot open {}: {}", file.string(), std::strerror(errno))};
  const GObjectPtr<GMimeStream> stream(g_mime_stream_fs_new(fd));  // owns fd from here
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{fmt::format("cannot open {}: {}", file.string(), std::strerror(errno))};
  const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MBOX);
  // Only the boundaries are wanted here: each message is parsed again, with its problems, by parse_mail_message.
  const ParserOptionsPtr parser_options(g_mime_parser_options_new());
  std::size_t count = 0;
  while (!g_mime_parser_eos(parser.get())) {
    const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
    const std::int64_t marker = g_mime_parser_get_mbox_marker_offset(parser.get());
    if (!message) {
      if (count == 0)
        return Error{fmt::format("{}: not an mbox (no message after its first From line)", file.string())};
      visit(
          {fmt::format("{}, after message {}", file.string(), count), Error{"the rest of the mailbox is unreadable"}});
      return count + 1;
    }
    ++count;
    std::string origin = fmt::format("{}, message {} (byte {})", file.string(), count, marker);
    const std::int64_t begin = g_mime_parser_get_headers_begin(parser.get());
    const std::int64_t end = g_mime_parser_tell(parser.get());
    if (static_cast<std::uintmax_t>(end - begin) > options.max_message_bytes) {
      visit({std::move(origin), Error{fmt::format("too large ({} MB, limit {} MB)", (end - begin) >> 20,
                                                  options.max_message_bytes >> 20)}});
      continue;
    }
    visit({std::move(origin), read_range(in, begin, end)});
  }
  return count;
}

bool starts_like_mbox(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && std::memcmp(head, "From ", sizeof head) == 0;
}

}  // namespace

Result<std::size_t> visit_mail_source(const fs::path& source, const MailVisitor& visit,
                                      const MailSourceOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(source, ec);
  if (ec || !fs::exists(status)) return Error{fmt::format("{}: no such file or folder", source.string())};
  if (fs::is_directory(status)) {
    if (fs::is_directory(source / "cur", ec) || fs::is_directory(source / "new", ec))
      return visit_maildir(source, visit, options);
    return visit_eml_folder(source, visit, options);
  }
  if (starts_like_mbox(source)) return visit_mbox(source, visit, options);
  visit({source.string(), read_file_bytes(source, options.max_message_bytes)});
  return std::size_t{1};
}

}  // namespace intake
