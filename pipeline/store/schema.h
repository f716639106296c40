#pragma once
// The store's schema as an ordered list of migrations; PRAGMA user_version counts how many have run.
#include "models/result.h"
#include "pipeline/store/sqlite.h"

namespace intake {

int latest_schema_version();

// Brings the database up to the latest version, each migration in its own transaction. Refuses a database that a
// newer intake has written, rather than guess at its tables.
Result<int> migrate(sql::Database& db);

}  // namespace intake
