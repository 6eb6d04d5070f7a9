#include "store/sqlite/index_database.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/sqlite/id_hash.h"
#include "store/sqlite/indexed_terms.h"

namespace kenes::store::sqlite {
namespace {

Result<int64_t> CountEntries(Connection& connection, const std::string& table) {
  KENES_ASSIGN_OR_RETURN(Statement count, connection.Prepare(fmt::format("SELECT count(*) FROM {}", table)));
  KENES_ASSIGN_OR_RETURN(bool row, count.Step());
  return row ? count.Int(0) : 0;
}

// Versions read per catch-up batch.
constexpr int64_t kCatchUpBatch = 10000;

}  // namespace

Status InsertIndexRows(Connection& connection, std::string_view table, IndexRows& rows) {
  constexpr size_t kRowsPerStatement = 50;
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  const std::string insert = fmt::format("INSERT OR IGNORE INTO {} VALUES ", table);
  std::string many = insert;
  for (size_t i = 0; i < kRowsPerStatement; ++i) many += i == 0 ? "(?, ?)" : ", (?, ?)";
  size_t next = 0;
  for (const auto& [sql, rows_per_run] :
       {std::pair{many, kRowsPerStatement}, std::pair{insert + "(?, ?)", size_t{1}}}) {
    KENES_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
    for (; next + rows_per_run <= rows.size(); next += rows_per_run) {
      for (size_t i = 0; i < rows_per_run; ++i) {
        statement.BindInt(static_cast<int>(2 * i + 1), rows[next + i].first);
        statement.BindInt(static_cast<int>(2 * i + 2), rows[next + i].second);
      }
      KENES_RETURN_IF_ERROR(statement.Run());
    }
  }
  return Status::Ok();
}

Status LevelMerger::MergeWhenFull(Connection& connection, const std::string& small, const std::string& large) {
  // Counting reads every page of the small level, which this batch has just had in hand anyway.
  KENES_ASSIGN_OR_RETURN(int64_t small_entries, CountEntries(connection, small));
  if (small_entries < limit_) return Status::Ok();
  auto large_entries = large_entries_.find(large);
  if (large_entries == large_entries_.end()) {
    KENES_ASSIGN_OR_RETURN(int64_t entries, CountEntries(connection, large));
    large_entries = large_entries_.emplace(large, entries).first;
  }
  if (small_entries < large_entries->second / 2) return Status::Ok();
  large_entries->second += small_entries;
  return connection.Execute(fmt::format("INSERT INTO {1} SELECT * FROM {0}; DELETE FROM {0};", small, large));
}

Status IndexDatabase::Add(std::string_view json, int64_t date_added) {
  const IndexedTerms terms = ExtractIndexedTerms(json);
  if (!terms.search_text.empty()) {
    KENES_ASSIGN_OR_RETURN(Statement statement,
                           connection_->Prepare("INSERT INTO search_texts (rowid, text) VALUES (?, ?)"));
    statement.BindInt(1, date_added);
    statement.BindText(2, terms.search_text);
    KENES_RETURN_IF_ERROR(statement.Run());
  }
  for (const std::string& reference : terms.references) references_.emplace_back(IdHash(reference), date_added);
  return Status::Ok();
}

Status IndexDatabase::Finish(int64_t through) {
  KENES_RETURN_IF_ERROR(InsertIndexRows(*connection_, "recent_refs", references_));
  references_.clear();
  KENES_RETURN_IF_ERROR(merger_.MergeWhenFull(*connection_, "recent_refs", "refs"));
  if (through == 0) return Status::Ok();
  KENES_ASSIGN_OR_RETURN(Statement statement, connection_->Prepare("UPDATE indexed_through SET date_added = ?"));
  statement.BindInt(1, through);
  return statement.Run();
}

Status IndexDatabase::Commit() { return connection_->Execute("COMMIT"); }

void IndexDatabase::Rollback() {
  (void)connection_->Execute("ROLLBACK");  // the error that led here is the one worth reporting
  references_.clear();
  merger_.Forget();
}

Status IndexDatabase::Remove(std::string_view json, int64_t date_added) {
  const IndexedTerms terms = ExtractIndexedTerms(json);
  if (!terms.search_text.empty()) {
    // A contentless FTS5 table forgets a row by being told its text again.
    KENES_ASSIGN_OR_RETURN(
        Statement statement,
        connection_->Prepare("INSERT INTO search_texts (search_texts, rowid, text) VALUES ('delete', ?, ?)"));
    statement.BindInt(1, date_added);
    statement.BindText(2, terms.search_text);
    KENES_RETURN_IF_ERROR(statement.Run());
  }
  for (const char* level : {"recent_refs", "refs"}) {
    KENES_ASSIGN_OR_RETURN(Statement statement, connection_->Prepare(fmt::format(
                                                    "DELETE FROM {} WHERE target_hash = ? AND date_added = ?", level)));
    for (const std::string& reference : terms.references) {
      statement.BindInt(1, IdHash(reference));
      statement.BindInt(2, date_added);
      KENES_RETURN_IF_ERROR(statement.Run());
    }
  }
  return Status::Ok();
}

Result<int64_t> IndexDatabase::IndexedThrough() {
  KENES_ASSIGN_OR_RETURN(Statement statement, connection_->Prepare("SELECT date_added FROM indexed_through"));
  KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
  return row ? statement.Int(0) : 0;
}

Status IndexDatabase::CatchUp(Connection& store) {
  KENES_ASSIGN_OR_RETURN(int64_t through, IndexedThrough());
  for (;;) {
    std::vector<stix::Object> versions;
    std::vector<int64_t> dates;
    {
      KENES_ASSIGN_OR_RETURN(
          Statement select,
          store.Prepare("SELECT date_added, json FROM versions WHERE date_added > ? ORDER BY date_added LIMIT ?"));
      select.BindInt(1, through);
      select.BindInt(2, kCatchUpBatch);
      for (;;) {
        KENES_ASSIGN_OR_RETURN(bool row, select.Step());
        if (!row) break;
        dates.push_back(select.Int(0));
        versions.emplace_back().json = select.Text(1);
      }
    }
    if (versions.empty()) return Status::Ok();
    IndexBatch batch(*this, versions);
    for (size_t i = 0; i < versions.size(); ++i) batch.Decide(i, dates[i]);
    KENES_RETURN_IF_ERROR(batch.Prepare());
    KENES_RETURN_IF_ERROR(batch.Commit());
    through = dates.back();
  }
}

IndexBatch::IndexBatch(IndexDatabase& index, std::span<const stix::Object> objects)
    : index_(index), objects_(objects), date_added_(objects.size(), kNotStored) {
  if (objects.size() >= kThreadFrom) helper_ = std::thread([this] { prepared_ = Work(); });
}

IndexBatch::~IndexBatch() {
  abandoned_ = true;
  decided_.fetch_add(1);  // wakes a waiting helper
  decided_.notify_all();
  if (helper_.joinable()) helper_.join();
  if (began_ && !finished_) index_.Rollback();
}

void IndexBatch::Decide(size_t i, std::optional<int64_t> date_added) {
  if (date_added) date_added_[i] = *date_added;
  decided_.store(i + 1, std::memory_order_release);
  // The helper waits for whole chunks: waking it for each object would cost
  // more than indexing the object.
  if ((i + 1) % kChunk == 0 || i + 1 == objects_.size()) decided_.notify_one();
}

Status IndexBatch::Prepare() {
  if (helper_.joinable()) {
    helper_.join();
  } else {
    prepared_ = Work();
  }
  if (!prepared_.ok() && began_) {
    finished_ = true;
    index_.Rollback();
  }
  return prepared_;
}

Status IndexBatch::Commit() {
  finished_ = true;
  Status status = index_.Commit();
  if (!status.ok()) index_.Rollback();
  return status;
}

Status IndexBatch::Work() {
  KENES_RETURN_IF_ERROR(index_.Begin());
  began_ = true;
  int64_t through = 0;
  for (size_t i = 0; i < objects_.size(); ++i) {
    // Indexing an object is several times faster than storing it: this
    // waits, blocked, for each chunk of decisions.
    for (size_t seen = decided_.load(std::memory_order_acquire); seen <= i;
         seen = decided_.load(std::memory_order_acquire)) {
      if (abandoned_.load(std::memory_order_relaxed)) return Status::Internal("the batch was abandoned");
      decided_.wait(seen, std::memory_order_acquire);
    }
    if (date_added_[i] == kNotStored) continue;
    KENES_RETURN_IF_ERROR(index_.Add(objects_[i].json, date_added_[i]));
    through = date_added_[i];
  }
  return index_.Finish(through);
}

}  // namespace kenes::store::sqlite
