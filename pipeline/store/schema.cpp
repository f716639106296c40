#include "pipeline/store/schema.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace intake {
namespace {

// Append only: a released migration is never edited, a change is a new entry.
constexpr std::array<std::string_view, 4> migrations{
    R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  summary TEXT                      -- JSON
);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('paper', 'email', 'photo')),
  file TEXT NOT NULL,               -- the path as first given, or the attachment's decoded name
  blob TEXT NOT NULL,               -- where the original bytes are kept, relative to the blob folder
  received TEXT,                    -- YYYY-MM-DD
  message_id TEXT,
  page_count INTEGER NOT NULL DEFAULT 0,
  problem TEXT,                     -- set when the file was only partly readable
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE source_paths (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (source_id, path)
);
CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  page_index INTEGER NOT NULL,      -- 1-based within the source
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  dpi INTEGER NOT NULL,
  dpi_source TEXT NOT NULL,
  colour_mode TEXT NOT NULL,
  image_sha256 TEXT NOT NULL,
  UNIQUE (source_id, page_index)
);
CREATE INDEX pages_by_image ON pages(image_sha256);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  form TEXT NOT NULL,
  round TEXT CHECK (round IN ('initial', 'formal')),
  channel TEXT NOT NULL CHECK (channel IN ('paper', 'email')),
  recommender TEXT,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  copies INTEGER NOT NULL DEFAULT 1,
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX documents_by_source ON documents(source_id);
CREATE TABLE document_pages (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (document_id, page_id)
);
CREATE TABLE fields (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  row_index INTEGER,                -- for the rows of annex4 and annex9
  value TEXT,                       -- JSON of the normalised value
  raw_text TEXT,
  confidence REAL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'review', 'invalid', 'missing')),
  page_id INTEGER REFERENCES pages(id),
  box_x INTEGER, box_y INTEGER, box_w INTEGER, box_h INTEGER,
  engine TEXT,                      -- e.g. tesseract 5.3.0 chi_sim, pdf-text-layer
  corrected_by TEXT
);
CREATE UNIQUE INDEX fields_by_document ON fields(document_id, field, coalesce(row_index, -1));
CREATE TABLE nominees (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('individual', 'collective')),
  recommender TEXT,
  name TEXT NOT NULL,
  unit_name TEXT,
  UNIQUE (kind, recommender, name)
);
CREATE TABLE nominee_documents (
  nominee_id INTEGER NOT NULL REFERENCES nominees(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (nominee_id, document_id)
);
CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id) ON DELETE CASCADE,
  nominee_id INTEGER REFERENCES nominees(id),
  file TEXT NOT NULL,
  name TEXT,
  birth TEXT,
  ok INTEGER NOT NULL,
  problems TEXT NOT NULL DEFAULT '[]'   -- JSON array of rule names
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,         -- what makes the finding the same on a rerun
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  recommender TEXT,
  subject TEXT,
  field TEXT,
  documents TEXT NOT NULL DEFAULT '[]', -- JSON array of document ids
  file TEXT,
  message TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
)sql",
    // What reading each scanned page saw (extractors/page/page_read.h as JSON): provenance for every value, and
    // what documents are assembled from, so pages stored by an interrupted run still end up in documents.
    R"sql(
CREATE TABLE page_reads (
  page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  read TEXT NOT NULL,               -- JSON
  engine TEXT
);
ALTER TABLE fields ADD COLUMN note TEXT;   -- why a value is not plainly ok
)sql",
    // E-mail (issue 5). A message is stored once, known by its Message-ID (by its bytes when it has none), with
    // every place it was seen; its attachments are sources (channel email, or photo for ID photos) shared with any
    // other message that carried the same bytes, and linked here under the name each message gave them.
    R"sql(
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  message_id TEXT UNIQUE,           -- as written, <…>; null when the message has none
  sha256 TEXT NOT NULL UNIQUE,      -- of the message as first stored
  size INTEGER NOT NULL,
  blob TEXT NOT NULL,               -- the raw message, relative to the blob folder
  from_name TEXT,
  from_address TEXT,
  date TEXT,                        -- ISO 8601 with the sender's UTC offset
  date_source TEXT CHECK (date_source IN ('date_header', 'received_header')),
  received TEXT,                    -- YYYY-MM-DD in China Standard Time, what deadlines are checked against
  subject TEXT NOT NULL,
  recommender TEXT,                 -- the unit the subject names; null when it names none
  problems TEXT NOT NULL DEFAULT '[]', -- JSON [{severity, reason}], reported again whenever the message is met
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE message_origins (
  message_row INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  origin TEXT NOT NULL,             -- the mbox and position, the Maildir file or the .eml file it was read from
  run_id INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (message_row, origin)
);
CREATE TABLE message_attachments (
  message_row INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  part_path TEXT NOT NULL,          -- IMAP body part number; a ZIP entry adds /n
  name TEXT NOT NULL,               -- decoded bare file name
  media_type TEXT NOT NULL,         -- as declared (sniffed for ZIP entries)
  role TEXT NOT NULL CHECK (role IN ('pages', 'photo', 'archive', 'unread')),
  forwarded INTEGER NOT NULL DEFAULT 0,
  source_id INTEGER REFERENCES sources(id),  -- null for a ZIP itself and for bytes that could not be read
  problem TEXT,
  PRIMARY KEY (message_row, part_path)
);
CREATE INDEX message_attachments_by_source ON message_attachments(source_id);
-- Where the last visit of an IMAP mailbox ended (RFC 3501 section 2.3.1.1): the next visit asks only for UIDs above
-- last_uid, and starts over when the server's UIDVALIDITY changed.
CREATE TABLE imap_mailboxes (
  url TEXT PRIMARY KEY,             -- imap[s]://user@host[:port]/MAILBOX, without any password
  uidvalidity INTEGER NOT NULL,
  last_uid INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
)sql",
    // ID photos (issue 6). A photo's own checks (bytes and file name) are kept apart from its match to a nominee,
    // which is made again whenever nominees become known (`intake check`, scans, mail): `problems` is both.
    R"sql(
ALTER TABLE nominees ADD COLUMN birth TEXT;             -- YYYY-MM-DD from the ID number, else YYYY-MM (出生年月)
ALTER TABLE photos ADD COLUMN recommender TEXT;         -- who sent it: the message's subject, or its folder
ALTER TABLE photos ADD COLUMN checks TEXT NOT NULL DEFAULT '[]';   -- JSON [{problem, message, severity}]
ALTER TABLE photos ADD COLUMN measured TEXT NOT NULL DEFAULT '{}'; -- JSON: what each check measured
CREATE INDEX photos_by_nominee ON photos(nominee_id);
)sql"};

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations.size()); }

Result<int> migrate(sql::Database& db) {
  auto version_query = db.prepare("PRAGMA user_version");
  version_query.step();
  const int current = static_cast<int>(version_query.column_int(0));
  version_query.reset();
  if (current > latest_schema_version())
    return Error{fmt::format("database schema version {} is newer than this intake understands ({})", current,
                             latest_schema_version())};
  for (int version = current; version < latest_schema_version(); ++version) {
    sql::Transaction transaction(db);
    db.execute(migrations[static_cast<std::size_t>(version)]);
    db.execute(fmt::format("PRAGMA user_version = {}", version + 1));
    transaction.commit();
  }
  return latest_schema_version();
}

}  // namespace intake
