// SqliteStore: the default Store, an SQLite database file in WAL mode (and
// its index database beside it: kenes.db has kenes-index.db).
//
// Durability: synchronous=FULL, so every commit fsyncs the write-ahead log
// before Put returns (in WAL mode NORMAL would lose the last commits on power
// loss). Checkpoints copying the log into the database run on a background
// thread, not on the commit path, and once more at close.
//
// Indexes (schema.cc): the versions, the id index and the counters live in
// the store's file; the reference index (ReferencedBy) and the FTS5
// full-text index (ListQuery::text) in the index database
// (index_database.h), written on a second thread while a batch is stored and
// committed right after it: a search or ReferencedBy sees every version Put
// has acknowledged. The index database holds nothing the versions do not
// say; opening the store indexes whatever it lacks.
//
// Thread-safety: the returned Store may be used from any number of threads.
// Writes are serialised on one writer connection; each concurrent reader
// borrows its own read connection from a pool, so reads never wait for
// writes and see only committed batches. Several processes may open the same
// file (SQLite's locks serialise their writers) but one is the usual case.
// Destroying the Store closes it cleanly; a crash loses nothing acknowledged.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "base/status.h"
#include "store/clock.h"
#include "store/store.h"

namespace kenes::store {

struct SqliteStoreOptions {
  Clock* clock = &SystemClock();  // stamps date_added; must outlive the store
  int64_t cache_bytes = 64 << 20;  // page cache of each writer connection (the store's, the index's)
  std::chrono::milliseconds checkpoint_interval{200};  // how often the background checkpoint looks
  // When the small level of a two-level index (schema.cc: ids, references)
  // holds this many entries, and half as many as the large one, a batch
  // merges it into the large one. Each batch rewrites most pages of the
  // small level (about 1.5 MB at 65536); each merge most pages of both.
  int64_t recent_ids_limit = 65536;
};

// Opens the store in `file`, creating it if absent and migrating an older
// schema. InvalidArgument if the file was written by a newer release or is
// not a Kenes store; IoError if it cannot be opened.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& file, SqliteStoreOptions options = {});

}  // namespace kenes::store
