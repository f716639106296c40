#pragma once
// The one place that knows the SQL. One Store per thread; the run orchestrator writes through a single one.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "models/records.h"
#include "models/result.h"
#include "pipeline/scan_ingest.h"
#include "pipeline/store/sqlite.h"

namespace intake {

struct NewSource {
  std::string file;  // as given on the command line
  std::string blob;  // relative name in the BlobStore
  std::optional<std::string> received;
};

class Store {
 public:
  // Opens or creates the database (0600) and migrates it to the latest schema.
  static Result<Store> open(const std::filesystem::path& path);
  static Result<Store> open_in_memory();

  Id begin_run(const std::string& command);
  void finish_run(Id run, const std::string& summary_json);

  std::set<std::string> source_hashes();
  std::optional<Id> source_id(const std::string& sha256);

  // One transaction: the source, its pages, and (until classification exists) one `unknown` document per page.
  Id add_scanned_file(Id run, const ScannedFile& file, const NewSource& source);
  void add_source_path(Id source, const std::string& path, Id run);

  // Returns false when a finding with the same key is already stored.
  bool add_finding(Id run, const Finding& finding);

  std::vector<StoredDocument> documents();
  std::vector<StoredNominee> nominees();
  std::vector<StoredPhoto> photos();
  std::vector<StoredFinding> findings();

  // Row counts per table, for summaries and tests.
  std::map<std::string, std::int64_t> table_counts();

  sql::Database& database() { return db_; }

 private:
  explicit Store(sql::Database db) : db_(std::move(db)) {}
  static Result<Store> migrated(Result<sql::Database> db);
  sql::Database db_;
};

}  // namespace intake
