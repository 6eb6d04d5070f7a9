#include "respond/reminder_ledger.h"

#include <sqlite3.h>

namespace kenes::respond {

using store::sqlite::Connection;
using store::sqlite::Statement;

Result<std::unique_ptr<ReminderLedger>> ReminderLedger::Open(const std::filesystem::path& file) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         Connection::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  KENES_RETURN_IF_ERROR(
      connection->Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                          "CREATE TABLE IF NOT EXISTS task_reminders (task_id TEXT NOT NULL, kind TEXT NOT NULL, "
                          "PRIMARY KEY (task_id, kind)) WITHOUT ROWID;"));
  return std::unique_ptr<ReminderLedger>(new ReminderLedger(std::move(connection)));
}

Result<bool> ReminderLedger::Claim(std::string_view task_id, std::string_view kind) {
  std::lock_guard lock(mutex_);
  KENES_ASSIGN_OR_RETURN(Statement insert,
                         connection_->Prepare("INSERT OR IGNORE INTO task_reminders (task_id, kind) VALUES (?, ?)"));
  insert.BindText(1, task_id);
  insert.BindText(2, kind);
  KENES_RETURN_IF_ERROR(insert.Run());
  return sqlite3_changes(connection_->handle()) == 1;
}

}  // namespace kenes::respond
