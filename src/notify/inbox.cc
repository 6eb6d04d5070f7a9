#include "notify/inbox.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <utility>

#include "notify/word_list.h"
#include "share/write_transaction.h"

namespace kenes::notify {
namespace {

using store::sqlite::Statement;

// Notices the worker records in one transaction at most: bounds how long a
// reader waits for the database behind a burst.
constexpr size_t kBatchSize = 256;

constexpr std::string_view kColumns =
    "notice_id, organisation, kind, object_id, title, data, addressed, created, read IS NOT NULL";

StoredNotice ReadNotice(const Statement& row) {
  StoredNotice stored;
  stored.id = row.Int(0);
  stored.organisation = row.Text(1);
  stored.notice.kind = row.Text(2);
  stored.notice.object_id = row.Text(3);
  stored.notice.title = row.Text(4);
  stored.notice.data = row.Text(5);
  stored.notice.organisations = SplitWords(row.Text(6));
  stored.created = TimestampFromMicroseconds(row.Int(7));
  stored.read = row.Int(8) != 0;
  return stored;
}

Result<std::vector<StoredNotice>> ReadNotices(Statement& statement) {
  std::vector<StoredNotice> notices;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return notices;
    notices.push_back(ReadNotice(statement));
  }
}

// An empty view may have no data, which SQLite binds as NULL: "" matches "?N = ''".
std::string_view OrAll(std::string_view organisation) {
  return organisation.empty() ? std::string_view("") : organisation;
}

Status CheckNotice(const Notice& notice) {
  if (notice.object_id.empty()) {
    return Status::InvalidArgument(
        fmt::format("a '{}' notice names no object: readers could not be checked", notice.kind));
  }
  if (notice.kind.empty()) return Status::InvalidArgument("a notice needs a kind");
  simdjson::dom::parser parser;
  simdjson::padded_string padded(notice.data);
  simdjson::dom::object object;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("the data of a '{}' notice is not a JSON object", notice.kind));
  }
  return Status::Ok();
}

}  // namespace

class Inbox::ListenerSubscription : public NoticeFeed::Subscription {
 public:
  ListenerSubscription(Inbox& inbox, uint64_t id) : inbox_(inbox), id_(id) {}
  ~ListenerSubscription() override { inbox_.Unsubscribe(id_); }

 private:
  Inbox& inbox_;
  uint64_t id_;
};

Inbox::Inbox(NotifyDatabase& database, Audience& audience, InboxOptions options)
    : database_(database), audience_(audience), options_(options) {
  worker_ = std::thread([this] { Work(); });
}

Inbox::~Inbox() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_changed_.notify_all();
  worker_.join();
}

NoticeSink Inbox::Sink() {
  return [this](Notice notice) {
    std::unique_lock lock(queue_mutex_);
    queue_changed_.wait(lock, [this] { return queue_.size() < options_.queue_capacity || stopping_; });
    queue_.push_back(std::move(notice));
    ++queued_;
    queue_changed_.notify_all();
  };
}

void Inbox::Flush() {
  std::unique_lock lock(queue_mutex_);
  const uint64_t target = queued_;
  queue_changed_.wait(lock, [&] { return recorded_ >= target; });
}

Status Inbox::last_failure() {
  std::lock_guard lock(failure_mutex_);
  return last_failure_;
}

void Inbox::KeepFailure(Status status) {
  std::lock_guard lock(failure_mutex_);
  last_failure_ = std::move(status);
}

void Inbox::Work() {
  std::unique_lock lock(queue_mutex_);
  for (;;) {
    queue_changed_.wait(lock, [this] { return !queue_.empty() || stopping_; });
    // Stopping still records what was queued: the sink accepted it.
    if (queue_.empty()) return;
    std::vector<Notice> batch;
    while (!queue_.empty() && batch.size() < kBatchSize) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    queue_changed_.notify_all();  // room for waiting publishers
    lock.unlock();
    // One bad notice must not lose the others of its batch.
    Result<std::vector<StoredNotice>> recorded = Record(batch);
    if (!recorded.ok() && recorded.status().code() == StatusCode::kInvalidArgument) {
      for (const Notice& notice : batch) {
        Result<std::vector<StoredNotice>> one = Record({notice});
        if (!one.ok()) KeepFailure(one.status());
      }
    } else if (!recorded.ok()) {
      KeepFailure(recorded.status());
    }
    lock.lock();
    recorded_ += batch.size();
    queue_changed_.notify_all();
  }
}

