#include "store/sqlite/migrator.h"

#include <fmt/format.h>

namespace kenes::store::sqlite {
namespace {

Result<int64_t> ReadInteger(Connection& connection, const char* sql) {
  KENES_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
  KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return Status::Internal(fmt::format("'{}' returned nothing", sql));
  return statement.Int(0);
}

Status MigrateInTransaction(Connection& connection, const SchemaHistory& history, int target_version) {
  KENES_ASSIGN_OR_RETURN(int64_t application_id, ReadInteger(connection, "PRAGMA application_id"));
  KENES_ASSIGN_OR_RETURN(int64_t version, ReadInteger(connection, "PRAGMA user_version"));
  KENES_ASSIGN_OR_RETURN(int64_t schema_entries, ReadInteger(connection, "SELECT count(*) FROM sqlite_schema"));
  // A new file has neither mark nor tables; anything else without our mark is someone else's.
  const bool new_file = application_id == 0 && version == 0 && schema_entries == 0;
  if (application_id != history.application_id && !new_file) {
    return Status::InvalidArgument(fmt::format("the database is not a {}", history.kind));
  }
  if (version > target_version) {
    return Status::InvalidArgument(fmt::format(
        "the {} has schema version {}, written by a newer Kenes release; this release reads up to version {}: "
        "upgrade Kenes to open it",
        history.kind, version, target_version));
  }
  if (version == target_version) return Status::Ok();
  for (int step = static_cast<int>(version) + 1; step <= target_version; ++step) {
    KENES_RETURN_IF_ERROR(connection.Execute(history.steps[static_cast<size_t>(step - 1)]));
  }
  return connection.Execute(
      fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", history.application_id, target_version));
}

}  // namespace

Status Migrate(Connection& connection, const SchemaHistory& history, int target_version) {
  if (target_version < 1 || static_cast<size_t>(target_version) > history.steps.size()) {
    return Status::InvalidArgument(fmt::format("no {} schema version {}", history.kind, target_version));
  }
  // IMMEDIATE: two processes opening a new database at once must not both migrate it.
  KENES_RETURN_IF_ERROR(connection.Execute("BEGIN IMMEDIATE"));
  Status status = MigrateInTransaction(connection, history, target_version);
  if (!status.ok()) {
    (void)connection.Execute("ROLLBACK");  // the migration's error is the one worth reporting
    return status;
  }
  return connection.Execute("COMMIT");
}

Result<std::unique_ptr<Connection>> OpenDurable(const std::filesystem::path& file, const SchemaHistory& history) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         Connection::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  KENES_RETURN_IF_ERROR(
      connection->Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"));
  KENES_RETURN_IF_ERROR(Migrate(*connection, history, static_cast<int>(history.steps.size())));
  return connection;
}

}  // namespace kenes::store::sqlite
