#include "share/community_schema.h"

#include <array>

#include "store/sqlite/migrator.h"

namespace kenes::share {
namespace {

using store::sqlite::Connection;

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
    // 2: each organisation's default TLP level, for what its users write without one.
    R"sql(
      ALTER TABLE organisations ADD COLUMN default_tlp TEXT NOT NULL DEFAULT 'amber';
    )sql",
};

}  // namespace

Status MigrateCommunity(Connection& connection) {
  return store::sqlite::Migrate(
      connection, store::sqlite::SchemaHistory{kApplicationId, "Kenes community database", kMigrations},
      kLatestCommunitySchemaVersion);
}

}  // namespace kenes::share
