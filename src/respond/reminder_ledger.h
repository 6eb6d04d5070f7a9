// ReminderLedger: which due and overdue reminders the node has sent, kept
// durably so a task is reminded once per kind ("task.due", "task.overdue"),
// also across restarts of `kenes serve`.
//
// Kept in <data_dir>/respond.db (SQLite, WAL, synchronous FULL), apart from
// the object store: reminders are the node's own bookkeeping, not
// intelligence to share. A reminder is claimed before it is published, so a
// crash in between loses that one reminder rather than sending it twice.
//
// Thread-safety: every method may be called from any thread (one mutex).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace kenes::respond {

class ReminderLedger {
 public:
  // Opens (creating when absent) the ledger at `file`.
  static Result<std::unique_ptr<ReminderLedger>> Open(const std::filesystem::path& file);

  // The ledger file of a data directory.
  static std::filesystem::path FileIn(const std::filesystem::path& data_dir) { return data_dir / "respond.db"; }

  // True the first time (task_id, kind) is claimed, durably; false ever after.
  Result<bool> Claim(std::string_view task_id, std::string_view kind);

 private:
  explicit ReminderLedger(std::unique_ptr<store::sqlite::Connection> connection) : connection_(std::move(connection)) {}

  std::mutex mutex_;
  std::unique_ptr<store::sqlite::Connection> connection_;
};

}  // namespace kenes::respond
