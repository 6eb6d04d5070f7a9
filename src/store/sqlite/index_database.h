// IndexDatabase: the SQLite store's reference and full-text indexes, kept in
// a database file of their own beside the store's (schema.h, MigrateIndex).
//
// SQLite lets one connection write a database at a time, and storing the
// versions keeps the store's writer busy for a whole batch; in their own
// file, the indexes of a large batch are written on a second thread at the
// same time (IndexBatch). The index commits only after the store has, so it
// never names a version the store lacks; a version it lacks (a crash between
// the two commits, a store migrated from before the index, a deleted index
// file) is indexed when the store next opens (CatchUp), and searches join
// the index with the versions, so what was deleted from the store but not
// from the index is never shown.
//
// Also here: the two-level indexes of (key hash, date_added) entries that
// both databases keep (schema.cc), filled in key order and merged.
//
// Thread-compatible: the store's writer mutex guards an IndexDatabase and
// its batches; an IndexBatch hands the connection to its own thread and back.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "stix/object.h"
#include "store/sqlite/connection.h"

namespace kenes::store::sqlite {

// Entries of a two-level index, (key hash, date_added).
using IndexRows = std::vector<std::pair<int64_t, int64_t>>;

// Inserts `rows` (sorted here) into `table`, in key order and many rows a
// statement: in order, consecutive rows land on the same pages, and each
// statement run costs about as much as a row.
Status InsertIndexRows(Connection& connection, std::string_view table, IndexRows& rows);

// Merges the small level of a two-level index into the large one once it
// holds `limit` entries and half as many as the large one. A batch rewrites
// most pages of the small level, a merge most pages of both: a small level
// that grows with the large one keeps merges from writing more per object as
// the store grows (at a million objects the reference index wrote 2.4 times
// as much with a fixed limit).
class LevelMerger {
 public:
  explicit LevelMerger(int64_t limit) : limit_(limit) {}
  Status MergeWhenFull(Connection& connection, const std::string& small, const std::string& large);
  // After a rollback: the counts kept may be wrong.
  void Forget() { large_entries_.clear(); }

 private:
  const int64_t limit_;
  std::unordered_map<std::string, int64_t> large_entries_;  // counted once, then kept (deletions aside)
};

class IndexDatabase {
 public:
  // `connection`: read-write, migrated (MigrateIndex).
  IndexDatabase(std::unique_ptr<Connection> connection, int64_t merge_limit)
      : connection_(std::move(connection)), merger_(merge_limit) {}

  Connection& connection() { return *connection_; }

  Status Begin() { return connection_->Execute("BEGIN IMMEDIATE"); }
  // Indexes the version `json` stored at `date_added` (its references at Finish).
  Status Add(std::string_view json, int64_t date_added);
  // Writes the references gathered, merges, and records that everything up
  // to `through` is indexed (0: leaves that as it is).
  Status Finish(int64_t through);
  Status Commit();
  void Rollback();

  // Removes what Add added for a version. Inside Begin/Commit.
  Status Remove(std::string_view json, int64_t date_added);

  // Every version up to this date_added is indexed.
  Result<int64_t> IndexedThrough();

  // Indexes the versions of `store` (the store's writer connection) after
  // IndexedThrough(), in batches. REQUIRES: no transaction open on either.
  Status CatchUp(Connection& store);

 private:
  std::unique_ptr<Connection> connection_;
  LevelMerger merger_;
  IndexRows references_;
};

// The index side of one Put batch, in a transaction of the IndexDatabase.
// The writer calls Decide for each object in order as it stores the
// versions, then Prepare and Commit once the store has committed. A large
// batch is indexed on a thread of its own as the decisions come; a small one
// in Prepare. Destroying an uncommitted batch rolls it back.
class IndexBatch {
 public:
  IndexBatch(IndexDatabase& index, std::span<const stix::Object> objects);
  ~IndexBatch();
  IndexBatch(const IndexBatch&) = delete;
  IndexBatch& operator=(const IndexBatch&) = delete;

  // objects[i] was stored at `date_added`, or not stored (nullopt).
  // REQUIRES: called for i = 0, 1, ... in order.
  void Decide(size_t i, std::optional<int64_t> date_added);
  // Indexes everything but commits nothing; rolls back on failure.
  // REQUIRES: every object decided.
  Status Prepare();
  Status Commit();

 private:
  static constexpr int64_t kNotStored = -1;
  static constexpr size_t kThreadFrom = 1000;  // starting a thread costs tens of microseconds
  static constexpr size_t kChunk = 256;        // decisions between wake-ups of the helper

  Status Work();

  IndexDatabase& index_;
  const std::span<const stix::Object> objects_;
  std::vector<int64_t> date_added_;
  std::atomic<size_t> decided_ = 0;
  std::atomic<bool> abandoned_ = false;
  bool began_ = false;
  bool finished_ = false;  // committed or rolled back
  Status prepared_;
  std::thread helper_;
};

}  // namespace kenes::store::sqlite
