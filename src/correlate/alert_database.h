// AlertDatabase: the file the alert book (alert_book.h) and the requests for
// details (detail_desk.h) keep, `correlation.db` in the node's data
// directory beside kenes.db and community.db.
//
// A file of its own because alerts and requests are the node's record of
// what correlation found and who asked whom, not STIX objects (an export or
// copy of the store must not carry them) nor the community's secrets; and
// because the correlator writes alerts on ingest threads, which should not
// queue behind administrative changes or the audit log's group commits.
// SQLite in WAL mode, synchronous FULL (an alert acknowledged to the
// correlator, a request answered, survive power loss), versioned and
// migrated like the store (store/sqlite/migrator.h).
//
// Thread-safety: the connection is used under `mutex` by whoever holds it;
// the AlertBook and DetailDesk built on one AlertDatabase share both.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "base/status.h"
#include "store/clock.h"
#include "store/sqlite/connection.h"

namespace kenes::correlate {

struct AlertDatabase {
  // Opens (creating and migrating) the database in `file`. `clock` stamps
  // alerts and decisions and must outlive the database.
  static Result<std::unique_ptr<AlertDatabase>> Open(const std::filesystem::path& file,
                                                     store::Clock& clock = store::SystemClock());
  static std::filesystem::path FileIn(const std::filesystem::path& data_dir) { return data_dir / "correlation.db"; }

  std::unique_ptr<store::sqlite::Connection> connection;
  std::mutex mutex;  // guards connection
  store::Clock* clock = nullptr;
};

}  // namespace kenes::correlate
