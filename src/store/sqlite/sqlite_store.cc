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
#include <variant>
#include <vector>

#include "base/json_text.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/id_hash.h"
#include "store/sqlite/index_database.h"
#include "store/sqlite/indexed_terms.h"
#include "store/sqlite/schema.h"

namespace kenes::store {
namespace {

using sqlite::Connection;
using sqlite::IndexBatch;
using sqlite::IndexDatabase;
using sqlite::IndexRows;
using sqlite::Statement;

// Cursors are "1." and the hex date_added of the last version returned: the
// version prefix lets a later release change the format and still read old ones.
// Versions read without their version_digits lack their written precision: show
// milliseconds, or every digit when there are more.
std::string FormatInstant(const Timestamp& time) {
  return FormatTimestamp(time, time.nanoseconds % 1'000'000 == 0 ? 3 : 9);
}

constexpr std::string_view kCursorPrefix = "1.";

// Larger limits read as this one, which keeps "limit + 1" an int64.
constexpr size_t kMaxLimit = size_t{1} << 40;

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
  std::optional<int64_t> same_version;       // date_added of the version asked about, if stored
};

// The id index entries of the batch under way, by hash: a flat table with
// linear probing, as a node-based map allocated once per object and showed
// in profiles of bulk loads. Keys are IdHash values, already well mixed.
class PendingIds {
 public:
  explicit PendingIds(size_t capacity = 0) {
    size_t slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    slots_.assign(slots, {0, kEmpty});
  }

  // REQUIRES: fewer calls than the capacity given.
  void Add(int64_t id_hash, int64_t date_added) {
    size_t slot = Slot(id_hash);
    while (slots_[slot].second != kEmpty) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = {id_hash, date_added};
  }

  // Calls `take(date_added)` for each entry under `id_hash`.
  template <typename Take>
  Status ForEach(int64_t id_hash, const Take& take) const {
    for (size_t slot = Slot(id_hash); slots_[slot].second != kEmpty; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot].first == id_hash) KENES_RETURN_IF_ERROR(take(slots_[slot].second));
    }
    return Status::Ok();
  }

 private:
  static constexpr int64_t kEmpty = -1;  // no date_added is negative
  size_t Slot(int64_t id_hash) const { return static_cast<size_t>(id_hash) & (slots_.size() - 1); }

  std::vector<std::pair<int64_t, int64_t>> slots_;
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

// Why a statement asks what a viewer may see: object grants (GrantObject)
// let their grantee read an object, never remove it.
enum class Purpose { kRead, kRemove };

