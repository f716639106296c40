#pragma once
// The original input bytes, kept content-addressed beside the database so the office can always show the paper
// (or the attachment) a value was read from. Files are immutable and named by their SHA-256.
#include <filesystem>
#include <span>
#include <string>

#include "models/result.h"

namespace intake {

class BlobStore {
 public:
  // Folder created owner-only (0700): scans hold ID numbers and phone numbers.
  static Result<BlobStore> open(const std::filesystem::path& root);

  // For a database file `x.db` the originals live in `x.db.originals/`.
  static std::filesystem::path beside(const std::filesystem::path& database);

  // Relative name under the root, e.g. "ab/ab12…"; writing the same bytes twice is a no-op.
  Result<std::string> put(std::span<const unsigned char> bytes, const std::string& sha256) const;

  std::filesystem::path path_of(const std::string& relative) const { return root_ / relative; }
  const std::filesystem::path& root() const { return root_; }

 private:
  explicit BlobStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

}  // namespace intake
