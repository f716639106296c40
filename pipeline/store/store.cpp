#include "pipeline/store/store.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "pipeline/store/schema.h"

namespace intake {
namespace {

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::vector<Id> ids_from_json(const std::string& text) {
  std::vector<Id> ids;
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_array())
    for (const auto& id : parsed)
      if (id.is_number_integer()) ids.push_back(id.get<Id>());
  return ids;
}

std::vector<std::string> strings_from_json(const std::string& text) {
  std::vector<std::string> strings;
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_array())
    for (const auto& item : parsed)
      if (item.is_string()) strings.push_back(item.get<std::string>());
  return strings;
}

}  // namespace

Result<Store> Store::migrated(Result<sql::Database> db) {
  if (!db) return db.error();
  auto version = migrate(db.value());
  if (!version) return version.error();
  return Store(std::move(db).value());
}

Result<Store> Store::open(const std::filesystem::path& path) { return migrated(sql::Database::open(path)); }
Result<Store> Store::open_in_memory() { return migrated(sql::Database::open_in_memory()); }

Id Store::begin_run(const std::string& command) {
  db_.prepare("INSERT INTO runs (command, tool_version, started_at) VALUES (?, ?, ?)")
      .bind(1, command)
      .bind(2, INTAKE_VERSION)
      .bind(3, utc_now())
      .run();
  return db_.last_insert_id();
}

void Store::finish_run(Id run, const std::string& summary_json) {
  db_.prepare("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?")
      .bind(1, utc_now())
      .bind(2, summary_json)
      .bind(3, run)
      .run();
}

std::set<std::string> Store::source_hashes() {
  std::set<std::string> hashes;
  auto query = db_.prepare("SELECT sha256 FROM sources");
  while (query.step()) hashes.insert(query.column_text(0));
  return hashes;
}

std::optional<Id> Store::source_id(const std::string& sha256) {
  auto query = db_.prepare("SELECT id FROM sources WHERE sha256 = ?");
  query.bind(1, sha256);
  if (!query.step()) return std::nullopt;
  const Id id = query.column_int(0);
  query.reset();
  return id;
}

std::optional<std::string> Store::source_problem(Id source) {
  auto query = db_.prepare("SELECT problem FROM sources WHERE id = ?");
  query.bind(1, source);
  if (!query.step()) return std::nullopt;
  auto problem = query.column_optional_text(0);
  query.reset();
  return problem;
}

namespace {

constexpr const char* insert_field_sql =
    "INSERT INTO fields (document_id, field, row_index, value, raw_text, confidence, status, page_id, "
    "box_x, box_y, box_w, box_h, engine, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void insert_field_row(sql::Statement& insert, Id document, const NewField& field, std::optional<Id> page_row) {
  insert.bind(1, document)
      .bind(2, field.field)
      .bind(3, field.row_index)
      .bind(4, field.value_json)
      .bind(5, field.raw_text)
      .bind(6, field.confidence)
      .bind(7, std::string(name_of(field.status)))
      .bind(8, page_row);
  for (int i = 0; i < 4; ++i) insert.bind(9 + i, field.box ? std::optional<int>((*field.box)[i]) : std::nullopt);
  insert.bind(13, field.engine).bind(14, field.note).run();
  insert.reset();
}