// " AND <versions `alias` the viewer may see>", or nothing without a viewer.
// Binds ?5 (the viewer's author_id) and ?6 (a JSON array of the label keys
// its grants admit). The IN lists are built once per statement run, so each
// version costs a comparison and a lookup or two in small indexes. (SQLite
// gives << and | the same precedence, hence the parentheses.)
std::string VisibleTo(const Viewer* viewer, std::string_view alias, Purpose purpose = Purpose::kRead) {
  if (viewer == nullptr) return "";
  return fmt::format(
      " AND ({0}.access_author = ?5 OR (({0}.access_group << 8) | ({0}.access_audience << 4) | {0}.access_level) "
      "IN (SELECT value FROM json_each(?6)){1})",
      alias,
      purpose == Purpose::kRead
          ? fmt::format(" OR ({0}.id_hash, {0}.id) IN (SELECT id_hash, id FROM object_grants WHERE grantee_id = ?5)",
                        alias)
          : "");
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

// " NOT EXISTS <a version of v's id that `viewer` may see, whose version
// timestamp is `comparison` v's>": with ">", v is the last version of its id
// among the visible ones; with "<", the first. An SCO's single version
// compares with nothing, so it is both.
std::string NoOtherVisibleVersion(const Viewer* viewer, std::string_view comparison) {
  return fmt::format(
      " NOT EXISTS (SELECT 1 FROM versions w WHERE w.date_added IN (SELECT date_added FROM recent_ids WHERE "
      "id_hash = v.id_hash UNION ALL SELECT date_added FROM ids WHERE id_hash = v.id_hash) AND w.id = v.id AND "
      "(w.version_seconds, w.version_nanos) {} (v.version_seconds, v.version_nanos){})",
      comparison, VisibleTo(viewer, "w"));
}

// The conditions of a ListQuery beyond date_added, type and viewer (which
// List handles itself), as SQL text and the values of its parameters. These
// are numbered from ?7 on: ?1-?6 are the fixed ones above.
class QueryFilter {
 public:
  std::string sql;  // " AND ..." conditions on the versions `v`

  // Registers `value` and returns the parameter that stands for it.
  std::string Parameter(std::variant<int64_t, std::string> value) {
    values_.push_back(std::move(value));
    return fmt::format("?{}", kFirstParameter + values_.size() - 1);
  }

  void Bind(Statement& statement) const {
    for (size_t i = 0; i < values_.size(); ++i) {
      const int index = static_cast<int>(kFirstParameter + i);
      if (const auto* number = std::get_if<int64_t>(&values_[i])) {
        statement.BindInt(index, *number);
      } else {
        statement.BindText(index, std::get<std::string>(values_[i]));
      }
    }
  }

 private:
  static constexpr size_t kFirstParameter = 7;
  std::vector<std::variant<int64_t, std::string>> values_;
};

std::string JsonArray(const std::vector<std::string>& strings) {
  std::string array = "[";
  for (const std::string& text : strings) {
    if (array.size() > 1) array += ',';
    AppendJsonString(array, text);
  }
  return array + "]";
}

// "seconds:nanoseconds": an instant as the version-match filter compares it.
std::string InstantKey(const Timestamp& time) { return fmt::format("{}:{}", time.seconds, time.nanoseconds); }

// The filter for `query`'s conditions other than date_added, type and
// viewer; nullopt when it names an author or group never stored, so that
// nothing can match.
Result<std::optional<QueryFilter>> FilterFor(Connection& reader, const ListQuery& query) {
  const Viewer* viewer = query.viewer ? &*query.viewer : nullptr;
  QueryFilter filter;
  if (query.ids.size() == 1) {
    // One id, the common read (TAXII's object endpoint): plain parameters
    // spare the query two json_each tables.
    const std::string hash = filter.Parameter(sqlite::IdHash(query.ids.front()));
    filter.sql += fmt::format(
        " AND v.date_added IN (SELECT date_added FROM recent_ids WHERE id_hash = {0} "
        "UNION ALL SELECT date_added FROM ids WHERE id_hash = {0}) AND v.id = {1}",
        hash, filter.Parameter(query.ids.front()));
  } else if (!query.ids.empty()) {
    std::vector<std::string> hashes;
    for (const std::string& id : query.ids) hashes.push_back(std::to_string(sqlite::IdHash(id)));
    const std::string hash_list = filter.Parameter(fmt::format("[{}]", fmt::join(hashes, ",")));
    filter.sql += fmt::format(
        " AND v.date_added IN (SELECT date_added FROM recent_ids WHERE id_hash IN (SELECT value FROM json_each({0})) "
        "UNION ALL SELECT date_added FROM ids WHERE id_hash IN (SELECT value FROM json_each({0}))) "
        "AND v.id IN (SELECT value FROM json_each({1}))",
        hash_list, filter.Parameter(JsonArray(query.ids)));
  }
  if (!query.spec_versions.empty()) {
    filter.sql += fmt::format(" AND v.spec_version IN (SELECT value FROM json_each({}))",
                              filter.Parameter(JsonArray(query.spec_versions)));
  }
  if (query.added_before) {
    filter.sql += fmt::format(" AND v.date_added <= {}", filter.Parameter(query.added_before->TotalMicroseconds()));
  }
  // Dictionary lookups: a name never stored labels nothing.
  struct NamedFilter {
    const std::string& name;
    const char* lookup;
    const char* column;
  };
  for (const NamedFilter& named :
       {NamedFilter{query.created_by_ref, "SELECT author_id FROM authors WHERE ref = ?", "v.author_id"},
        NamedFilter{query.label_author, "SELECT author_id FROM authors WHERE ref = ?", "v.access_author"},
        NamedFilter{query.label_group, "SELECT group_id FROM access_groups WHERE name = ?", "v.access_group"}}) {
    if (named.name.empty()) continue;
    KENES_ASSIGN_OR_RETURN(std::vector<int64_t> ids, KnownIds(reader, named.lookup, {named.name}));
    if (ids.empty()) return std::optional<QueryFilter>();
    filter.sql += fmt::format(" AND {} = {}", named.column, filter.Parameter(ids.front()));
  }
  if (query.label_levels != 0) {
    filter.sql += fmt::format(" AND ({} >> v.access_level) & 1", filter.Parameter(int64_t{query.label_levels}));
  }
  std::vector<std::string> selectors;
  if (query.versions.first) selectors.push_back(NoOtherVisibleVersion(viewer, "<"));
  if (query.versions.last) selectors.push_back(NoOtherVisibleVersion(viewer, ">"));
  if (!query.versions.at.empty()) {
    std::vector<std::string> instants;
    for (const Timestamp& time : query.versions.at) instants.push_back(InstantKey(time));
    selectors.push_back(
        fmt::format(" (v.version_seconds || ':' || v.version_nanos) IN (SELECT value FROM json_each({}))",
                    filter.Parameter(JsonArray(instants))));
  }
  if (!selectors.empty()) filter.sql += fmt::format(" AND ({})", fmt::join(selectors, " OR"));
  if (!query.text.empty()) {
    KENES_ASSIGN_OR_RETURN(std::string match, sqlite::FullTextQuery(query.text));
    filter.sql += fmt::format(
        " AND v.date_added IN (SELECT rowid FROM idx.search_texts WHERE search_texts MATCH {}) AND{}",
        filter.Parameter(std::move(match)), NoOtherVisibleVersion(viewer, ">"));
  }
  return std::optional<QueryFilter>(std::move(filter));
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

// The state of `id`, and whether its version `version` is stored. Reads
// both levels of the id index and `pending`, the entries of the batch under
// way (by hash), which it inserts only at its end.
Result<ObjectState> FindObject(Connection& connection, std::string_view id, const std::optional<Timestamp>& version,
                               const PendingIds& pending = PendingIds()) {
  // One statement for both levels: this runs once per object written, and
  // almost every object in a bulk load is new. (kOfId's IN (... UNION ALL
  // ...) would build a temporary table per run.)
  static const std::string kIndexed =
      "SELECT v.version_seconds, v.version_nanos, v.revoked, v.id, v.date_added FROM recent_ids r "
      "JOIN versions v ON v.date_added = r.date_added WHERE r.id_hash = ?1 UNION ALL "
      "SELECT v.version_seconds, v.version_nanos, v.revoked, v.id, v.date_added FROM ids r "
      "JOIN versions v ON v.date_added = r.date_added WHERE r.id_hash = ?1";
  static const std::string kPending =
      "SELECT version_seconds, version_nanos, revoked, id, date_added FROM versions WHERE date_added = ?1";
  const int64_t id_hash = sqlite::IdHash(id);
  ObjectState state;
  auto take_rows = [&](Statement& rows) -> Status {
    for (;;) {
      KENES_ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) return Status::Ok();
      if (rows.Text(3) != id) continue;  // another id with the same hash
      std::optional<Timestamp> stamp = ReadVersion(rows, 0);
      if (!state.exists || stamp > state.latest_version) state.latest_version = stamp;
      if (rows.Int(2) != 0 && (!state.revoked_version || stamp < state.revoked_version)) {
        state.revoked_version = stamp;
      }
      if (stamp == version) state.same_version = rows.Int(4);
      state.exists = true;
    }
  };
  KENES_ASSIGN_OR_RETURN(Statement indexed, connection.Prepare(kIndexed));
  indexed.BindInt(1, id_hash);
  KENES_RETURN_IF_ERROR(take_rows(indexed));
  KENES_RETURN_IF_ERROR(pending.ForEach(id_hash, [&](int64_t date_added) -> Status {
    KENES_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(kPending));
    statement.BindInt(1, date_added);
    return take_rows(statement);
  }));
  return state;
}

