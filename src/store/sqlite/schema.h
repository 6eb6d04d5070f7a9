// Schema: the SQLite store's tables and the migrations that build them.
//
// The database records its schema version in PRAGMA user_version and that it
// is a Kenes store in PRAGMA application_id. Migrations are numbered steps
// applied in order, all in one transaction, so a database is always at some
// release's version and never half-migrated. A database written by a newer
// release is refused rather than misread. Not thread-safe: call on the writer
// connection before anyone else uses the database.
#pragma once

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace kenes::store::sqlite {

// The schema version this release writes.
inline constexpr int kLatestSchemaVersion = 5;
inline constexpr int kLatestIndexSchemaVersion = 1;

// Brings the database to `target_version` (at most kLatestSchemaVersion).
// InvalidArgument if it is already newer than that or is not a Kenes store.
// REQUIRES: no transaction is open on `connection`.
Status Migrate(Connection& connection, int target_version = kLatestSchemaVersion);

// The same for the store's index database: the reference and full-text
// indexes, in a file of their own so that a second thread writes them while
// the first writes the versions (SQLite has one writer per database). It
// holds only what can be derived again from the versions.
Status MigrateIndex(Connection& connection);

}  // namespace kenes::store::sqlite
