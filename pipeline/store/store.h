#pragma once
// The one place that knows the SQL. One Store per thread; the run orchestrator writes through a single one.
#include <array>
#include <cstdint>
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
  std::string file;  // as given on the command line, or an attachment's decoded name
  std::string blob;  // relative name in the BlobStore
  std::optional<std::string> received;
  std::optional<std::string> message_id;
  std::string channel = "paper";  // paper | email | photo
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
  // E-mail attachments: the message that first carried the source (its batch: pages of one message are assembled
  // together, never with paper or another message's) and the unit that message's subject names.
  std::optional<Id> message;
  std::optional<std::string> message_recommender;
};

struct InputProblemRecord {
  Severity severity = Severity::error;
  std::string reason;
};

// One attachment of a new message. It is linked to the source holding its bytes (`sha256`) when one is stored;
// otherwise `file`, when set, becomes that source: read into pages, or kept unread (an ID photo, a file intake
// cannot read). A ZIP has no sha256 (its entries are attachments of their own), bytes that could not be read have
// no file.
struct NewAttachment {
  std::string part_path;
  std::string name;
  std::string media_type;  // as declared
  std::string role;        // pages | photo | archive | unread (pipeline/mail/attachment_use.h)
  bool forwarded = false;
  std::optional<std::string> problem;
  std::string sha256;
  std::optional<ScannedFile> file;
  std::string blob;
  std::string channel = "email";        // of the source: email | photo
  std::vector<std::string> page_reads;  // JSON per page of `file.pages`
};

struct NewMessage {
  std::string sha256;
  std::uintmax_t size = 0;
  std::string blob;
  std::optional<std::string> message_id;
  std::string from_name;
  std::string from_address;
  std::optional<std::string> date;         // ISO 8601
  std::optional<std::string> date_source;  // date_header | received_header
  std::optional<std::string> received;     // YYYY-MM-DD
  std::string subject;
  std::optional<std::string> recommender;
  std::string origin;
  std::vector<InputProblemRecord> problems;
  std::vector<NewAttachment> attachments;
};

struct AddedMessage {
  Id message = 0;
  std::vector<bool> new_source;  // per attachment: its bytes became a new source
};

// A photo source that has no verdict yet: an ID photo that came by mail, or one whose check was interrupted.
struct UncheckedPhoto {
  Id source = 0;
  std::string sha256;
  std::string file;  // the source's name as first given
  std::string blob;
  std::optional<std::string> recommender;  // the unit the subject of the message that carried it names
};

struct NewPhoto {
  std::string file;
  std::optional<std::string> name;   // as the file name gives them
  std::optional<std::string> birth;  // YYYY-MM-DD
  std::optional<std::string> recommender;
  std::string checks_json = "[]";
  std::string measured_json = "{}";
};

struct NewNominee {
  std::string kind;  // individual | collective
  std::optional<std::string> recommender;
  std::string name;
  std::optional<std::string> unit_name;
  std::optional<std::string> birth;
  std::vector<Id> documents;
};

// Where the last visit of an IMAP mailbox ended (pipeline/mail/imap_source.h).
struct ImapPosition {
  std::uint32_t uidvalidity = 0;
  std::uint32_t last_uid = 0;
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

  // The stored message with this Message-ID or, when it has none (""), these bytes.
  std::optional<Id> find_message(const std::string& message_id, const std::string& sha256);
  // One transaction: the sources of attachments whose bytes are new (with their pages and reads), the message, its
  // attachments and its origin.
  AddedMessage add_message(Id run, const NewMessage& message, const std::optional<std::string>& engine);
  void add_message_origin(Id message, const std::string& origin, Id run);
  // What was wrong with a stored message and its attachments when it was stored.
  std::vector<InputProblemRecord> message_problems(Id message);
  // Kept per mailbox URL (imap_url_text: no password).
  std::optional<ImapPosition> imap_position(const std::string& url);
  void set_imap_position(const std::string& url, const ImapPosition& position, Id run);

  // Returns false when a finding with the same key is already stored.
  bool add_finding(Id run, const Finding& finding);
  // The findings whose key starts with `key_prefix` become `findings`: those no longer found are removed, new ones
  // added, the rest kept as they were. For findings that depend on what else is known (a photo's nominee).
  // Returns how many were added.
  int replace_findings(Id run, const std::string& key_prefix, const std::vector<Finding>& findings);

  std::vector<UncheckedPhoto> unchecked_photos();
  // The photo row for a stored source; nothing when the source has one already. Returns the photo's id.
  Id add_photo(Id source, const NewPhoto& photo);
  void set_photo_match(Id photo, std::optional<Id> nominee, const std::vector<std::string>& problems);
  // One transaction: each nominee found (kind, recommender, name) or added, its birth and unit set when known,
  // and linked to its documents.
  void store_nominees(const std::vector<NewNominee>& nominees);

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
