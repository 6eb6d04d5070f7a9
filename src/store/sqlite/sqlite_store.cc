#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sqlite/connection.h"
#include "store/sqlite/id_hash.h"
#include "store/sqlite/schema.h"

namespace kenes::store {
namespace {

using sqlite::Connection;
using sqlite::Statement;

// Cursors are "1." and the hex date_added of the last version returned: the
// version prefix lets a later release change the format and still read old ones.
// Versions read without their version_digits lack their written precision: show
// milliseconds, or every digit when there are more.
std::string FormatInstant(const Timestamp& time) {
  return FormatTimestamp(time, time.nanoseconds % 1'000'000 == 0 ? 3 : 9);
}

constexpr std::string_view kCursorPrefix = "1.";

std::string EncodeCursor(int64_t date_added) { return fmt::format("{}{:x}", kCursorPrefix, date_added); }

Result<int64_t> DecodeCursor(std::string_view cursor) {
  int64_t date_added = 0;
  if (cursor.starts_with(kCursorPrefix)) {
    std::string_view digits = cursor.substr(kCursorPrefix.size());
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), date_added, 16);
    if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty() && date_added >= 0) {
      return date_added;
    }
  }
  return Status::InvalidArgument(fmt::format("malformed cursor '{}'", cursor));
}

void BindVersion(Statement& statement, int first_index, const std::optional<Timestamp>& version) {
  if (version) {
    statement.BindInt(first_index, version->seconds);
    statement.BindInt(first_index + 1, version->nanoseconds);
  } else {
    statement.BindNull(first_index);
    statement.BindNull(first_index + 1);
  }
}

std::optional<Timestamp> ReadVersion(const Statement& statement, int first_column, int digits_column = -1) {
  if (statement.IsNull(first_column)) return std::nullopt;
  Timestamp time;
  time.seconds = statement.Int(first_column);
  time.nanoseconds = static_cast<int32_t>(statement.Int(first_column + 1));
  if (digits_column >= 0) time.fraction_digits = static_cast<int8_t>(statement.Int(digits_column));
  return time;
}

// What the stored versions of one id say about it.
struct ObjectState {
  bool exists = false;
  std::optional<Timestamp> latest_version;
  std::optional<Timestamp> revoked_version;  // the oldest revoked version, if any
};

// The versions of an id: those under its hash in either level of the id
// index (schema.cc) that carry its text (another id may share the hash).
constexpr std::string_view kOfId =
    "v.date_added IN (SELECT date_added FROM recent_ids WHERE id_hash = ?1 "
    "UNION ALL SELECT date_added FROM ids WHERE id_hash = ?1) AND v.id = ?2";


void BindId(Statement& statement, std::string_view id) {
  statement.BindInt(1, sqlite::IdHash(id));
  statement.BindText(2, id);
}

// A label's audience, level and group packed in one integer, as the
// visibility predicate compares them; audience and level are below 16.
int64_t LabelKey(int64_t group_id, int64_t audience, int64_t level) { return group_id << 8 | audience << 4 | level; }

// " AND <versions `alias` the viewer may see>", or nothing without a viewer.
// Binds ?5 (the viewer's author_id) and ?6 (a JSON array of the label keys
// its grants admit). The IN list is built once per statement run, so each
// version costs a comparison and one lookup in a small index. (SQLite gives
// << and | the same precedence, hence the parentheses.)
std::string VisibleTo(const Viewer* viewer, std::string_view alias) {
  if (viewer == nullptr) return "";
  return fmt::format(
      " AND ({0}.access_author = ?5 OR (({0}.access_group << 8) | ({0}.access_audience << 4) | {0}.access_level) "
      "IN (SELECT value FROM json_each(?6)))",
      alias);
}

// A Viewer in the store's own numbers, for VisibleTo's parameters.
struct ResolvedViewer {
  bool filters = false;    // false: no viewer, no parameters to bind
  int64_t author_id = -1;  // no authors row has it: an author never stored owns nothing
  std::string label_keys = "[]";

