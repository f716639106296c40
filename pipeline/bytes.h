#pragma once
// Whole-file reads with the checks every input needs before it is trusted.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "models/result.h"

namespace intake {

using Bytes = std::vector<unsigned char>;

// Refuses empty files, directories and files over max_bytes; the Error names the reason, not the path.
Result<Bytes> read_file_bytes(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Writes through a temporary file and rename, so a crash never leaves half a file; created owner-only (0600).
Result<bool> write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes);

}  // namespace intake