Result<std::vector<StoredNotice>> Inbox::Record(const std::vector<Notice>& notices) {
  // The audience is read from the store and community before the inbox's
  // lock is taken, so readers of the inbox do not wait on those reads.
  std::vector<std::vector<std::string>> audiences;
  for (const Notice& notice : notices) {
    KENES_RETURN_IF_ERROR(CheckNotice(notice));
    KENES_ASSIGN_OR_RETURN(std::vector<std::string> audience, audience_.Of(notice));
    audiences.push_back(std::move(audience));
  }
  std::vector<StoredNotice> stored;
  {
    std::lock_guard lock(database_.mutex);
    const Timestamp now = database_.clock->Now();
    KENES_RETURN_IF_ERROR(share::InWriteTransaction(*database_.connection, [&]() -> Status {
      stored.clear();
      KENES_ASSIGN_OR_RETURN(
          Statement insert,
          database_.connection->Prepare("INSERT INTO notices (organisation, kind, object_id, title, data, addressed, "
                                        "created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING notice_id"));
      for (size_t i = 0; i < notices.size(); ++i) {
        const std::string addressed = JoinWords(notices[i].organisations);
        for (const std::string& organisation : audiences[i]) {
          insert.BindText(1, organisation);
          insert.BindText(2, notices[i].kind);
          insert.BindText(3, notices[i].object_id);
          insert.BindText(4, notices[i].title);
          insert.BindText(5, notices[i].data);
          insert.BindText(6, addressed);
          insert.BindInt(7, now.TotalMicroseconds());
          KENES_ASSIGN_OR_RETURN(bool inserted, insert.Step());
          if (!inserted) return Status::Internal("a notice was inserted without an id");
          stored.push_back(StoredNotice{insert.Int(0), now, organisation, notices[i], false});
        }
      }
      return Status::Ok();
    }));
  }
  std::lock_guard lock(listeners_mutex_);
  for (const StoredNotice& notice : stored) {
    for (const auto& [id, listener] : listeners_) listener(notice);
  }
  return stored;
}

Result<std::vector<StoredNotice>> Inbox::List(const InboxFilter& filter) {
  std::string sql = fmt::format("SELECT {} FROM notices WHERE 1", kColumns);
  // Parameters by position, so the SQL text (and its cached statement) varies only with which filters are set.
  if (!filter.organisation.empty()) sql += " AND organisation = ?1";
  if (filter.read) sql += *filter.read ? " AND read IS NOT NULL" : " AND read IS NULL";
  if (!filter.kind.empty()) sql += " AND kind = ?2";
  if (filter.since) sql += " AND created >= ?3";
  if (filter.before_id > 0) sql += " AND notice_id < ?4";
  sql += " ORDER BY notice_id DESC LIMIT ?5";
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement, database_.connection->Prepare(sql));
  if (!filter.organisation.empty()) statement.BindText(1, filter.organisation);
  if (!filter.kind.empty()) statement.BindText(2, filter.kind);
  if (filter.since) statement.BindInt(3, filter.since->TotalMicroseconds());
  if (filter.before_id > 0) statement.BindInt(4, filter.before_id);
  statement.BindInt(5, static_cast<int64_t>(filter.limit));
  return ReadNotices(statement);
}

Result<int64_t> Inbox::CountUnread(std::string_view organisation) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement,
                         database_.connection->Prepare(
                             "SELECT count(*) FROM notices WHERE read IS NULL AND (?1 = '' OR organisation = ?1)"));
  statement.BindText(1, OrAll(organisation));
  KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
  return row ? statement.Int(0) : 0;
}

Result<StoredNotice> Inbox::MarkRead(int64_t id, std::string_view organisation, std::string_view user) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement update,
                         database_.connection->Prepare(
                             "UPDATE notices SET read_by = ?3, read = ?4 WHERE notice_id = ?1 AND read IS NULL AND "
                             "(?2 = '' OR organisation = ?2)"));
  update.BindInt(1, id);
  update.BindText(2, OrAll(organisation));
  update.BindText(3, user);
  update.BindInt(4, database_.clock->Now().TotalMicroseconds());
  KENES_RETURN_IF_ERROR(update.Run());
  KENES_ASSIGN_OR_RETURN(
      Statement select,
      database_.connection->Prepare(
          fmt::format("SELECT {} FROM notices WHERE notice_id = ?1 AND (?2 = '' OR organisation = ?2)", kColumns)));
  select.BindInt(1, id);
  select.BindText(2, OrAll(organisation));
  KENES_ASSIGN_OR_RETURN(std::vector<StoredNotice> notices, ReadNotices(select));
  if (notices.empty()) return Status::NotFound(fmt::format("no notice {}", id));
  return std::move(notices.front());
}

Result<int64_t> Inbox::MarkAllRead(std::string_view organisation, std::string_view user) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement update,
                         database_.connection->Prepare("UPDATE notices SET read_by = ?2, read = ?3 "
                                                       "WHERE read IS NULL AND (?1 = '' OR organisation = ?1)"));
  update.BindText(1, OrAll(organisation));
  update.BindText(2, user);
  update.BindInt(3, database_.clock->Now().TotalMicroseconds());
  KENES_RETURN_IF_ERROR(update.Run());
  return static_cast<int64_t>(sqlite3_changes(database_.connection->handle()));
}

Result<std::vector<StoredNotice>> Inbox::Since(std::string_view organisation, int64_t after, size_t limit) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement, database_.connection->Prepare(fmt::format(
                                                  "SELECT {} FROM notices WHERE notice_id > ?1 AND (?2 = '' OR "
                                                  "organisation = ?2) ORDER BY notice_id LIMIT ?3",
                                                  kColumns)));
  statement.BindInt(1, after);
  statement.BindText(2, OrAll(organisation));
  statement.BindInt(3, static_cast<int64_t>(limit));
  return ReadNotices(statement);
}

std::unique_ptr<NoticeFeed::Subscription> Inbox::Subscribe(Listener listener) {
  std::lock_guard lock(listeners_mutex_);
  const uint64_t id = next_listener_++;
  listeners_.emplace(id, std::move(listener));
  return std::make_unique<ListenerSubscription>(*this, id);
}

void Inbox::Unsubscribe(uint64_t id) {
  std::lock_guard lock(listeners_mutex_);
  listeners_.erase(id);
}

}  // namespace kenes::notify
