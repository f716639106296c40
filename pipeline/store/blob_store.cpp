#include "pipeline/store/blob_store.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include "pipeline/bytes.h"

namespace intake {
namespace fs = std::filesystem;
namespace {

Result<bool> make_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error{fmt::format("cannot create {}: {}", dir.string(), ec.message())};
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return Error{fmt::format("cannot restrict {}: {}", dir.string(), ec.message())};
  return true;
}

}  // namespace

Result<BlobStore> BlobStore::open(const fs::path& root) {
  if (auto made = make_private_dir(root); !made) return made.error();
  return BlobStore(root);
}

fs::path BlobStore::beside(const fs::path& database) { return fs::path(database.string() + ".originals"); }

Result<std::string> BlobStore::put(std::span<const unsigned char> bytes, const std::string& sha256) const {
  const std::string relative = sha256.substr(0, 2) + "/" + sha256;
  const fs::path target = root_ / relative;
  std::error_code ec;
  if (fs::exists(target, ec) && fs::file_size(target, ec) == bytes.size()) return relative;
  if (auto made = make_private_dir(target.parent_path()); !made) return made.error();
  if (auto written = write_file_atomically(target, bytes); !written) return written.error();
  return relative;
}

}  // namespace intake
