// Community schema: the tables of <data_dir>/community.db and their migrations.
//
// The community (organisations, users, API keys, sharing groups) and the
// audit log live in their own SQLite file, not in kenes.db: they are small,
// change rarely, hold secrets (key hashes, password hashes) that must never
// travel with an object export or a store copy, and an administrative change
// commits in one transaction with its audit entry. The file records its
// schema version in PRAGMA user_version and is marked as a Kenes community
// database in PRAGMA application_id; migrations are numbered steps applied in
// one transaction, like the object store's (store/sqlite/schema.h). Not
// thread-safe: call before anyone else uses the connection.
#pragma once

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace kenes::share {

inline constexpr int kLatestCommunitySchemaVersion = 2;

// Brings the database to the latest version; InvalidArgument if it is newer
// or not a Kenes community database. REQUIRES: no open transaction.
Status MigrateCommunity(store::sqlite::Connection& connection);

}  // namespace kenes::share