  void Bind(Statement& statement) const {
    if (!filters) return;
    statement.BindInt(5, author_id);
    statement.BindText(6, label_keys);
  }
};

// The ids of `names` in a dictionary table; names never stored are left out.
Result<std::vector<int64_t>> KnownIds(Connection& reader, const std::string& select,
                                             const std::vector<std::string>& names) {
  KENES_ASSIGN_OR_RETURN(Statement statement, reader.Prepare(select));
  std::vector<int64_t> ids;
  for (const std::string& name : names) {
    statement.BindText(1, name);
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (row) ids.push_back(statement.Int(0));
  }
  return ids;
}

Result<ResolvedViewer> ResolveViewer(Connection& reader, const Viewer& viewer) {
  ResolvedViewer resolved;
  resolved.filters = true;
  if (!viewer.author.empty()) {
    KENES_ASSIGN_OR_RETURN(std::vector<int64_t> author_id,
                           KnownIds(reader, "SELECT author_id FROM authors WHERE ref = ?", {viewer.author}));
    if (!author_id.empty()) resolved.author_id = author_id.front();
  }
  std::vector<int64_t> keys;
  for (const AccessGrant& grant : viewer.grants) {
    int64_t group_id = 0;
    if (!grant.group.empty()) {
      KENES_ASSIGN_OR_RETURN(std::vector<int64_t> found,
                             KnownIds(reader, "SELECT group_id FROM access_groups WHERE name = ?", {grant.group}));
      if (found.empty()) continue;  // no version was ever labelled with this group
      group_id = found.front();
    }
    for (int level = 0; level < 16; ++level) {
      if ((grant.levels >> level & 1) != 0) keys.push_back(LabelKey(group_id, grant.audience, level));
    }
  }
  resolved.label_keys = fmt::format("[{}]", fmt::join(keys, ","));
  return resolved;
}

// Refuses labels the key packing cannot hold.
Status CheckLabels(std::span<const stix::Object> objects, std::span<const AccessLabel> labels) {
  if (!labels.empty() && labels.size() != objects.size()) {
    return Status::InvalidArgument(
        fmt::format("{} labels for {} objects: give one label per object, or none", labels.size(), objects.size()));
  }
  for (const AccessLabel& label : labels) {
    if (label.audience < 0 || label.audience > 15 || label.level < 0 || label.level > 15) {
      return Status::InvalidArgument(
          fmt::format("access label audience {} level {}: each must be 0-15", label.audience, label.level));
    }
  }
  return Status::Ok();
}

Result<ObjectState> FindObject(Connection& connection, std::string_view id) {
  // Plain seeks on each level rather than kOfId's IN (... UNION ALL ...),
  // which makes SQLite build a temporary table per lookup: this runs once
  // per object written, and almost every object in a bulk load is new.
  static const std::string kRecent = "SELECT date_added FROM recent_ids WHERE id_hash = ?";
  static const std::string kMerged = "SELECT date_added FROM ids WHERE id_hash = ?";
  static const std::string kVersion =
      "SELECT version_seconds, version_nanos, revoked, id FROM versions WHERE date_added = ?";
  const int64_t id_hash = sqlite::IdHash(id);
  ObjectState state;
  for (const std::string* level : {&kRecent, &kMerged}) {
    KENES_ASSIGN_OR_RETURN(Statement candidates, connection.Prepare(*level));
    candidates.BindInt(1, id_hash);
    for (;;) {
      KENES_ASSIGN_OR_RETURN(bool row, candidates.Step());
      if (!row) break;
      KENES_ASSIGN_OR_RETURN(Statement version, connection.Prepare(kVersion));
      version.BindInt(1, candidates.Int(0));
      KENES_ASSIGN_OR_RETURN(bool found, version.Step());
      if (!found || version.Text(3) != id) continue;  // another id with the same hash
      std::optional<Timestamp> stamp = ReadVersion(version, 0);
      if (!state.exists || stamp > state.latest_version) state.latest_version = stamp;
      if (version.Int(2) != 0 && (!state.revoked_version || stamp < state.revoked_version)) {
        state.revoked_version = stamp;
      }
      state.exists = true;
    }
  }
  return state;
}

