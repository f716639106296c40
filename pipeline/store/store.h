#pragma once
// The one place that knows the SQL. One Store per thread; the run orchestrator writes through a single one.
#include <array>
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
  std::optional<std::string> message_id;
};

struct NewField {
  std::string field;
  std::optional<int> row_index;
  std::optional<std::string> value_json;  // the normalised value as JSON text; null when nothing was read
  std::optional<std::string> raw_text;
  std::optional<double> confidence;
  FieldStatus status = FieldStatus::review;
  std::optional<int> page;                 // 1-based page number within the source file
  std::optional<std::array<int, 4>> box;
  std::optional<std::string> engine;       // what read it, e.g. "tesseract 5.3.0 chi_sim"
  std::optional<std::string> note;         // why the value is not plainly ok
  std::optional<Id> page_id;               // add_documents: the page row (instead of `page`)
};

struct NewDocument {
  FormKind form = FormKind::unknown;
  std::optional<Round> round;
  Channel channel = Channel::paper;
  std::optional<std::string> recommender;
  std::vector<int> pages;  // 1-based page numbers within the source file, in reading order
  int copies = 1;
  std::vector<NewField> fields;
};

// A document assembled from stored pages, which may lie in several source files (single-page JPEG batches).
struct PagedDocument {
  FormKind form = FormKind::unknown;
  std::optional<Round> round;
  Channel channel = Channel::paper;
  std::optional<std::string> recommender;
  std::vector<Id> page_ids;  // in reading order; the first page's source is the document's source
  int copies = 1;
  std::vector<NewField> fields;  // with page_id set
};

// A stored page that belongs to no document yet, with what reading it saw.
struct UnassignedPage {
  Id page_id = 0;
  Id source_id = 0;
  std::string file;  // the source's name as first given
  int page_index = 0;
  std::string read_json;
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
  // Why a stored source was only partly readable, if it was.
  std::optional<std::string> source_problem(Id source);

  // One transaction: the source, its pages and the documents read from them. Nothing is written when the
  // source's bytes are already stored; the existing source's id comes back.
  // `page_reads`: JSON per page of `file.pages` (same order), or empty.
  Id add_scanned_file(Id run, const ScannedFile& file, const NewSource& source,
                      const std::vector<NewDocument>& documents, const std::vector<std::string>& page_reads = {},
                      const std::optional<std::string>& engine = std::nullopt);
  // Pages with a stored read that are in no document, in the order they were stored.
  std::vector<UnassignedPage> unassigned_pages();
  // One transaction for all of them.
  std::vector<Id> add_documents(Id run, const std::vector<PagedDocument>& documents);
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
