#include "share/community_schema.h"

#include <fmt/format.h>

#include <array>

namespace kenes::share {
namespace {

using store::sqlite::Connection;
using store::sqlite::Statement;

// "KNSC": marks the file as a Kenes community database.
constexpr int64_t kApplicationId = 0x4B4E5343;

// Step N brings a database from version N-1 to N; released steps never change.
constexpr std::array<const char*, kLatestCommunitySchemaVersion> kMigrations = {
    // 1: the first release. Times are microseconds since the epoch.
    R"sql(
      CREATE TABLE organisations(
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        standing TEXT NOT NULL CHECK (standing IN ('member', 'partner')),
        country TEXT NOT NULL,
        parent_id TEXT REFERENCES organisations(id),
        created TEXT NOT NULL,
        modified TEXT NOT NULL);
      CREATE TABLE users(
        name TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        role TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'org-admin', 'admin')),
        password_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_us INTEGER NOT NULL);
      CREATE TABLE api_keys(
        key_id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users(name),
        hash TEXT NOT NULL,
        label TEXT NOT NULL,
        created_us INTEGER NOT NULL,
        expires_us INTEGER,
        revoked_us INTEGER);
      CREATE TABLE sharing_groups(
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        owner_id TEXT NOT NULL REFERENCES organisations(id));
      CREATE TABLE sharing_group_members(
        group_id TEXT NOT NULL REFERENCES sharing_groups(id),
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (group_id, organisation_id)) WITHOUT ROWID;
      CREATE TABLE audit_log(
        sequence INTEGER PRIMARY KEY,
        time_us INTEGER NOT NULL,
        actor TEXT NOT NULL,
        organisation TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        source TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL);
      CREATE INDEX audit_log_by_actor ON audit_log(actor);
      -- Append-only for Kenes itself; someone editing the file directly is caught by the hash chain.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
};

Result<int64_t> ReadPragma(Connection& connection, const char* name) {
  KENES_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(fmt::format("PRAGMA {}", name)));
  KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return Status::Internal(fmt::format("PRAGMA {} returned nothing", name));
  return statement.Int(0);
}

Status MigrateInTransaction(Connection& connection) {
  KENES_ASSIGN_OR_RETURN(int64_t application_id, ReadPragma(connection, "application_id"));
  KENES_ASSIGN_OR_RETURN(int64_t version, ReadPragma(connection, "user_version"));
  if (application_id != kApplicationId && !(application_id == 0 && version == 0)) {
    return Status::InvalidArgument("the database is not a Kenes community database");
  }
  if (version > kLatestCommunitySchemaVersion) {
    return Status::InvalidArgument(fmt::format(
        "the community database has schema version {}, written by a newer Kenes release; this release reads up "
        "to version {}",
        version, kLatestCommunitySchemaVersion));
  }
  if (version == kLatestCommunitySchemaVersion) return Status::Ok();
  for (int step = static_cast<int>(version) + 1; step <= kLatestCommunitySchemaVersion; ++step) {
    KENES_RETURN_IF_ERROR(connection.Execute(kMigrations[step - 1]));
  }
  return connection.Execute(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId,
                                        kLatestCommunitySchemaVersion));
}

}  // namespace

Status MigrateCommunity(Connection& connection) {
  KENES_RETURN_IF_ERROR(connection.Execute("BEGIN IMMEDIATE"));
  Status status = MigrateInTransaction(connection);
  if (!status.ok()) {
    (void)connection.Execute("ROLLBACK");  // the migration's error is the one worth reporting
    return status;
  }
  return connection.Execute("COMMIT");
}

}  // namespace kenes::share
