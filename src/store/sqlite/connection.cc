#include "store/sqlite/connection.h"

#include <fmt/format.h>

namespace kenes::store::sqlite {

Status SqliteError(sqlite3* db, int code, std::string_view context) {
  std::string message = fmt::format("{}: {}", context, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(message));
    case SQLITE_FULL:
    case SQLITE_TOOBIG:
      return Status::ResourceExhausted(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_INTERNAL:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return Status::Internal(std::move(message));
    default:
      return Status::IoError(std::move(message));
  }
}

Statement::~Statement() {
  if (statement_ == nullptr) return;
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Result<bool> Statement::Step() {
  stepped_ = true;
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return SqliteError(sqlite3_db_handle(statement_), code, sqlite3_sql(statement_));
}

Status Statement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  return row.status();
}

std::string_view Statement::Text(int column) const {
  auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return text ? std::string_view(text, sqlite3_column_bytes(statement_, column)) : std::string_view();
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& file, int flags) {
  sqlite3* db = nullptr;
  int code = sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    Status status = SqliteError(db, code, fmt::format("opening {}", file.string()));
    sqlite3_close_v2(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  // Readers and the checkpointer briefly contend with the writer for locks.
  sqlite3_busy_timeout(db, 10'000);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

Status Connection::Execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code == SQLITE_OK) return Status::Ok();
  sqlite3_free(error);  // the same text as sqlite3_errmsg, which SqliteError reads
  return SqliteError(db_, code, text.substr(0, 80));
}

Status Connection::Run(const std::string& sql) {
  KENES_ASSIGN_OR_RETURN(Statement statement, Prepare(sql));
  return statement.Run();
}

Result<Statement> Connection::Prepare(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) return Statement(found->second);
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &statement, nullptr);
  if (code != SQLITE_OK) return SqliteError(db_, code, fmt::format("preparing {}", sql));
  statements_.emplace(sql, statement);
  return Statement(statement);
}

}  // namespace kenes::store::sqlite