constexpr std::string_view kSelectVersions =
    "SELECT v.id, t.name, v.spec_version, v.version_seconds, v.version_nanos, v.version_digits, v.date_added, "
    "a.ref, v.markings, v.revoked, v.json FROM versions v "
    "JOIN types t ON t.type_id = v.type_id LEFT JOIN authors a ON a.author_id = v.author_id ";

StoredVersion ReadStoredVersion(const Statement& statement) {
  StoredVersion version;
  version.id = statement.Text(0);
  version.type = statement.Text(1);
  version.spec_version = statement.Text(2);
  version.version = ReadVersion(statement, 3, 5);
  version.date_added = TimestampFromMicroseconds(statement.Int(6));
  version.created_by_ref = statement.Text(7);
  std::string_view markings = statement.Text(8);
  while (!markings.empty()) {
    size_t space = markings.find(' ');
    version.object_marking_refs.emplace_back(markings.substr(0, space));
    markings.remove_prefix(space == std::string_view::npos ? markings.size() : space + 1);
  }
  version.revoked = statement.Int(9) != 0;
  version.json = statement.Text(10);
  return version;
}

Result<std::vector<StoredVersion>> ReadAll(Statement& statement) {
  std::vector<StoredVersion> versions;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return versions;
    versions.push_back(ReadStoredVersion(statement));
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::filesystem::path file, SqliteStoreOptions options, std::unique_ptr<Connection> writer,
              std::unique_ptr<Connection> checkpointer)
      : file_(std::move(file)), options_(options), writer_(std::move(writer)) {
    checkpoint_thread_ = std::thread([this, connection = std::move(checkpointer)] { CheckpointLoop(*connection); });
  }

  ~SqliteStore() override {
    {
      std::lock_guard lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_wake_.notify_one();
    checkpoint_thread_.join();
    idle_readers_.clear();
    // Leaves a short log behind; SQLite also checkpoints when the last connection closes.
    (void)writer_->Execute("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  Result<std::vector<WriteResult>> Put(std::span<const stix::Object> objects,
                                       std::span<const AccessLabel> labels) override {
    KENES_RETURN_IF_ERROR(CheckLabels(objects, labels));
    std::lock_guard lock(write_mutex_);
    KENES_RETURN_IF_ERROR(writer_->Execute("BEGIN IMMEDIATE"));
    Result<std::vector<WriteResult>> results = PutInTransaction(objects, labels);
    Status status = results.ok() ? writer_->Execute("COMMIT") : results.status();
    if (!status.ok()) {
      (void)writer_->Execute("ROLLBACK");  // the first error is the one worth reporting
      // Names inserted by the rolled-back transaction are gone again.
      type_ids_.clear();
      author_ids_.clear();
      group_ids_.clear();
      return status;
    }
    {
      std::lock_guard checkpoint_lock(checkpoint_mutex_);
      log_grew_ = true;
    }
    return results;
  }

  Result<StoredVersion> Latest(std::string_view id, const Viewer* viewer) override {
    KENES_ASSIGN_OR_RETURN(std::vector<StoredVersion> versions,
                           ReadVersions(id, viewer, "ORDER BY v.version_seconds DESC, v.version_nanos DESC LIMIT 1"));
    return std::move(versions.front());
  }

  Result<std::vector<StoredVersion>> Versions(std::string_view id, const Viewer* viewer) override {
    return ReadVersions(id, viewer, "ORDER BY v.version_seconds, v.version_nanos");
  }

  Result<StoredVersion> Version(std::string_view id, const std::optional<Timestamp>& version,
                                const Viewer* viewer) override {
    using Versions = std::vector<StoredVersion>;
    KENES_ASSIGN_OR_RETURN(Versions versions, ReadInTransaction<Versions>([&](Connection& reader) -> Result<Versions> {
      KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
      KENES_ASSIGN_OR_RETURN(Statement statement,
                             reader.Prepare(fmt::format("{}WHERE {} AND v.version_seconds IS ?3 AND v.version_nanos IS ?4{}",
                                                        kSelectVersions, kOfId, VisibleTo(viewer, "v"))));
      BindId(statement, id);
      BindVersion(statement, 3, version);
      resolved.Bind(statement);
      return ReadAll(statement);
    }));
    if (versions.empty()) {
      return Status::NotFound(
          fmt::format("no version {} of {}", version ? FormatInstant(*version) : "without timestamp", id));
    }
    return std::move(versions.front());
  }

  Result<Page> List(const ListQuery& query) override {
    if (query.limit == 0) return Status::InvalidArgument("a list needs a limit above zero");
    int64_t after = query.added_after ? query.added_after->TotalMicroseconds() : 0;
    if (!query.cursor.empty()) {
      KENES_ASSIGN_OR_RETURN(int64_t cursor, DecodeCursor(query.cursor));
      after = std::max(after, cursor);
    }
    return ReadInTransaction<Page>(
        [&](Connection& reader) { return ListInTransaction(reader, query, after); });
  }

  // Placeholders until the store work for TAXII lands (issue 4).
  Result<size_t> Delete(std::string_view, const VersionMatch&, std::span<const std::string>,
                        const Viewer*) override {
    return Status::Internal("Delete is not implemented yet");
  }
  Result<std::vector<StoredVersion>> ReferencedBy(std::string_view, const Viewer*, size_t) override {
    return Status::Internal("ReferencedBy is not implemented yet");
  }

  Result<Counts> Count(const Viewer* viewer) override {
    return ReadInTransaction<Counts>([&](Connection& reader) -> Result<Counts> {
      KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
      // The kept counters count every version; a viewer's share is counted afresh.
      KENES_ASSIGN_OR_RETURN(
          Statement statement,
          reader.Prepare(viewer == nullptr
                             ? std::string("SELECT t.name, c.versions, c.objects FROM type_counts c "
                                           "JOIN types t ON t.type_id = c.type_id")
                             : fmt::format("SELECT t.name, count(*), count(DISTINCT v.id) FROM versions v "
                                           "JOIN types t ON t.type_id = v.type_id WHERE 1{} GROUP BY v.type_id",
                                           VisibleTo(viewer, "v"))));
      resolved.Bind(statement);
      return ReadCounts(statement);
    });
  }

 private:
  static Result<Counts> ReadCounts(Statement& statement) {
    Counts counts;
    for (;;) {
      KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
      if (!row) return counts;
      TypeCounts& type = counts.by_type[std::string(statement.Text(0))];
      type.versions = statement.Int(1);
      type.objects = statement.Int(2);
      counts.versions += type.versions;
      counts.objects += type.objects;
    }
  }

  // A read connection borrowed from the pool for one call, returned when it ends.
  class ReaderLease {
   public:
    ReaderLease(SqliteStore* store, std::unique_ptr<Connection> connection)
        : store_(store), connection_(std::move(connection)) {}
    ReaderLease(ReaderLease&&) = default;
    ~ReaderLease() {
      if (!connection_) return;
      std::lock_guard lock(store_->readers_mutex_);
      store_->idle_readers_.push_back(std::move(connection_));
    }
    Connection* operator->() { return connection_.get(); }
    Connection& operator*() { return *connection_; }

   private:
    SqliteStore* store_;
    std::unique_ptr<Connection> connection_;
  };

  // Running sums for the type_counts table, per type_id.
  using CountDeltas = std::unordered_map<int64_t, TypeCounts>;

  Result<ReaderLease> BorrowReader() {
    {
      std::lock_guard lock(readers_mutex_);
      if (!idle_readers_.empty()) {
        std::unique_ptr<Connection> connection = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return ReaderLease(this, std::move(connection));
      }
    }
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                           Connection::Open(file_, SQLITE_OPEN_READONLY));
    return ReaderLease(this, std::move(connection));
  }

  static Result<ResolvedViewer> Resolve(Connection& reader, const Viewer* viewer) {
    if (viewer == nullptr) return ResolvedViewer();
    return ResolveViewer(reader, *viewer);
  }

  // The versions of `id` `viewer` may see, in the order (and limit)
  // `order_by` gives; NotFound if none, worded as for an unknown id.
  Result<std::vector<StoredVersion>> ReadVersions(std::string_view id, const Viewer* viewer,
                                                  std::string_view order_by) {
    using Versions = std::vector<StoredVersion>;
    KENES_ASSIGN_OR_RETURN(Versions versions, ReadInTransaction<Versions>([&](Connection& reader) -> Result<Versions> {
      KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
      KENES_ASSIGN_OR_RETURN(Statement statement, reader.Prepare(fmt::format("{}WHERE {}{} {}", kSelectVersions, kOfId,
                                                                             VisibleTo(viewer, "v"), order_by)));
      BindId(statement, id);
      resolved.Bind(statement);
      return ReadAll(statement);
    }));
    if (versions.empty()) return Status::NotFound(fmt::format("no object {}", id));
    return versions;
  }

  // Runs `read` on a borrowed connection inside one read transaction, so
  // that all its queries see the same snapshot.
  template <typename T, typename Read>
  Result<T> ReadInTransaction(Read read) {
    KENES_ASSIGN_OR_RETURN(ReaderLease reader, BorrowReader());
    KENES_RETURN_IF_ERROR(reader->Execute("BEGIN"));
    Result<T> result = read(*reader);
    KENES_RETURN_IF_ERROR(reader->Execute("COMMIT"));
    return result;
  }

  // Looks up a name in a dictionary table (types, authors), adding it if new.
  Result<int64_t> NameId(std::unordered_map<std::string, int64_t>& cache, std::string_view table,
                         std::string_view column, const std::string& name) {
    auto found = cache.find(name);
    if (found != cache.end()) return found->second;
    KENES_ASSIGN_OR_RETURN(Statement insert,
                           writer_->Prepare(fmt::format("INSERT OR IGNORE INTO {} ({}) VALUES (?)", table, column)));
    insert.BindText(1, name);
    KENES_RETURN_IF_ERROR(insert.Run());
    KENES_ASSIGN_OR_RETURN(Statement select,
                           writer_->Prepare(fmt::format("SELECT rowid FROM {} WHERE {} = ?", table, column)));
    select.BindText(1, name);
    KENES_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) return Status::Internal(fmt::format("{} '{}' vanished after insert", table, name));
    cache.emplace(name, select.Int(0));
    return select.Int(0);
  }

  Result<int64_t> LastDateAdded() {
    KENES_ASSIGN_OR_RETURN(Statement statement, writer_->Prepare("SELECT max(date_added) FROM versions"));
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    return row ? statement.Int(0) : 0;
  }

  Result<std::vector<WriteResult>> PutInTransaction(std::span<const stix::Object> objects,
                                                    std::span<const AccessLabel> labels) {
    // Read inside the write transaction: another process may have written since our last batch.
    KENES_ASSIGN_OR_RETURN(int64_t last_date_added, LastDateAdded());
    std::vector<WriteResult> results;
    results.reserve(objects.size());
    CountDeltas deltas;
    for (size_t i = 0; i < objects.size(); ++i) {
      const AccessLabel* label = labels.empty() ? nullptr : &labels[i];
      KENES_ASSIGN_OR_RETURN(WriteResult result, PutOne(objects[i], label, last_date_added, deltas));
      results.push_back(std::move(result));
    }
    KENES_ASSIGN_OR_RETURN(Statement statement,
                           writer_->Prepare("INSERT INTO type_counts (type_id, versions, objects) VALUES (?, ?, ?) "
                                            "ON CONFLICT (type_id) DO UPDATE SET versions = versions + "
                                            "excluded.versions, objects = objects + excluded.objects"));
    for (const auto& [type_id, delta] : deltas) {
      statement.BindInt(1, type_id);
      statement.BindInt(2, delta.versions);
      statement.BindInt(3, delta.objects);
      KENES_RETURN_IF_ERROR(statement.Run());
    }
    KENES_RETURN_IF_ERROR(MergeRecentIdsWhenFull());
    return results;
  }

  Status MergeRecentIdsWhenFull() {
    // Counting reads every page of recent_ids, which this batch has just had in hand anyway.
    KENES_ASSIGN_OR_RETURN(Statement count, writer_->Prepare("SELECT count(*) FROM recent_ids"));
    KENES_ASSIGN_OR_RETURN(bool row, count.Step());
    if (!row || count.Int(0) < options_.recent_ids_limit) return Status::Ok();
    return writer_->Execute("INSERT INTO ids SELECT id_hash, date_added FROM recent_ids; DELETE FROM recent_ids;");
  }

  static WriteResult Refused(WriteOutcome outcome, std::string message) {
    WriteResult result;
    result.outcome = outcome;
    result.message = std::move(message);
    return result;
  }

  // `label` nullptr: the object's author only (store.h).
  Result<WriteResult> PutOne(const stix::Object& object, const AccessLabel* label, int64_t& last_date_added,
                             CountDeltas& deltas) {
    if (object.json.empty() || object.type.empty() || !object.id.starts_with(object.type) ||
        !std::string_view(object.id).substr(object.type.size()).starts_with("--")) {
      return Refused(WriteOutcome::kInvalid, fmt::format("'{}' is not an id of type '{}' with JSON text",
                                                         object.id, object.type));
    }
    const std::optional<Timestamp> version = object.VersionTimestamp();
    KENES_ASSIGN_OR_RETURN(ObjectState state, FindObject(*writer_, object.id));
    if (state.exists) {
      if (state.latest_version.has_value() != version.has_value()) {
        return Refused(WriteOutcome::kConflict,
                       fmt::format("{} is stored {} a version timestamp and this one has {}", object.id,
                                   version ? "without" : "with", version ? "one" : "none"));
      }
      KENES_ASSIGN_OR_RETURN(std::optional<WriteResult> existing, FindSameVersion(object, version));
      if (existing) return std::move(*existing);
      if (state.revoked_version && *version > *state.revoked_version) {
        return Refused(WriteOutcome::kRevoked,
                       fmt::format("{} was revoked at {}; no newer version is accepted", object.id,
                                   FormatInstant(*state.revoked_version)));
      }
    }

    const int64_t date_added = std::max(options_.clock->Now().TotalMicroseconds(), last_date_added + 1);
    KENES_ASSIGN_OR_RETURN(int64_t type_id, NameId(type_ids_, "types", "name", object.type));
    std::optional<int64_t> author_id;
    if (!object.created_by_ref.empty()) {
      KENES_ASSIGN_OR_RETURN(author_id, NameId(author_ids_, "authors", "ref", object.created_by_ref));
    }
    KENES_ASSIGN_OR_RETURN(StoredLabel stored_label, StoreLabel(label, author_id));
    KENES_RETURN_IF_ERROR(InsertVersion(object, version, date_added, type_id, author_id, stored_label));
    last_date_added = date_added;
    TypeCounts& delta = deltas[type_id];
    ++delta.versions;
    delta.objects += state.exists ? 0 : 1;

    WriteResult result;
    result.date_added = TimestampFromMicroseconds(date_added);
    return result;
  }

  // The result for `object` if its (id, version) is already stored: a
  // duplicate when the text is the same, else a conflict.
  Result<std::optional<WriteResult>> FindSameVersion(const stix::Object& object,
                                                     const std::optional<Timestamp>& version) {
    KENES_ASSIGN_OR_RETURN(Statement statement,
                           writer_->Prepare(fmt::format("SELECT v.date_added, v.json FROM versions v WHERE {} "
                                                        "AND v.version_seconds IS ?3 AND v.version_nanos IS ?4",
                                                        kOfId)));
    BindId(statement, object.id);
    BindVersion(statement, 3, version);
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return std::optional<WriteResult>();
    WriteResult result;
    result.date_added = TimestampFromMicroseconds(statement.Int(0));
    if (statement.Text(1) == object.json) {
      result.outcome = WriteOutcome::kDuplicate;
    } else {
      result.outcome = WriteOutcome::kConflict;
      result.message = fmt::format("{} already has this version with different content; the first one is kept",
                                   object.id);
    }
    return std::optional<WriteResult>(std::move(result));
  }

  // An AccessLabel in the store's own numbers.
  struct StoredLabel {
    std::optional<int64_t> author_id;
    int64_t audience = 0;
    int64_t level = 0;
    int64_t group_id = 0;
  };

  Result<StoredLabel> StoreLabel(const AccessLabel* label, std::optional<int64_t> created_by_id) {
    StoredLabel stored;
    if (label == nullptr) {
      stored.author_id = created_by_id;
      return stored;
    }
    stored.audience = label->audience;
    stored.level = label->level;
    if (!label->author.empty()) {
      KENES_ASSIGN_OR_RETURN(stored.author_id, NameId(author_ids_, "authors", "ref", label->author));
    }
    if (!label->group.empty()) {
      KENES_ASSIGN_OR_RETURN(stored.group_id, NameId(group_ids_, "access_groups", "name", label->group));
    }
    return stored;
  }

  Status InsertVersion(const stix::Object& object, const std::optional<Timestamp>& version, int64_t date_added,
                       int64_t type_id, std::optional<int64_t> author_id, const StoredLabel& label) {
    static const std::string insert_version =
        "INSERT INTO versions (date_added, id_hash, version_seconds, version_nanos, version_digits, type_id, "
        "author_id, spec_version, revoked, markings, json, id, access_author, access_audience, access_level, "
        "access_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static const std::string insert_id = "INSERT INTO recent_ids (id_hash, date_added) VALUES (?, ?)";
    KENES_ASSIGN_OR_RETURN(Statement statement, writer_->Prepare(insert_version));
    statement.BindInt(1, date_added);
    const int64_t id_hash = sqlite::IdHash(object.id);
    statement.BindInt(2, id_hash);
    BindVersion(statement, 3, version);
    if (version) statement.BindInt(5, version->fraction_digits);
    statement.BindInt(6, type_id);
    if (author_id) statement.BindInt(7, *author_id);
    statement.BindText(8, object.spec_version);
    statement.BindInt(9, object.revoked ? 1 : 0);
    std::string markings;
    for (const std::string& marking : object.object_marking_refs) {
      if (!markings.empty()) markings += ' ';
      markings += marking;
    }
    if (!markings.empty()) statement.BindText(10, markings);
    statement.BindText(11, object.json);
    statement.BindText(12, object.id);
    if (label.author_id) statement.BindInt(13, *label.author_id);
    statement.BindInt(14, label.audience);
    statement.BindInt(15, label.level);
    statement.BindInt(16, label.group_id);
    KENES_RETURN_IF_ERROR(statement.Run());
    KENES_ASSIGN_OR_RETURN(Statement index, writer_->Prepare(insert_id));
    index.BindInt(1, id_hash);
    index.BindInt(2, date_added);
    return index.Run();
  }

  Result<Page> ListInTransaction(Connection& reader, const ListQuery& query, int64_t after) {
    Page page;
    page.cursor = EncodeCursor(after);
    const Viewer* viewer = query.viewer ? &*query.viewer : nullptr;
    KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
    std::string sql = std::string(kSelectVersions) + "WHERE v.date_added > ?1" + VisibleTo(viewer, "v");
    std::optional<int64_t> author_id;
    if (!query.created_by_ref.empty()) {
      KENES_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                             KnownIds(reader, "SELECT author_id FROM authors WHERE ref = ?", {query.created_by_ref}));
      if (ids.empty()) return page;
      author_id = ids.front();
      sql += " AND v.author_id = ?2";
    }
    // Types are listed one query each, merged below: each then walks its own
    // stretch of versions_by_type in date_added order and stops at the limit,
    // where a single IN query would sort every match after the cursor.
    std::vector<std::optional<int64_t>> type_ids = {std::nullopt};
    if (!query.types.empty()) {
      KENES_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                             KnownIds(reader, "SELECT type_id FROM types WHERE name = ?", query.types));
      type_ids.assign(ids.begin(), ids.end());
      sql += " AND v.type_id = ?3";
    }
    if (query.versions.last) {
      sql += " AND NOT EXISTS (SELECT 1 FROM versions w WHERE w.date_added IN (SELECT date_added FROM recent_ids "
             "WHERE id_hash = v.id_hash UNION ALL SELECT date_added FROM ids WHERE id_hash = v.id_hash) AND w.id = v.id AND "
             "(w.version_seconds, w.version_nanos) > (v.version_seconds, v.version_nanos)" +
             VisibleTo(viewer, "w") + ")";
    }
    sql += " ORDER BY v.date_added LIMIT ?4";

    KENES_ASSIGN_OR_RETURN(Statement statement, reader.Prepare(sql));
    std::vector<StoredVersion> found;
    for (const std::optional<int64_t>& type_id : type_ids) {
      statement.BindInt(1, after);
      if (author_id) statement.BindInt(2, *author_id);
      if (type_id) statement.BindInt(3, *type_id);
      // One more than asked tells whether there is more.
      statement.BindInt(4, static_cast<int64_t>(query.limit) + 1);
      resolved.Bind(statement);
      KENES_ASSIGN_OR_RETURN(std::vector<StoredVersion> versions, ReadAll(statement));
      std::move(versions.begin(), versions.end(), std::back_inserter(found));
    }
    std::sort(found.begin(), found.end(), [](const StoredVersion& a, const StoredVersion& b) {
      return a.date_added < b.date_added;
    });
    page.more = found.size() > query.limit;
    if (page.more) found.resize(query.limit);
    if (!found.empty()) page.cursor = EncodeCursor(found.back().date_added.TotalMicroseconds());
    page.versions = std::move(found);
    return page;
  }

  void CheckpointLoop(Connection& connection) {
    std::unique_lock lock(checkpoint_mutex_);
    while (!stopping_) {
      checkpoint_wake_.wait_for(lock, options_.checkpoint_interval);
      if (!log_grew_ || stopping_) continue;
      log_grew_ = false;
      lock.unlock();
      // PASSIVE never blocks the writer or readers; a failure is retried next round.
      sqlite3_wal_checkpoint_v2(connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  const std::filesystem::path file_;
  const SqliteStoreOptions options_;

  std::mutex write_mutex_;  // guards writer_ and the name caches
  std::unique_ptr<Connection> writer_;
  std::unordered_map<std::string, int64_t> type_ids_;
  std::unordered_map<std::string, int64_t> author_ids_;
  std::unordered_map<std::string, int64_t> group_ids_;

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;

  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool stopping_ = false;
  bool log_grew_ = false;
  std::thread checkpoint_thread_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& file, SqliteStoreOptions options) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer,
                         Connection::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  // page_size only takes on a new file; 8 KiB measured a little less CPU per
  // stored object than 4 KiB (bench_ingest), with rows of about 600 bytes.
  // FULL: in WAL mode NORMAL skips the fsync at commit and a power cut loses
  // acknowledged batches. Checkpoints run on our own thread, not at commit.
  KENES_RETURN_IF_ERROR(writer->Execute(fmt::format(
      "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; "
      "PRAGMA journal_size_limit = {}; PRAGMA cache_size = -{}; PRAGMA temp_store = MEMORY;",
      64 << 20, options.cache_bytes / 1024)));
  KENES_RETURN_IF_ERROR(sqlite::Migrate(*writer));
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> checkpointer,
                         Connection::Open(file, SQLITE_OPEN_READWRITE));
  KENES_RETURN_IF_ERROR(checkpointer->Execute("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;"));
  return std::unique_ptr<Store>(new SqliteStore(file, options, std::move(writer), std::move(checkpointer)));
}

}  // namespace kenes::store