// The documents, their pages and fields; the caller holds the transaction. A document's source is its first page's.
std::vector<Id> insert_documents(sql::Database& db, Id run, const std::vector<PagedDocument>& documents) {
  auto source_of = db.prepare("SELECT source_id FROM pages WHERE id = ?");
  auto insert_document = db.prepare(
      "INSERT INTO documents (form, round, channel, recommender, source_id, copies, run_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto insert_document_page =
      db.prepare("INSERT INTO document_pages (document_id, page_id, position) VALUES (?, ?, ?)");
  auto insert_field = db.prepare(insert_field_sql);
  std::vector<Id> ids;
  for (const PagedDocument& document : documents) {
    if (document.page_ids.empty()) continue;
    source_of.bind(1, document.page_ids.front());
    source_of.step();
    const Id source = source_of.column_int(0);
    source_of.reset();
    insert_document.bind(1, std::string(name_of(document.form)))
        .bind(2, document.round ? std::optional<std::string>(std::string(name_of(*document.round))) : std::nullopt)
        .bind(3, std::string(name_of(document.channel)))
        .bind(4, document.recommender)
        .bind(5, source)
        .bind(6, document.copies)
        .bind(7, run)
        .run();
    insert_document.reset();
    const Id document_row = db.last_insert_id();
    int position = 0;
    for (const Id page : document.page_ids) {
      insert_document_page.bind(1, document_row).bind(2, page).bind(3, ++position).run();
      insert_document_page.reset();
    }
    for (const NewField& field : document.fields) insert_field_row(insert_field, document_row, field, field.page_id);
    ids.push_back(document_row);
  }
  return ids;
}

struct InsertedFile {
  Id source = 0;
  std::map<int, Id> page_rows;  // page index → pages.id
};

// The source row, its pages and their reads; the caller holds the transaction.
InsertedFile insert_file(sql::Database& db, Id run, const ScannedFile& file, const NewSource& source,
                         const std::vector<std::string>& page_reads, const std::optional<std::string>& engine) {
  db.prepare(
        "INSERT INTO sources (sha256, size, media_type, channel, file, blob, received, message_id, page_count, "
        "problem, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, file.sha256)
      .bind(2, static_cast<std::int64_t>(file.size))
      .bind(3, std::string(media_type_name(file.media_type)))
      .bind(4, source.channel)
      .bind(5, source.file)
      .bind(6, source.blob)
      .bind(7, source.received)
      .bind(8, source.message_id)
      .bind(9, static_cast<std::int64_t>(file.pages.size()))
      .bind(10, file.problem)
      .bind(11, run)
      .run();
  InsertedFile inserted;
  inserted.source = db.last_insert_id();

  auto insert_page = db.prepare(
      "INSERT INTO pages (source_id, page_index, width, height, dpi, dpi_source, colour_mode, image_sha256) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const PageSummary& page : file.pages) {
    insert_page.bind(1, inserted.source)
        .bind(2, page.index)
        .bind(3, page.width)
        .bind(4, page.height)
        .bind(5, page.dpi)
        .bind(6, std::string(name_of(page.dpi_source)))
        .bind(7, std::string(name_of(page.mode)))
        .bind(8, page.image_sha256)
        .run();
    insert_page.reset();
    inserted.page_rows[page.index] = db.last_insert_id();
  }
  auto insert_read = db.prepare("INSERT INTO page_reads (page_id, read, engine) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < page_reads.size() && i < file.pages.size(); ++i) {
    insert_read.bind(1, inserted.page_rows.at(file.pages[i].index)).bind(2, page_reads[i]).bind(3, engine).run();
    insert_read.reset();
  }
  return inserted;
}

std::string problems_json(const std::vector<InputProblemRecord>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const InputProblemRecord& problem : problems)
    out.push_back({{"severity", name_of(problem.severity)}, {"reason", problem.reason}});
  return out.dump();
}

}  // namespace

Id Store::add_scanned_file(Id run, const ScannedFile& file, const NewSource& source,
                           const std::vector<NewDocument>& documents, const std::vector<std::string>& page_reads,
                           const std::optional<std::string>& engine) {
  sql::Transaction transaction(db_);
  if (const auto existing = source_id(file.sha256)) return *existing;
  const InsertedFile inserted = insert_file(db_, run, file, source, page_reads, engine);

  std::vector<PagedDocument> paged;
  for (const NewDocument& document : documents) {
    PagedDocument out{document.form, document.round, document.channel, document.recommender, {}, document.copies,
                      document.fields};
    for (const int page : document.pages) out.page_ids.push_back(inserted.page_rows.at(page));
    for (NewField& field : out.fields)
      if (field.page) field.page_id = inserted.page_rows.at(*field.page);
    paged.push_back(std::move(out));
  }
  insert_documents(db_, run, paged);
  transaction.commit();
  return inserted.source;
}

std::optional<Id> Store::find_message(const std::string& message_id, const std::string& sha256) {
  auto query = db_.prepare("SELECT id FROM messages WHERE message_id = ? OR sha256 = ? ORDER BY id LIMIT 1");
  query.bind(1, message_id.empty() ? std::nullopt : std::optional<std::string>(message_id)).bind(2, sha256);
  if (!query.step()) return std::nullopt;
  const Id id = query.column_int(0);
  query.reset();
  return id;
}

