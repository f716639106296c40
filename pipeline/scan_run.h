#pragma once
// `intake scan`: the orchestrator. Workers read, hash and decode files in parallel; the calling thread is the one
// writer and stores results in input order, so a run's database is the same whatever the thread timing.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/result.h"
#include "pipeline/page_decoder.h"
#include "pipeline/reading/page_reader.h"

namespace intake {

struct ScanRunOptions {
  std::filesystem::path database = "intake.db";
  std::optional<std::string> received;  // YYYY-MM-DD the paper arrived; null when not told
  // Worker threads; 0 means one per core. Pages are decoded one at a time per worker, so memory grows with
  // workers, not with file size.
  unsigned workers = 0;
  // Larger files are refused unread: a scanned A4 page is well under 10 MB, 500 MB is a 100-page colour batch.
  std::uintmax_t max_file_bytes = 512ull << 20;
  DecodeOptions decode;
  PageReaderOptions reader;
};

struct InputProblem {
  std::string file;    // as the user named it
  std::string reason;  // what was wrong with it, never its content
};

struct ScanRunSummary {
  int files = 0;            // inputs looked at
  int new_files = 0;        // stored by this run
  int already_stored = 0;   // same bytes were already in the database
  int pages = 0;            // pages stored by this run
  int documents = 0;        // documents stored by this run
  int findings = 0;         // record-level findings stored by this run (ID numbers, seals)
  std::vector<InputProblem> problems;

  nlohmann::json to_json() const;
};

// Fails only when the database cannot be opened or OCR cannot start; every problem with an input is in the summary (and stored as an
// `unreadable_input` finding).
Result<ScanRunSummary> run_scan(const std::vector<std::string>& paths, const ScanRunOptions& options);

}  // namespace intake
