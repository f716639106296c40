#pragma once
// Expands the command line's PATH arguments into the files to read, in a stable order.
#include <filesystem>
#include <string>
#include <vector>

namespace intake {

struct InputFile {
  std::filesystem::path path;
  std::string display;  // the path as the user gave it (or as found under a given folder): what reports name
};

struct MissingInput {
  std::string display;
  std::string reason;
};

struct InputListing {
  std::vector<InputFile> files;
  std::vector<MissingInput> missing;
};

// Folders are walked recursively in sorted order; hidden entries (".name") are skipped, as scanner software and
// desktops leave thumbnails and metadata there, and so are `own_paths` (intake's database and originals folder,
// when the user scans the folder they live in). The same file named twice is listed once.
InputListing list_input_files(const std::vector<std::string>& arguments,
                              const std::vector<std::filesystem::path>& own_paths = {});

}  // namespace intake
