#include "pipeline/mail/zip_entries.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <locale.h>

#include <algorithm>
#include <array>
#include <memory>

#include "models/media_type.h"
#include "models/privacy.h"
#include "pipeline/mail/file_name.h"
#include "pipeline/mail/header_text.h"

namespace intake {
namespace {

struct ArchiveFree {
  void operator()(archive* reader) const { archive_read_free(reader); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

// libarchive converts entry names to the calling thread's locale charset (nl_langinfo(CODESET)), and in the "C"
// locale that tests and services run in, UTF-8-flagged names fail to convert and come back empty. Under C.UTF-8
// it hands UTF-8-flagged names over as UTF-8 and unflagged ones as their raw bytes, which decode_8bit_text then
// reads. uselocale changes this thread only.
class Utf8LocaleScope {
 public:
  Utf8LocaleScope() : locale_(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{})) {
    if (locale_ != locale_t{}) previous_ = uselocale(locale_);
  }
  ~Utf8LocaleScope() {
    if (locale_ == locale_t{}) return;
    uselocale(previous_);
    freelocale(locale_);
  }
  Utf8LocaleScope(const Utf8LocaleScope&) = delete;
  Utf8LocaleScope& operator=(const Utf8LocaleScope&) = delete;

 private:
  locale_t locale_;
  locale_t previous_ = locale_t{};
};

bool ends_with_zip(std::string_view name) {
  constexpr std::string_view extension = ".zip";
  return name.size() >= extension.size() &&
         std::equal(extension.begin(), extension.end(), name.end() - extension.size(),
                    [](char lower, char c) { return lower == (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
}

std::string error_text(archive* reader) {
  const char* text = archive_error_string(reader);
  return text == nullptr ? "unreadable" : text;
}

class Expander {
 public:
  Expander(const MailAttachment& zip, const ZipOptions& options) : zip_(zip), options_(options) {}

  // Reads entries until the end, a limit or an unrecoverable error; false when not even the first entry's header
  // could be read, i.e. the bytes are no ZIP.
  bool run(archive* reader) {
    for (int number = 1;; ++number) {
      archive_entry* entry = nullptr;
      const int status = archive_read_next_header(reader, &entry);
      if (status == ARCHIVE_EOF) return true;
      if (status == ARCHIVE_FATAL && number == 1) return false;
      if (status < ARCHIVE_WARN) {
        problem(MailProblemKind::zip_unreadable, fmt::format("entry {}: {}", number, error_text(reader)));
        if (status == ARCHIVE_FATAL) return true;
        continue;
      }
      if (archive_entry_filetype(entry) == AE_IFDIR) continue;
      if (!read_entry(reader, entry, number)) return true;
    }
  }

  ZipExpansion result() && { return std::move(result_); }

 private:
  // false when the expansion must stop.
  bool read_entry(archive* reader, archive_entry* entry, int number) {
    const char* raw_name = archive_entry_pathname(entry);
    const std::string sent = decode_8bit_text(raw_name == nullptr ? "" : raw_name);
    if (archive_entry_filetype(entry) != AE_IFREG) {
      problem(MailProblemKind::unsafe_name,
              fmt::format("entry «{}» is a link or device, not a file; skipped", mask_personal_data(sent)));
      return true;
    }
    if (archive_entry_is_encrypted(entry)) {
      problem(MailProblemKind::zip_unreadable,
              fmt::format("entry «{}» is encrypted; skipped", mask_personal_data(sent)));
      return true;
    }
    if (result_.entries.size() == options_.max_entries)
      return limit(fmt::format("more than {} files", options_.max_entries));
    if (archive_entry_size_is_set(entry) &&
        static_cast<std::uint64_t>(archive_entry_size(entry)) > options_.max_entry_bytes)
      return limit(fmt::format("entry {} declares {} MB, limit {} MB", number, archive_entry_size(entry) >> 20,
                               options_.max_entry_bytes >> 20));

    MailAttachment file{name_for(sent, number), "", {}, fmt::format("{}/{}", zip_.part_path, number), zip_.forwarded};
    std::array<unsigned char, 64 * 1024> buffer;
    for (;;) {
      const la_ssize_t read = archive_read_data(reader, buffer.data(), buffer.size());
      if (read == 0) break;
      if (read < 0) {
        problem(MailProblemKind::zip_unreadable,
                fmt::format("entry «{}»: {}", mask_personal_data(sent), error_text(reader)));
        return read != ARCHIVE_FATAL;
      }
      const auto size = static_cast<std::uint64_t>(read);
      if (file.bytes.size() + size > options_.max_entry_bytes)
        return limit(fmt::format("entry {} inflates past {} MB", number, options_.max_entry_bytes >> 20));
      if (total_bytes_ + size > options_.max_total_bytes)
        return limit(fmt::format("files inflate past {} MB in all", options_.max_total_bytes >> 20));
      file.bytes.insert(file.bytes.end(), buffer.begin(), buffer.begin() + read);
      total_bytes_ += size;
    }
    file.media_type = media_type_name(sniff_media_type(file.bytes));
    result_.entries.push_back(std::move(file));
    return true;
  }

  std::string name_for(const std::string& sent, int number) {
    BareName bare = bare_file_name(sent);
    if (bare.hostile)
      problem(MailProblemKind::unsafe_name, fmt::format("entry «{}» points outside the archive; saved as «{}»",
                                                        mask_personal_data(sent), mask_personal_data(bare.name)));
    if (bare.name.empty()) return fmt::format("entry-{}", number);
    return std::move(bare.name);
  }

  bool limit(const std::string& what) {
    problem(MailProblemKind::zip_limit, what + "; the rest of the archive is not unpacked");
    return false;
  }

  void problem(MailProblemKind kind, std::string message) {
    result_.problems.push_back({kind, zip_.part_path, "ZIP " + mask_personal_data(zip_.name) + ": " + message});
  }

  const MailAttachment& zip_;
  const ZipOptions& options_;
  std::uint64_t total_bytes_ = 0;
  ZipExpansion result_;
};

}  // namespace

bool is_zip_archive(const MailAttachment& attachment) {
  if (sniff_media_type(attachment.bytes) != MediaType::zip) return false;
  const std::string_view type = attachment.media_type;
  return type == "application/zip" || type == "application/x-zip-compressed" || type == "application/x-zip" ||
         ends_with_zip(attachment.name);
}

Result<ZipExpansion> expand_zip(const MailAttachment& zip, const ZipOptions& options) {
  const Utf8LocaleScope utf8_names;
  const ArchivePtr reader(archive_read_new());
  if (!reader) return Error{"libarchive: out of memory"};
  archive_read_support_format_zip(reader.get());
  if (archive_read_open_memory(reader.get(), zip.bytes.data(), zip.bytes.size()) != ARCHIVE_OK)
    return Error{"not a readable ZIP: " + error_text(reader.get())};
  Expander expander(zip, options);
  if (!expander.run(reader.get())) return Error{"not a readable ZIP: " + error_text(reader.get())};
  return std::move(expander).result();
}

}  // namespace intake
