#include "share/write_transaction.h"

namespace kenes::share {

Status InWriteTransaction(store::sqlite::Connection& connection, const std::function<Status()>& work) {
  // IMMEDIATE takes the write lock up front: the audit chain reads its head
  // and appends after it, which must not interleave with another process.
  KENES_RETURN_IF_ERROR(connection.Run("BEGIN IMMEDIATE"));
  Status status = work();
  if (!status.ok()) {
    (void)connection.Execute("ROLLBACK");  // the work's error is the one worth reporting
    return status;
  }
  return connection.Run("COMMIT");
}

}  // namespace kenes::share
