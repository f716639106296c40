#include "pipeline/input_files.h"

#include <algorithm>
#include <set>

namespace intake {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

fs::path canonical_or_self(const fs::path& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical;
}

void add_file(const fs::path& path, std::string display, std::set<fs::path>& seen, InputListing& listing) {
  if (!seen.insert(canonical_or_self(path)).second) return;
  listing.files.push_back({path, std::move(display)});
}

void walk_folder(const fs::path& root, const std::string& display_root, const std::set<fs::path>& own,
                 std::set<fs::path>& seen, InputListing& listing) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    listing.missing.push_back({display_root, "cannot list folder: " + ec.message()});
    return;
  }
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) break;
    if (is_hidden(it->path()) || own.contains(canonical_or_self(it->path()))) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const auto& file : found) {
    const fs::path relative = file.lexically_relative(root);
    add_file(file, (fs::path(display_root) / relative).string(), seen, listing);
  }
}

}  // namespace

InputListing list_input_files(const std::vector<std::string>& arguments, const std::vector<fs::path>& own_paths) {
  InputListing listing;
  std::set<fs::path> seen;
  std::set<fs::path> own;
  for (const auto& path : own_paths) own.insert(canonical_or_self(path));
  for (const auto& argument : arguments) {
    const fs::path path(argument);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      listing.missing.push_back({argument, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      walk_folder(path, argument, own, seen, listing);
    } else {
      add_file(path, argument, seen, listing);
    }
  }
  return listing;
}

}  // namespace intake
