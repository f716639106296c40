#include "pipeline/store/sqlite.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace intake::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(fmt::format("SQLite: {}: {}", what, db ? sqlite3_errmsg(db) : "no connection"));
}

// Every connection: foreign keys enforced, WAL so readers never block the writer, a busy timeout for the
// moment another intake process holds the write lock.
std::optional<std::string> configure(sqlite3* db) {
  sqlite3_busy_timeout(db, 10'000);
  sqlite3_extended_result_codes(db, 1);
  char* message = nullptr;
  const char* setup =
      "PRAGMA foreign_keys = ON;"
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = NORMAL;";
  if (sqlite3_exec(db, setup, nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
  std::string reason = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  return reason;
}

}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) fail(sqlite3_db_handle(stmt_.get()), "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK) fail(sqlite3_db_handle(stmt_.get()), "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK)
    fail(sqlite3_db_handle(stmt_.get()), "bind");
  return *this;
}

Statement& Statement::bind(int index, Null) {
  if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) fail(sqlite3_db_handle(stmt_.get()), "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(stmt_.get());
    return false;
  }
  sqlite3* db = sqlite3_db_handle(stmt_.get());
  const std::string message = fmt::format("{} in `{}`", sqlite3_errmsg(db), sqlite3_sql(stmt_.get()));
  sqlite3_reset(stmt_.get());
  throw std::runtime_error("SQLite: " + message);
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_.get(), index); }
double Statement::column_double(int index) const { return sqlite3_column_double(stmt_.get(), index); }

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_.get(), index);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index))};
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_int(index);
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL; }

Result<Database> Database::open(const std::filesystem::path& path) {
  // Create the file ourselves so its mode is 0600 whatever the umask; SQLite gives the -wal and -shm files the
  // main file's mode.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error{fmt::format("cannot create {}: {}", path.string(), std::strerror(errno))};
  ::close(fd);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return Error{fmt::format("cannot open {}: {}", path.string(), sqlite3_errstr(rc))};
  if (auto problem = configure(raw)) return Error{fmt::format("{}: {}", path.string(), *problem)};
  return db;
}

Result<Database> Database::open_in_memory() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return Error{fmt::format("cannot open in-memory database: {}", sqlite3_errstr(rc))};
  if (auto problem = configure(raw)) return Error{*problem};
  return db;
}

void Database::execute(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : sqlite3_errmsg(db_.get());
    sqlite3_free(message);
    throw std::runtime_error("SQLite: " + reason);
  }
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    fail(db_.get(), fmt::format("prepare `{}`", sql));
  return Statement(stmt);
}

Transaction::Transaction(Database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.execute("COMMIT");
  done_ = true;
}

}  // namespace intake::sql
