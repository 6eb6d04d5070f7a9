// Connection: one SQLite connection with its cache of prepared statements.
//
// Preparing a statement costs about as much as running a point query, so each
// connection keeps what it prepared and hands out Statements that reset
// themselves when they go out of scope. Thread-compatible: a Connection and
// its Statements belong to one thread at a time (the store opens them with
// SQLITE_OPEN_NOMUTEX and hands each to one thread).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/status.h"

namespace kenes::store::sqlite {

// A prepared statement borrowed from a Connection; resets and clears its
// bindings when destroyed so the next borrower starts clean.
class Statement {
 public:
  Statement(sqlite3_stmt* statement) : statement_(statement) {}  // NOLINT: implicit by design
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)), stepped_(other.stepped_) {}
  ~Statement();

  // Parameters are numbered from 1. Binding after a Step starts the
  // statement over, keeping the other bindings. Text is bound without a
  // copy: it must outlive the statement's next Step.
  void BindInt(int index, int64_t value) { sqlite3_bind_int64(Rewound(), index, value); }
  void BindText(int index, std::string_view value) {
    sqlite3_bind_text(Rewound(), index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  }
  void BindNull(int index) { sqlite3_bind_null(Rewound(), index); }

  // True when a row is available, false when done.
  Result<bool> Step();
  // Steps to the end, for statements that return no rows.
  Status Run();

  // Columns are numbered from 0; views die at the next Step.
  int64_t Int(int column) const { return sqlite3_column_int64(statement_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::string_view Text(int column) const;

 private:
  // SQLite refuses bindings while a statement is under way.
  sqlite3_stmt* Rewound() {
    if (stepped_) sqlite3_reset(statement_);
    stepped_ = false;
    return statement_;
  }

  sqlite3_stmt* statement_;
  bool stepped_ = false;
};

class Connection {
 public:
  // `flags` as for sqlite3_open_v2; SQLITE_OPEN_NOMUTEX is always added.
  static Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& file, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows we need.
  Status Execute(std::string_view sql);
  // Runs one statement that returns no rows, prepared once and cached: for
  // what runs on every read or write (BEGIN, COMMIT), where Execute's
  // parsing each time would cost as much as a point query.
  Status Run(const std::string& sql);
  // A cached statement for `sql`, prepared on first use.
  Result<Statement> Prepare(const std::string& sql);

  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// The Status for an SQLite result code, with `context` and SQLite's message.
Status SqliteError(sqlite3* db, int code, std::string_view context);

}  // namespace kenes::store::sqlite
