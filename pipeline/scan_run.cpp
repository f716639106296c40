#include "pipeline/scan_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <set>
#include <thread>

#include "pipeline/bytes.h"
#include "pipeline/file_reading.h"
#include "pipeline/input_files.h"
#include "pipeline/ordered_workers.h"
#include "pipeline/photos_run.h"
#include "pipeline/reading/page_reader.h"
#include "pipeline/scan_documents.h"
#include "pipeline/sha256.h"
#include "pipeline/store/blob_store.h"
#include "pipeline/store/store.h"

#include <opencv2/core.hpp>

namespace intake {
namespace {

namespace fs = std::filesystem;

// What a worker hands the writer for one input file.
struct FileOutcome {
  std::string sha256;  // empty when the bytes could not be read
  FileReading reading;
};

// `stored` holds the hashes already in the database: those bytes are not decoded again. Two identical files in
// one run are both decoded and the writer keeps the first in input order, so the stored name does not depend on
// thread timing.
FileOutcome read_one(const InputFile& input, const ScanRunOptions& options, const BlobStore& blobs,
                     const std::set<std::string>& stored, PageReader& reader) {
  FileOutcome outcome;
  auto bytes = read_file_bytes(input.path, options.max_file_bytes);
  if (!bytes) {
    outcome.reading.problem = bytes.error().reason;
    return outcome;
  }
  outcome.sha256 = sha256_hex(bytes.value());
  const MediaType type = sniff_media_type(bytes.value());
  if (!is_scannable(type)) {
    outcome.reading.problem =
        type == MediaType::unknown
            ? std::string("not a scanned image or PDF (unrecognised content)")
            : fmt::format("not a scanned image or PDF (the bytes are {})", media_type_name(type));
    return outcome;
  }
  if (stored.contains(outcome.sha256)) return outcome;
  outcome.reading = read_scanned_file(bytes.value(), outcome.sha256, input.display, options.decode, blobs, reader);
  return outcome;
}

Finding unreadable_finding(const std::string& file, const std::string& sha256, const std::string& reason) {
  Finding finding;
  // Keyed by content when there is any, so renaming a bad file does not report it twice.
  finding.key = fmt::format("unreadable_input|{}", sha256.empty() ? file : sha256);
  finding.rule = "unreadable_input";
  finding.severity = Severity::error;
  finding.file = file;
  finding.message = fmt::format("{}: {}", file, reason);
  return finding;
}

}  // namespace

nlohmann::json ScanRunSummary::to_json() const {
  nlohmann::json problems_json = nlohmann::json::array();
  for (const auto& problem : problems) problems_json.push_back({{"file", problem.file}, {"reason", problem.reason}});
  return {{"files", files},         {"new_files", new_files}, {"already_stored", already_stored},
          {"pages", pages},         {"documents", documents}, {"findings", findings},
          {"problems", problems_json}};
}

Result<ScanRunSummary> run_scan(const std::vector<std::string>& paths, const ScanRunOptions& options) {
  auto store = Store::open(options.database);
  if (!store) return Error{fmt::format("{}: {}", options.database.string(), store.error().reason)};
  auto blobs = BlobStore::open(BlobStore::beside(options.database));
  if (!blobs) return blobs.error();

  const auto& db = options.database;
  const InputListing listing =
      list_input_files(paths, {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm"),
                               fs::path(db.string() + "-journal"), blobs->root()});
  ScanRunSummary summary;
  const Id run = store->begin_run("scan");

  auto report = [&](const std::string& file, const std::string& sha256, const std::string& reason) {
    summary.problems.push_back({file, reason});
    store->add_finding(run, unreadable_finding(file, sha256, reason));
  };
  for (const auto& missing : listing.missing) report(missing.display, "", missing.reason);

  const std::set<std::string> stored = store->source_hashes();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto workers = static_cast<unsigned>(
      std::min<std::size_t>(options.workers ? options.workers : cores, std::max<std::size_t>(1, listing.files.size())));
  // One reader (one Tesseract engine) per worker, started once; the workers are the parallelism, so OpenCV's own
  // pool would only oversubscribe the cores.
  std::vector<PageReader> readers;
  for (unsigned t = 0; t < workers; ++t) {
    auto reader = PageReader::create(options.reader);
    if (!reader) {
      store->finish_run(run, summary.to_json().dump());
      return reader.error();
    }
    readers.push_back(std::move(reader.value()));
  }
  const std::string engine = readers.front().engine_name();
  cv::setNumThreads(1);

  auto read = [&](std::size_t i, PageReader& reader) {
    try {
      return read_one(listing.files[i], options, blobs.value(), stored, reader);
    } catch (const std::exception& e) {
      FileOutcome outcome;
      outcome.reading.problem = fmt::format("internal error while reading: {}", e.what());
      return outcome;
    }
  };
  auto write = [&](std::size_t i, FileOutcome&& outcome) {
    const InputFile& input = listing.files[i];
    const FileReading& reading = outcome.reading;
    ++summary.files;
    const auto existing = outcome.sha256.empty() ? std::nullopt : store->source_id(outcome.sha256);
    if (reading.scanned && !existing) {
      const Id source =
          store->add_scanned_file(run, *reading.scanned, {input.display, reading.blob, options.received, std::nullopt},
                                  {}, reading.page_reads, engine);
      store->add_source_path(source, input.display, run);
      ++summary.new_files;
      summary.pages += static_cast<int>(reading.scanned->pages.size());
    } else if (existing) {
      ++summary.already_stored;
      store->add_source_path(*existing, input.display, run);
    }
    // A partly readable file stays a problem on every rerun, as it was on the first.
    const auto problem = reading.problem ? reading.problem : existing ? store->source_problem(*existing) : std::nullopt;
    if (problem) report(input.display, outcome.sha256, *problem);
  };
  work_in_order(listing.files.size(), std::span<PageReader>(readers), read, write);

  const DocumentsStored documents = store_documents_from_pages(store.value(), run, engine);
  summary.documents = documents.documents;
  summary.findings = documents.findings;
  // New documents may name the nominees of photos stored earlier.
  summary.findings += match_photos(store.value(), run).findings;
  store->finish_run(run, summary.to_json().dump());
  return summary;
}

}  // namespace intake
