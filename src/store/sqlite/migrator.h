// Migrator: brings an SQLite database of Kenes' to the schema this release
// writes, for every database Kenes keeps (the object store, the community).
//
// A database records what it is in PRAGMA application_id and its schema
// version in PRAGMA user_version. Migrations are numbered steps applied in
// order, all in one transaction, so a database is always at some release's
// version and never half-migrated. A database written by a newer release, or
// one that is not of the expected kind, is refused rather than misread.
// Not thread-safe: run on one connection before anyone else uses the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace kenes::store::sqlite {

struct SchemaHistory {
  int64_t application_id;              // marks the file as this kind of database
  std::string_view kind;               // "Kenes store": names it in errors
  std::span<const char* const> steps;  // steps[N-1] brings version N-1 to N; released steps never change
};

// Applies the steps after the database's version up to `target_version`
// (1..steps.size()). InvalidArgument when the file is another kind of
// database or newer than `target_version`.
// REQUIRES: no transaction is open on `connection`.
Status Migrate(Connection& connection, const SchemaHistory& history, int target_version);

// Opens (creating) the database in `file` as the node's own records are
// kept: WAL, synchronous FULL (a write acknowledged survives power loss),
// foreign keys enforced, migrated to the last of `history`'s steps.
Result<std::unique_ptr<Connection>> OpenDurable(const std::filesystem::path& file, const SchemaHistory& history);

}  // namespace kenes::store::sqlite
