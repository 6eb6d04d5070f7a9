// WriteTransaction: runs a piece of work in one IMMEDIATE transaction of the
// community database, committing it when the work succeeds and rolling it
// back otherwise, so a change and its audit entry land together or not at all.
// Not thread-safe: the caller holds the connection's mutex.
#pragma once

#include <functional>

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace kenes::share {

Status InWriteTransaction(store::sqlite::Connection& connection, const std::function<Status()>& work);

}  // namespace kenes::share
