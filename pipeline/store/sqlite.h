#pragma once
// A thin RAII layer over the sqlite3 C API: a connection, prepared statements, and a transaction that rolls back
// unless committed. Not thread-safe: one Database per thread.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "models/result.h"

namespace intake::sql {

struct DatabaseDeleter {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

using Null = std::monostate;
using Value = std::variant<Null, std::int64_t, double, std::string>;

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, Null);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, Null{});
  }

  // True while a row is available; throws std::runtime_error on SQL errors (a bug, or a broken database).
  bool step();
  void run() { step(); }  // for statements that return no rows
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::optional<std::string> column_optional_text(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  bool column_is_null(int index) const;

 private:
  std::unique_ptr<sqlite3_stmt, StatementDeleter> stmt_;
};

class Database {
 public:
  // Opens (creating if needed) the file; a new file is created owner-only (0600) because it holds personal data.
  static Result<Database> open(const std::filesystem::path& path);
  static Result<Database> open_in_memory();

  void execute(std::string_view sql);  // throws on error
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  sqlite3* handle() const { return db_.get(); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, DatabaseDeleter> db_;
};

class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace intake::sql