AddedMessage Store::add_message(Id run, const NewMessage& message, const std::optional<std::string>& engine) {
  sql::Transaction transaction(db_);
  AddedMessage added;
  std::vector<std::optional<Id>> sources;
  for (const NewAttachment& attachment : message.attachments) {
    std::optional<Id> source = attachment.sha256.empty() ? std::nullopt : source_id(attachment.sha256);
    const bool is_new = attachment.file && !source;
    if (is_new)
      source = insert_file(db_, run, *attachment.file,
                           {attachment.name, attachment.blob, message.received, message.message_id, attachment.channel},
                           attachment.page_reads, engine)
                   .source;
    sources.push_back(source);
    added.new_source.push_back(is_new);
  }

  db_.prepare(
         "INSERT INTO messages (message_id, sha256, size, blob, from_name, from_address, date, date_source, "
         "received, subject, recommender, problems, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, message.message_id)
      .bind(2, message.sha256)
      .bind(3, static_cast<std::int64_t>(message.size))
      .bind(4, message.blob)
      .bind(5, message.from_name)
      .bind(6, message.from_address)
      .bind(7, message.date)
      .bind(8, message.date_source)
      .bind(9, message.received)
      .bind(10, message.subject)
      .bind(11, message.recommender)
      .bind(12, problems_json(message.problems))
      .bind(13, run)
      .run();
  added.message = db_.last_insert_id();

  auto insert_attachment = db_.prepare(
      "INSERT INTO message_attachments (message_row, part_path, name, media_type, role, forwarded, source_id, "
      "problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < message.attachments.size(); ++i) {
    const NewAttachment& attachment = message.attachments[i];
    insert_attachment.bind(1, added.message)
        .bind(2, attachment.part_path)
        .bind(3, attachment.name)
        .bind(4, attachment.media_type)
        .bind(5, attachment.role)
        .bind(6, attachment.forwarded ? 1 : 0)
        .bind(7, sources[i])
        .bind(8, attachment.problem)
        .run();
    insert_attachment.reset();
  }
  add_message_origin(added.message, message.origin, run);
  transaction.commit();
  return added;
}

void Store::add_message_origin(Id message, const std::string& origin, Id run) {
  db_.prepare("INSERT OR IGNORE INTO message_origins (message_row, origin, run_id) VALUES (?, ?, ?)")
      .bind(1, message)
      .bind(2, origin)
      .bind(3, run)
      .run();
}

std::optional<ImapPosition> Store::imap_position(const std::string& url) {
  auto query = db_.prepare("SELECT uidvalidity, last_uid FROM imap_mailboxes WHERE url = ?");
  query.bind(1, url);
  if (!query.step()) return std::nullopt;
  const ImapPosition position{static_cast<std::uint32_t>(query.column_int(0)),
                              static_cast<std::uint32_t>(query.column_int(1))};
  query.reset();
  return position;
}

void Store::set_imap_position(const std::string& url, const ImapPosition& position, Id run) {
  db_.prepare(
         "INSERT INTO imap_mailboxes (url, uidvalidity, last_uid, run_id) VALUES (?, ?, ?, ?) "
         "ON CONFLICT (url) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
         "run_id = excluded.run_id")
      .bind(1, url)
      .bind(2, static_cast<std::int64_t>(position.uidvalidity))
      .bind(3, static_cast<std::int64_t>(position.last_uid))
      .bind(4, run)
      .run();
}

std::vector<InputProblemRecord> Store::message_problems(Id message) {
  std::vector<InputProblemRecord> problems;
  auto query = db_.prepare("SELECT problems FROM messages WHERE id = ?");
  query.bind(1, message);
  if (!query.step()) return problems;
  const auto parsed = nlohmann::json::parse(query.column_text(0), nullptr, false);
  query.reset();
  if (!parsed.is_array()) return problems;
  for (const auto& item : parsed)
    if (item.is_object())
      problems.push_back({severity_from(item.value("severity", "error")).value_or(Severity::error),
                          item.value("reason", "")});
  return problems;
}

std::vector<UnassignedPage> Store::unassigned_pages() {
  std::vector<UnassignedPage> pages;
  auto query = db_.prepare(
      "SELECT p.id, p.source_id, s.file, p.page_index, r.read, m.id, m.recommender FROM page_reads r "
      "JOIN pages p ON p.id = r.page_id JOIN sources s ON s.id = p.source_id "
      "LEFT JOIN messages m ON m.id = (SELECT min(a.message_row) FROM message_attachments a "
      "WHERE a.source_id = s.id AND s.channel != 'paper') "
      "WHERE NOT EXISTS (SELECT 1 FROM document_pages dp WHERE dp.page_id = p.id) "
      "ORDER BY p.source_id, p.page_index");
  while (query.step())
    pages.push_back({query.column_int(0), query.column_int(1), query.column_text(2),
                     static_cast<int>(query.column_int(3)), query.column_text(4), query.column_optional_int(5),
                     query.column_optional_text(6)});
  return pages;
}

std::vector<Id> Store::add_documents(Id run, const std::vector<PagedDocument>& documents) {
  sql::Transaction transaction(db_);
  std::vector<Id> ids = insert_documents(db_, run, documents);
  transaction.commit();
  return ids;
}

void Store::add_source_path(Id source, const std::string& path, Id run) {
  db_.prepare("INSERT OR IGNORE INTO source_paths (source_id, path, run_id) VALUES (?, ?, ?)")
      .bind(1, source)
      .bind(2, path)
      .bind(3, run)
      .run();
}

bool Store::add_finding(Id run, const Finding& finding) {
  db_.prepare(
         "INSERT OR IGNORE INTO findings (key, rule, severity, recommender, subject, field, documents, file, "
         "message, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, finding.key)
      .bind(2, finding.rule)
      .bind(3, std::string(name_of(finding.severity)))
      .bind(4, finding.recommender)
      .bind(5, finding.subject)
      .bind(6, finding.field)
      .bind(7, nlohmann::json(finding.documents).dump())
      .bind(8, finding.file)
      .bind(9, finding.message)
      .bind(10, run)
      .run();
  return db_.changes() > 0;
}

int Store::replace_findings(Id run, const std::string& key_prefix, const std::vector<Finding>& findings) {
  sql::Transaction transaction(db_);
  std::set<std::string> keys;
  for (const Finding& finding : findings) keys.insert(finding.key);
  std::vector<std::string> stale;
  auto existing = db_.prepare("SELECT key FROM findings WHERE substr(key, 1, ?) = ?");
  existing.bind(1, static_cast<std::int64_t>(key_prefix.size())).bind(2, key_prefix);
  while (existing.step())
    if (!keys.contains(existing.column_text(0))) stale.push_back(existing.column_text(0));
  auto remove = db_.prepare("DELETE FROM findings WHERE key = ?");
  for (const std::string& key : stale) {
    remove.bind(1, key).run();
    remove.reset();
  }
  int added = 0;
  for (const Finding& finding : findings)
    if (add_finding(run, finding)) ++added;
  transaction.commit();
  return added;
}

std::vector<UncheckedPhoto> Store::unchecked_photos() {
  std::vector<UncheckedPhoto> photos;
  auto query = db_.prepare(
      "SELECT s.id, s.sha256, s.file, s.blob, m.recommender FROM sources s "
      "LEFT JOIN messages m ON m.id = (SELECT min(a.message_row) FROM message_attachments a WHERE a.source_id = s.id) "
      "WHERE s.channel = 'photo' AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.source_id = s.id) ORDER BY s.id");
  while (query.step())
    photos.push_back({query.column_int(0), query.column_text(1), query.column_text(2), query.column_text(3),
                      query.column_optional_text(4)});
  return photos;
}

Id Store::add_photo(Id source, const NewPhoto& photo) {
  db_.prepare(
         "INSERT OR IGNORE INTO photos (source_id, file, name, birth, recommender, checks, measured, ok, problems) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, source)
      .bind(2, photo.file)
      .bind(3, photo.name)
      .bind(4, photo.birth)
      .bind(5, photo.recommender)
      .bind(6, photo.checks_json)
      .bind(7, photo.measured_json)
      .bind(8, 0)  // set by the match, which adds the nominee's problems
      .bind(9, std::string("[]"))
      .run();
  auto query = db_.prepare("SELECT id FROM photos WHERE source_id = ?");
  query.bind(1, source);
  query.step();
  const Id id = query.column_int(0);
  query.reset();
  return id;
}

void Store::set_photo_match(Id photo, std::optional<Id> nominee, const std::vector<std::string>& problems) {
  db_.prepare("UPDATE photos SET nominee_id = ?, problems = ?, ok = ? WHERE id = ?")
      .bind(1, nominee)
      .bind(2, nlohmann::json(problems).dump())
      .bind(3, problems.empty() ? 1 : 0)
      .bind(4, photo)
      .run();
}

void Store::store_nominees(const std::vector<NewNominee>& nominees) {
  sql::Transaction transaction(db_);
  // `recommender IS ?`: the UNIQUE constraint lets NULL recommenders repeat, so the lookup is by hand.
  auto find = db_.prepare("SELECT id FROM nominees WHERE kind = ? AND recommender IS ? AND name = ?");
  auto insert = db_.prepare("INSERT INTO nominees (kind, recommender, name) VALUES (?, ?, ?)");
  auto update = db_.prepare(
      "UPDATE nominees SET unit_name = coalesce(?, unit_name), birth = coalesce(?, birth) WHERE id = ?");
  auto link = db_.prepare("INSERT OR IGNORE INTO nominee_documents (nominee_id, document_id) VALUES (?, ?)");
  for (const NewNominee& nominee : nominees) {
    find.bind(1, nominee.kind).bind(2, nominee.recommender).bind(3, nominee.name);
    std::optional<Id> id;
    if (find.step()) id = find.column_int(0);
    find.reset();
    if (!id) {
      insert.bind(1, nominee.kind).bind(2, nominee.recommender).bind(3, nominee.name).run();
      insert.reset();
      id = db_.last_insert_id();
    }
    update.bind(1, nominee.unit_name).bind(2, nominee.birth).bind(3, *id).run();
    update.reset();
    for (const Id document : nominee.documents) {
      link.bind(1, *id).bind(2, document).run();
      link.reset();
    }
  }
  transaction.commit();
}

std::vector<StoredDocument> Store::documents() {
  std::vector<StoredDocument> documents;
  std::map<Id, std::size_t> position_of;
  auto query = db_.prepare(
      "SELECT d.id, d.form, d.round, d.channel, d.recommender, d.copies, s.file, s.sha256, s.message_id, "
      "s.received FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.id");
  while (query.step()) {
    StoredDocument document;
    document.id = query.column_int(0);
    document.form = form_kind_from(query.column_text(1)).value_or(FormKind::unknown);
    if (const auto round = query.column_optional_text(2)) document.round = round_from(*round);
    document.channel = channel_from(query.column_text(3)).value_or(Channel::paper);
    document.recommender = query.column_optional_text(4);
    document.copies = static_cast<int>(query.column_int(5));
    document.source.file = query.column_text(6);
    document.source.sha256 = query.column_text(7);
    document.source.message_id = query.column_optional_text(8);
    document.source.received = query.column_optional_text(9);
    position_of[document.id] = documents.size();
    documents.push_back(std::move(document));
  }

  // A document's pages in its own source file are source.pages; when it spans files, parts lists every file.
  auto pages = db_.prepare(
      "SELECT dp.document_id, p.page_index, s.file, p.source_id = d.source_id FROM document_pages dp "
      "JOIN pages p ON p.id = dp.page_id JOIN sources s ON s.id = p.source_id "
      "JOIN documents d ON d.id = dp.document_id ORDER BY dp.document_id, dp.position");
  while (pages.step()) {
    StoredDocument& document = documents[position_of.at(pages.column_int(0))];
    const int page = static_cast<int>(pages.column_int(1));
    const std::string file = pages.column_text(2);
    if (pages.column_int(3)) document.source.pages.push_back(page);
    if (document.parts.empty() || document.parts.back().file != file) document.parts.push_back({file, {}});
    document.parts.back().pages.push_back(page);
  }
  for (StoredDocument& document : documents)
    if (document.parts.size() < 2) document.parts.clear();

  auto fields = db_.prepare(
      "SELECT f.document_id, f.field, f.row_index, f.value, f.confidence, f.status, p.page_index, "
      "f.box_x, f.box_y, f.box_w, f.box_h, f.note, CASE WHEN p.source_id != d.source_id THEN s.file END "
      "FROM fields f JOIN documents d ON d.id = f.document_id LEFT JOIN pages p ON p.id = f.page_id "
      "LEFT JOIN sources s ON s.id = p.source_id ORDER BY f.document_id, f.id");
  while (fields.step()) {
    StoredField field;
    field.field = fields.column_text(1);
    if (const auto row = fields.column_optional_int(2)) field.row_index = static_cast<int>(*row);
    field.value_json = fields.column_optional_text(3);
    if (!fields.column_is_null(4)) field.confidence = fields.column_double(4);
    field.status = field_status_from(fields.column_text(5)).value_or(FieldStatus::review);
    if (const auto page = fields.column_optional_int(6)) field.page = static_cast<int>(*page);
    if (!fields.column_is_null(7))
      field.box = std::array<int, 4>{static_cast<int>(fields.column_int(7)), static_cast<int>(fields.column_int(8)),
                                     static_cast<int>(fields.column_int(9)), static_cast<int>(fields.column_int(10))};
    field.note = fields.column_optional_text(11);
    field.file = fields.column_optional_text(12);
    documents[position_of.at(fields.column_int(0))].fields.push_back(std::move(field));
  }
  return documents;
}

std::vector<StoredNominee> Store::nominees() {
  std::vector<StoredNominee> nominees;
  std::map<Id, std::size_t> position_of;
  auto query = db_.prepare(
      "SELECT n.id, n.kind, n.recommender, n.name, n.unit_name, "
      "(SELECT ph.id FROM photos ph WHERE ph.nominee_id = n.id ORDER BY ph.ok DESC, ph.id LIMIT 1), n.birth "
      "FROM nominees n ORDER BY n.id");
  while (query.step()) {
    StoredNominee nominee;
    nominee.id = query.column_int(0);
    nominee.kind = query.column_text(1);
    nominee.recommender = query.column_optional_text(2);
    nominee.name = query.column_text(3);
    nominee.unit_name = query.column_optional_text(4);
    nominee.photo = query.column_optional_int(5);
    nominee.birth = query.column_optional_text(6);
    position_of[nominee.id] = nominees.size();
    nominees.push_back(std::move(nominee));
  }
  auto links = db_.prepare("SELECT nominee_id, document_id FROM nominee_documents ORDER BY nominee_id, document_id");
  while (links.step()) nominees[position_of.at(links.column_int(0))].documents.push_back(links.column_int(1));
  return nominees;
}

std::vector<StoredPhoto> Store::photos() {
  std::vector<StoredPhoto> photos;
  auto query = db_.prepare(
      "SELECT p.id, p.file, p.name, p.birth, p.ok, p.problems, s.sha256, p.recommender, p.nominee_id, p.checks, "
      "p.measured FROM photos p JOIN sources s ON s.id = p.source_id ORDER BY p.id");
  while (query.step()) {
    StoredPhoto photo;
    photo.id = query.column_int(0);
    photo.file = query.column_text(1);
    photo.name = query.column_optional_text(2);
    photo.birth = query.column_optional_text(3);
    photo.ok = query.column_int(4) != 0;
    photo.problems = strings_from_json(query.column_text(5));
    photo.sha256 = query.column_text(6);
    photo.recommender = query.column_optional_text(7);
    photo.nominee = query.column_optional_int(8);
    photo.checks_json = query.column_text(9);
    photo.measured_json = query.column_text(10);
    photos.push_back(std::move(photo));
  }
  return photos;
}

std::vector<StoredFinding> Store::findings() {
  std::vector<StoredFinding> findings;
  auto query = db_.prepare(
      "SELECT id, key, rule, severity, recommender, subject, field, documents, file, message FROM findings "
      "ORDER BY id");
  while (query.step()) {
    StoredFinding stored;
    stored.id = query.column_int(0);
    stored.finding.key = query.column_text(1);
    stored.finding.rule = query.column_text(2);
    stored.finding.severity = severity_from(query.column_text(3)).value_or(Severity::error);
    stored.finding.recommender = query.column_optional_text(4);
    stored.finding.subject = query.column_optional_text(5);
    stored.finding.field = query.column_optional_text(6);
    stored.finding.documents = ids_from_json(query.column_text(7));
    stored.finding.file = query.column_optional_text(8);
    stored.finding.message = query.column_text(9);
    findings.push_back(std::move(stored));
  }
  return findings;
}

std::map<std::string, std::int64_t> Store::table_counts() {
  std::map<std::string, std::int64_t> counts;
  for (const char* table : {"runs", "sources", "source_paths", "pages", "documents", "fields", "nominees", "photos",
                            "findings", "messages", "message_origins", "message_attachments"}) {
    auto query = db_.prepare(fmt::format("SELECT count(*) FROM {}", table));
    query.step();
    counts[table] = query.column_int(0);
    query.reset();
  }
  return counts;
}

}  // namespace intake