// The start of a query reading StoredVersions of versions `v`; without the
// JSON text (manifests), which is most of a version's bytes.
std::string SelectVersions(bool with_json = true) {
  return fmt::format(
      "SELECT v.id, t.name, v.spec_version, v.version_seconds, v.version_nanos, v.version_digits, v.date_added, "
      "a.ref, v.markings, v.revoked, {} FROM versions v "
      "JOIN types t ON t.type_id = v.type_id LEFT JOIN authors a ON a.author_id = v.author_id ",
      with_json ? "v.json" : "''");
}

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

// The index database (index_database.h) beside the store `file`:
// kenes.db's is kenes-index.db.
std::filesystem::path IndexFile(const std::filesystem::path& file) {
  return file.parent_path() / (file.stem().string() + "-index" + file.extension().string());
}

// Makes the index database of the store `file` readable as `idx` on `connection`.
Status AttachIndex(Connection& connection, const std::filesystem::path& file) {
  const std::string index_file = IndexFile(file).string();
  KENES_ASSIGN_OR_RETURN(Statement attach, connection.Prepare("ATTACH DATABASE ? AS idx"));
  attach.BindText(1, index_file);
  return attach.Run();
}

// A connection that writes `file`, creating it if absent.
Result<std::unique_ptr<Connection>> OpenForWriting(const std::filesystem::path& file,
                                                   const SqliteStoreOptions& options) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         Connection::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  // page_size only takes on a new file; 8 KiB measured a little less CPU per
  // stored object than 4 KiB (bench_ingest), with rows of about 600 bytes.
  // FULL: in WAL mode NORMAL skips the fsync at commit and a power cut loses
  // acknowledged batches. Checkpoints run on our own thread, not at commit.
  KENES_RETURN_IF_ERROR(connection->Execute(fmt::format(
      "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; "
      "PRAGMA journal_size_limit = {}; PRAGMA cache_size = -{}; PRAGMA temp_store = MEMORY;",
      64 << 20, options.cache_bytes / 1024)));
  return connection;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::filesystem::path file, SqliteStoreOptions options, std::unique_ptr<Connection> writer,
              std::unique_ptr<IndexDatabase> index, std::unique_ptr<Connection> checkpointer)
      : file_(std::move(file)),
        options_(options),
        writer_(std::move(writer)),
        id_levels_(options.recent_ids_limit),
        index_(std::move(index)) {
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
    (void)index_->connection().Execute("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  Result<std::vector<WriteResult>> Put(std::span<const stix::Object> objects,
                                       std::span<const AccessLabel> labels) override {
    KENES_RETURN_IF_ERROR(CheckLabels(objects, labels));
    std::lock_guard lock(write_mutex_);
    IndexBatch index(*index_, objects);
    using Results = std::vector<WriteResult>;
    KENES_ASSIGN_OR_RETURN(Results results,
                           WriteInTransaction<Results>([&] { return PutInTransaction(objects, labels, index); }));
    // The versions are durable; the index thread has finished its part
    // meanwhile. The index commits after the versions, and catches up with
    // them should it fail (an error then is the index's alone).
    Status indexed = index.Prepare();
    if (indexed.ok()) indexed = index.Commit();
    if (!indexed.ok()) KENES_RETURN_IF_ERROR(index_->CatchUp(*writer_));
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
                                                        SelectVersions(), kOfId, VisibleTo(viewer, "v"))));
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

  Result<size_t> Delete(std::string_view id, const VersionMatch& match, std::span<const std::string> spec_versions,
                        const Viewer* viewer) override {
    std::lock_guard lock(write_mutex_);
    KENES_ASSIGN_OR_RETURN(std::vector<Deleted> deleted, WriteInTransaction<std::vector<Deleted>>([&] {
                             return DeleteInTransaction(id, match, spec_versions, viewer);
                           }));
    if (deleted.empty()) return Status::NotFound(fmt::format("no matching version of {}", id));
    // The versions are gone for good. Should the index keep some of their
    // entries (it fails, or the process dies first), nothing shows them:
    // reads join the index with the versions, and date_added is never
    // given twice.
    Status status = index_->Begin();
    for (size_t i = 0; status.ok() && i < deleted.size(); ++i) {
      status = index_->Remove(deleted[i].json, deleted[i].date_added);
    }
    if (status.ok()) status = index_->Finish(0);
    if (status.ok()) status = index_->Commit();
    if (!status.ok()) index_->Rollback();
    return deleted.size();
  }

  Status GrantObject(std::string_view id, std::string_view grantee) override {
    std::lock_guard lock(write_mutex_);
    return WriteInTransaction<bool>([&]() -> Result<bool> {
             KENES_ASSIGN_OR_RETURN(int64_t grantee_id,
                                    NameId(author_ids_, "authors", "ref", std::string(grantee)));
             KENES_ASSIGN_OR_RETURN(
                 Statement insert,
                 writer_->Prepare("INSERT OR IGNORE INTO object_grants (grantee_id, id_hash, id) VALUES (?, ?, ?)"));
             insert.BindInt(1, grantee_id);
             insert.BindInt(2, sqlite::IdHash(id));
             insert.BindText(3, id);
             KENES_RETURN_IF_ERROR(insert.Run());
             return true;
           })
        .status();
  }

  Result<std::optional<std::string>> CreatorOf(std::string_view id) override {
    // One statement, so no explicit transaction: it reads one snapshot.
    static const std::string kCreators =
        "SELECT v.version_seconds, v.version_nanos, a.ref, v.id FROM recent_ids r "
        "JOIN versions v ON v.date_added = r.date_added LEFT JOIN authors a ON a.author_id = v.author_id "
        "WHERE r.id_hash = ?1 UNION ALL "
        "SELECT v.version_seconds, v.version_nanos, a.ref, v.id FROM ids r "
        "JOIN versions v ON v.date_added = r.date_added LEFT JOIN authors a ON a.author_id = v.author_id "
        "WHERE r.id_hash = ?1";
    KENES_ASSIGN_OR_RETURN(ReaderLease reader, BorrowReader());
    KENES_ASSIGN_OR_RETURN(Statement rows, reader->Prepare(kCreators));
    rows.BindInt(1, sqlite::IdHash(id));
    std::optional<std::string> creator;
    std::optional<Timestamp> latest;
    for (;;) {
      KENES_ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) break;
      if (rows.Text(3) != id) continue;  // another id with the same hash
      std::optional<Timestamp> stamp = ReadVersion(rows, 0);
      if (!creator || stamp > latest) {
        latest = stamp;
        creator = std::string(rows.Text(2));
      }
    }
    return creator;
  }

  Result<std::vector<StoredVersion>> ReferencedBy(std::string_view id, const Viewer* viewer, size_t limit) override {
    using Versions = std::vector<StoredVersion>;
    if (limit == 0) return Versions();
    return ReadInTransaction<Versions>([&](Connection& reader) -> Result<Versions> {
      KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
      // instr() rules out versions that are there only because another id
      // has the same hash: their text does not name this id.
      KENES_ASSIGN_OR_RETURN(
          Statement statement,
          reader.Prepare(fmt::format(
              "{}WHERE v.date_added IN (SELECT date_added FROM idx.recent_refs WHERE target_hash = ?1 UNION ALL "
              "SELECT date_added FROM idx.refs WHERE target_hash = ?1) AND instr(v.json, ?2) > 0{} AND{} "
              "ORDER BY v.date_added DESC LIMIT ?3",
              SelectVersions(), VisibleTo(viewer, "v"), NoOtherVisibleVersion(viewer, ">"))));
      BindId(statement, id);
      statement.BindInt(3, static_cast<int64_t>(std::min<size_t>(limit, kMaxLimit)));
      resolved.Bind(statement);
      return ReadAll(statement);
    });
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

  // What a Put batch gathers as it goes and writes at its end.
  struct Batch {
    explicit Batch(size_t size) : pending_ids(size) {}

    int64_t last_date_added = 0;
    std::unordered_map<int64_t, TypeCounts> counts;  // increments of type_counts, per type_id
    // Id index entries, inserted in key order at the end (InsertIndexRows);
    // FindObject looks the batch's own ids up in `pending_ids`.
    IndexRows ids;
    PendingIds pending_ids;
  };

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
    KENES_RETURN_IF_ERROR(AttachIndex(*connection, file_));
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
      KENES_ASSIGN_OR_RETURN(Statement statement, reader.Prepare(fmt::format("{}WHERE {}{} {}", SelectVersions(), kOfId,
                                                                             VisibleTo(viewer, "v"), order_by)));
      BindId(statement, id);
      resolved.Bind(statement);
      return ReadAll(statement);
    }));
    if (versions.empty()) return Status::NotFound(fmt::format("no object {}", id));
    return versions;
  }

  // Runs `write` (returning Result<T>) on the writer connection in one
  // transaction, committed durably when it succeeds and rolled back when not.
  template <typename T, typename Write>
  // REQUIRES: write_mutex_ held.
  Result<T> WriteInTransaction(Write write) {
    KENES_RETURN_IF_ERROR(writer_->Run("BEGIN IMMEDIATE"));
    Result<T> result = write();
    Status status = result.ok() ? writer_->Run("COMMIT") : result.status();
    if (!status.ok()) {
      (void)writer_->Execute("ROLLBACK");  // the first error is the one worth reporting
      // Names inserted by the rolled-back transaction are gone again.
      type_ids_.clear();
      author_ids_.clear();
      group_ids_.clear();
      id_levels_.Forget();
      return status;
    }
    {
      std::lock_guard checkpoint_lock(checkpoint_mutex_);
      log_grew_ = true;
    }
    return result;
  }

  // Runs `read` on a borrowed connection inside one read transaction, so
  // that all its queries see the same snapshot.
  template <typename T, typename Read>
  Result<T> ReadInTransaction(Read read) {
    KENES_ASSIGN_OR_RETURN(ReaderLease reader, BorrowReader());
    KENES_RETURN_IF_ERROR(reader->Run("BEGIN"));
    Result<T> result = read(*reader);
    KENES_RETURN_IF_ERROR(reader->Run("COMMIT"));
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

  // The greatest date_added ever given, also when that version was deleted since.
  Result<int64_t> LastDateAdded() {
    KENES_ASSIGN_OR_RETURN(Statement statement,
                           writer_->Prepare("SELECT max(coalesce((SELECT max(date_added) FROM versions), 0), "
                                            "coalesce((SELECT max(date_added) FROM deleted_date_added), 0))"));
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    return row ? statement.Int(0) : 0;
  }

  Result<std::vector<WriteResult>> PutInTransaction(std::span<const stix::Object> objects,
                                                    std::span<const AccessLabel> labels, IndexBatch& index) {
    Batch batch(objects.size());
    // Read inside the write transaction: another process may have written since our last batch.
    KENES_ASSIGN_OR_RETURN(batch.last_date_added, LastDateAdded());
    batch.ids.reserve(objects.size());
    std::vector<WriteResult> results;
    results.reserve(objects.size());
    for (size_t i = 0; i < objects.size(); ++i) {
      const AccessLabel* label = labels.empty() ? nullptr : &labels[i];
      KENES_ASSIGN_OR_RETURN(WriteResult result, PutOne(objects[i], label, batch));
      index.Decide(i, result.outcome == WriteOutcome::kStored
                          ? std::optional<int64_t>(result.date_added.TotalMicroseconds())
                          : std::nullopt);
      results.push_back(std::move(result));
    }
    KENES_RETURN_IF_ERROR(sqlite::InsertIndexRows(*writer_, "recent_ids", batch.ids));
    KENES_ASSIGN_OR_RETURN(Statement statement,
                           writer_->Prepare("INSERT INTO type_counts (type_id, versions, objects) VALUES (?, ?, ?) "
                                            "ON CONFLICT (type_id) DO UPDATE SET versions = versions + "
                                            "excluded.versions, objects = objects + excluded.objects"));
    for (const auto& [type_id, delta] : batch.counts) {
      statement.BindInt(1, type_id);
      statement.BindInt(2, delta.versions);
      statement.BindInt(3, delta.objects);
      KENES_RETURN_IF_ERROR(statement.Run());
    }
    KENES_RETURN_IF_ERROR(id_levels_.MergeWhenFull(*writer_, "recent_ids", "ids"));
    return results;
  }

  // A deleted version, for the index database.
  struct Deleted {
    int64_t date_added;
    int64_t type_id;
    std::string json;
  };

  // Deletes from the store; the index database follows after the commit.
  Result<std::vector<Deleted>> DeleteInTransaction(std::string_view id, const VersionMatch& match,
                                                   std::span<const std::string> spec_versions, const Viewer* viewer) {
    ListQuery selection;
    selection.ids = {std::string(id)};
    selection.versions = match;
    selection.spec_versions.assign(spec_versions.begin(), spec_versions.end());
    if (viewer != nullptr) selection.viewer = *viewer;
    KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(*writer_, viewer));
    KENES_ASSIGN_OR_RETURN(std::optional<QueryFilter> filter, FilterFor(*writer_, selection));
    std::vector<Deleted> doomed;
    if (!filter) return doomed;
    {
      KENES_ASSIGN_OR_RETURN(Statement select,
                             writer_->Prepare(fmt::format("SELECT v.date_added, v.type_id, v.json FROM versions v "
                                                          "WHERE 1{}{}",
                                                          VisibleTo(viewer, "v", Purpose::kRemove), filter->sql)));
      resolved.Bind(select);
      filter->Bind(select);
      for (;;) {
        KENES_ASSIGN_OR_RETURN(bool row, select.Step());
        if (!row) break;
        doomed.push_back({select.Int(0), select.Int(1), std::string(select.Text(2))});
      }
    }
    if (doomed.empty()) return doomed;
    static const std::vector<std::string> remove_version = {
        "DELETE FROM versions WHERE date_added = ?2", "DELETE FROM recent_ids WHERE id_hash = ?1 AND date_added = ?2",
        "DELETE FROM ids WHERE id_hash = ?1 AND date_added = ?2"};
    for (const std::string& sql : remove_version) {
      KENES_ASSIGN_OR_RETURN(Statement statement, writer_->Prepare(sql));
      for (const Deleted& version : doomed) {
        statement.BindInt(1, sqlite::IdHash(id));
        statement.BindInt(2, version.date_added);
        KENES_RETURN_IF_ERROR(statement.Run());
      }
    }
    int64_t last_deleted = 0;
    for (const Deleted& version : doomed) last_deleted = std::max(last_deleted, version.date_added);
    // Every version of an id has the type its id names.
    KENES_ASSIGN_OR_RETURN(ObjectState remaining, FindObject(*writer_, id, std::nullopt));
    KENES_ASSIGN_OR_RETURN(
        Statement count,
        writer_->Prepare("UPDATE type_counts SET versions = versions - ?2, objects = objects - ?3 WHERE type_id = ?1"));
    count.BindInt(1, doomed.front().type_id);
    count.BindInt(2, static_cast<int64_t>(doomed.size()));
    count.BindInt(3, remaining.exists ? 0 : 1);
    KENES_RETURN_IF_ERROR(count.Run());
    // A single row: the greatest date_added deleted so far.
    KENES_RETURN_IF_ERROR(writer_->Execute(fmt::format(
        "DELETE FROM type_counts WHERE versions <= 0; DELETE FROM deleted_date_added WHERE date_added < {0}; "
        "INSERT INTO deleted_date_added SELECT {0} WHERE NOT EXISTS (SELECT 1 FROM deleted_date_added);",
        last_deleted)));
    return doomed;
  }

  static WriteResult Refused(WriteOutcome outcome, std::string message) {
    WriteResult result;
    result.outcome = outcome;
    result.message = std::move(message);
    return result;
  }

  // `label` nullptr: the object's author only (store.h).
  Result<WriteResult> PutOne(const stix::Object& object, const AccessLabel* label, Batch& batch) {
    if (object.json.empty() || object.type.empty() || !object.id.starts_with(object.type) ||
        !std::string_view(object.id).substr(object.type.size()).starts_with("--")) {
      return Refused(WriteOutcome::kInvalid, fmt::format("'{}' is not an id of type '{}' with JSON text",
                                                         object.id, object.type));
    }
    const std::optional<Timestamp> version = object.VersionTimestamp();
    KENES_ASSIGN_OR_RETURN(ObjectState state, FindObject(*writer_, object.id, version, batch.pending_ids));
    if (state.exists) {
      if (state.latest_version.has_value() != version.has_value()) {
        return Refused(WriteOutcome::kConflict,
                       fmt::format("{} is stored {} a version timestamp and this one has {}", object.id,
                                   version ? "without" : "with", version ? "one" : "none"));
      }
      if (state.same_version) return SameVersion(object, *state.same_version);
      if (state.revoked_version && *version > *state.revoked_version) {
        return Refused(WriteOutcome::kRevoked,
                       fmt::format("{} was revoked at {}; no newer version is accepted", object.id,
                                   FormatInstant(*state.revoked_version)));
      }
    }

    const int64_t date_added = std::max(options_.clock->Now().TotalMicroseconds(), batch.last_date_added + 1);
    KENES_ASSIGN_OR_RETURN(int64_t type_id, NameId(type_ids_, "types", "name", object.type));
    std::optional<int64_t> author_id;
    if (!object.created_by_ref.empty()) {
      KENES_ASSIGN_OR_RETURN(author_id, NameId(author_ids_, "authors", "ref", object.created_by_ref));
    }
    KENES_ASSIGN_OR_RETURN(StoredLabel stored_label, StoreLabel(label, author_id));
    KENES_RETURN_IF_ERROR(InsertVersion(object, version, date_added, type_id, author_id, stored_label, batch));
    batch.last_date_added = date_added;
    TypeCounts& delta = batch.counts[type_id];
    ++delta.versions;
    delta.objects += state.exists ? 0 : 1;

    WriteResult result;
    result.date_added = TimestampFromMicroseconds(date_added);
    return result;
  }

  // The result for `object` whose (id, version) is stored at `date_added`:
  // a duplicate when the text is the same, else a conflict.
  Result<WriteResult> SameVersion(const stix::Object& object, int64_t date_added) {
    KENES_ASSIGN_OR_RETURN(Statement statement, writer_->Prepare("SELECT json FROM versions WHERE date_added = ?"));
    statement.BindInt(1, date_added);
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return Status::Internal(fmt::format("the version of {} at {} vanished", object.id, date_added));
    WriteResult result;
    result.date_added = TimestampFromMicroseconds(date_added);
    if (statement.Text(0) == object.json) {
      result.outcome = WriteOutcome::kDuplicate;
    } else {
      result.outcome = WriteOutcome::kConflict;
      result.message = fmt::format("{} already has this version with different content; the first one is kept",
                                   object.id);
    }
    return result;
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
                       int64_t type_id, std::optional<int64_t> author_id, const StoredLabel& label, Batch& batch) {
    static const std::string insert_version =
        "INSERT INTO versions (date_added, id_hash, version_seconds, version_nanos, version_digits, type_id, "
        "author_id, spec_version, revoked, markings, json, id, access_author, access_audience, access_level, "
        "access_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
    batch.ids.emplace_back(id_hash, date_added);
    batch.pending_ids.Add(id_hash, date_added);
    return Status::Ok();
  }

  Result<Page> ListInTransaction(Connection& reader, const ListQuery& query, int64_t after) {
    Page page;
    page.cursor = EncodeCursor(after);
    const Viewer* viewer = query.viewer ? &*query.viewer : nullptr;
    KENES_ASSIGN_OR_RETURN(ResolvedViewer resolved, Resolve(reader, viewer));
    KENES_ASSIGN_OR_RETURN(std::optional<QueryFilter> filter, FilterFor(reader, query));
    if (!filter) return page;
    std::string sql = SelectVersions(query.with_json) + "WHERE v.date_added > ?1" + VisibleTo(viewer, "v");
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
    sql += filter->sql + " ORDER BY v.date_added LIMIT ?4";

    KENES_ASSIGN_OR_RETURN(Statement statement, reader.Prepare(sql));
    std::vector<StoredVersion> found;
    for (const std::optional<int64_t>& type_id : type_ids) {
      statement.BindInt(1, after);
      if (type_id) statement.BindInt(3, *type_id);
      // One more than asked tells whether there is more.
      statement.BindInt(4, static_cast<int64_t>(std::min<size_t>(query.limit, kMaxLimit)) + 1);
      resolved.Bind(statement);
      filter->Bind(statement);
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
      // PASSIVE never blocks the writer or readers; a failure is retried next
      // round. Every database of the connection: the store's and the index's.
      sqlite3_wal_checkpoint_v2(connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  const std::filesystem::path file_;
  const SqliteStoreOptions options_;

  std::mutex write_mutex_;  // guards writer_, the name caches, id_levels_ and index_
  std::unique_ptr<Connection> writer_;
  std::unordered_map<std::string, int64_t> type_ids_;
  std::unordered_map<std::string, int64_t> author_ids_;
  std::unordered_map<std::string, int64_t> group_ids_;
  sqlite::LevelMerger id_levels_;
  std::unique_ptr<IndexDatabase> index_;

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
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer, OpenForWriting(file, options));
  KENES_RETURN_IF_ERROR(sqlite::Migrate(*writer));
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> index_writer, OpenForWriting(IndexFile(file), options));
  KENES_RETURN_IF_ERROR(sqlite::MigrateIndex(*index_writer));
  auto index = std::make_unique<IndexDatabase>(std::move(index_writer), options.recent_ids_limit);
  KENES_RETURN_IF_ERROR(index->CatchUp(*writer));
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> checkpointer,
                         Connection::Open(file, SQLITE_OPEN_READWRITE));
  KENES_RETURN_IF_ERROR(checkpointer->Execute("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;"));
  KENES_RETURN_IF_ERROR(AttachIndex(*checkpointer, file));
  return std::unique_ptr<Store>(
      new SqliteStore(file, options, std::move(writer), std::move(index), std::move(checkpointer)));
}

}  // namespace kenes::store
