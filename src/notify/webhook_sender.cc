#include "notify/webhook_sender.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "notify/notice_json.h"
#include "notify/webhook_signature.h"
#include "notify/webhook_url.h"
#include "share/write_transaction.h"

namespace kenes::notify {
namespace {

using store::sqlite::Statement;

// Deliveries read per look at the database; the rest wait for the next look.
constexpr int64_t kDueBatch = 32;

bool Retryable(const PostOutcome& outcome) {
  return outcome.status == 0 || outcome.status == 429 || outcome.status >= 500;
}

}  // namespace

struct WebhookSender::Due {
  int64_t delivery_id = 0;
  int64_t attempts = 0;  // made before this one
  std::string url;
  std::string secret;
  StoredNotice notice;
};

WebhookSender::WebhookSender(NotifyDatabase& database, NoticeFeed& feed, Audience& audience,
                             WebhookSenderOptions options)
    : database_(database), audience_(audience), options_(std::move(options)), client_(options_.client) {
  subscription_ = feed.Subscribe([this](const StoredNotice&) { Wake(); });
  thread_ = std::thread([this] { Run(); });
}

WebhookSender::~WebhookSender() {
  subscription_.reset();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WebhookSender::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  changed_.notify_all();
}

Status WebhookSender::last_failure() {
  std::lock_guard lock(mutex_);
  return last_failure_;
}

void WebhookSender::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    woken_ = false;
    lock.unlock();
    int64_t next_due = 0;
    Status status = Schedule();
    Result<std::vector<Due>> due = status.ok() ? DueNow(next_due) : Result<std::vector<Due>>(status);
    if (due.ok()) {
      for (const Due& delivery : *due) {
        {
          std::lock_guard check(mutex_);
          if (stopping_) break;
        }
        status = Send(delivery);
        if (!status.ok()) break;
      }
      // A full batch may have left more due at once.
      if (status.ok() && static_cast<int64_t>(due->size()) == kDueBatch) next_due = 1;
    } else {
      status = due.status();
    }
    lock.lock();
    if (!status.ok()) last_failure_ = status;
    auto wait = options_.idle_poll;
    if (next_due > 0) {
      const int64_t until = next_due - database_.clock->Now().TotalMicroseconds();
      wait = std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::microseconds(until)),
                        std::chrono::milliseconds(0), options_.idle_poll);
    }
    changed_.wait_for(lock, wait, [this] { return woken_ || stopping_; });
  }
}

Status WebhookSender::Schedule() {
  std::lock_guard lock(database_.mutex);
  const int64_t now = database_.clock->Now().TotalMicroseconds();
  return share::InWriteTransaction(*database_.connection, [&]() -> Status {
    KENES_ASSIGN_OR_RETURN(Statement schedule,
                           database_.connection->Prepare(
                               "INSERT INTO deliveries (webhook_id, notice_id, state, attempts, next_attempt, created) "
                               "SELECT w.webhook_id, n.notice_id, 'pending', 0, ?1, ?1 FROM notices n "
                               "JOIN webhooks w ON w.organisation = n.organisation AND w.enabled = 1 "
                               "AND n.notice_id > w.after_notice "
                               "AND (w.kinds = '' OR instr(' ' || w.kinds || ' ', ' ' || n.kind || ' ') > 0) "
                               "WHERE n.notice_id > (SELECT notice_id FROM sender_cursor) "
                               "ORDER BY n.notice_id ON CONFLICT DO NOTHING"));
    schedule.BindInt(1, now);
    KENES_RETURN_IF_ERROR(schedule.Run());
    return database_.connection->Run(
        "UPDATE sender_cursor SET notice_id = (SELECT coalesce(max(notice_id), 0) FROM notices) "
        "WHERE notice_id < (SELECT coalesce(max(notice_id), 0) FROM notices)");
  });
}

Result<std::vector<WebhookSender::Due>> WebhookSender::DueNow(int64_t& next_due_microseconds) {
  std::lock_guard lock(database_.mutex);
  const int64_t now = database_.clock->Now().TotalMicroseconds();
  KENES_ASSIGN_OR_RETURN(
      Statement statement,
      database_.connection->Prepare(
          "SELECT d.delivery_id, d.attempts, w.url, w.secret, n.notice_id, n.organisation, n.kind, n.object_id, "
          "n.title, n.data, n.created FROM deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id "
          "JOIN notices n ON n.notice_id = d.notice_id "
          "WHERE d.state = 'pending' AND d.next_attempt <= ?1 AND w.enabled = 1 "
          "ORDER BY d.next_attempt, d.delivery_id LIMIT ?2"));
  statement.BindInt(1, now);
  statement.BindInt(2, kDueBatch);
  std::vector<Due> due;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    Due& delivery = due.emplace_back();
    delivery.delivery_id = statement.Int(0);
    delivery.attempts = statement.Int(1);
    delivery.url = statement.Text(2);
    delivery.secret = statement.Text(3);
    delivery.notice.id = statement.Int(4);
    delivery.notice.organisation = statement.Text(5);
    delivery.notice.notice.kind = statement.Text(6);
    delivery.notice.notice.object_id = statement.Text(7);
    delivery.notice.notice.title = statement.Text(8);
    delivery.notice.notice.data = statement.Text(9);
    delivery.notice.created = TimestampFromMicroseconds(statement.Int(10));
  }
  KENES_ASSIGN_OR_RETURN(
      Statement next,
      database_.connection->Prepare("SELECT min(d.next_attempt) FROM deliveries d JOIN webhooks w ON "
                                    "w.webhook_id = d.webhook_id WHERE d.state = 'pending' AND w.enabled = 1"));
  KENES_ASSIGN_OR_RETURN(bool row, next.Step());
  next_due_microseconds = row && !next.IsNull(0) ? std::max<int64_t>(next.Int(0), 1) : 0;
  return due;
}

Status WebhookSender::Send(const Due& due) {
  KENES_ASSIGN_OR_RETURN(bool may_see, audience_.MaySee(due.notice.organisation, due.notice.notice.object_id));
  if (!may_see) return Settle(due, "withheld", due.attempts, 0, nullptr);
  DeliveryAttempt attempt;
  attempt.started = database_.clock->Now();
  PostOutcome outcome;
  Result<WebhookUrl> url = ParseWebhookUrl(due.url);
  if (url.ok()) {
    const std::string body = NoticeJson(due.notice);
    const int64_t unix_seconds = attempt.started.TotalMicroseconds() / 1'000'000;
    const auto clock_start = std::chrono::steady_clock::now();
    outcome = client_.Post(*url,
                           {{"X-Kenes-Signature", WebhookSignatureHeader(due.secret, unix_seconds, body)},
                            {"X-Kenes-Delivery", std::to_string(due.delivery_id)},
                            {"X-Kenes-Notice-Kind", due.notice.notice.kind}},
                           body);
    attempt.duration_microseconds =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - clock_start).count();
  } else {
    outcome.error = url.status().message();  // registered before a stricter check: never deliverable
  }
  attempt.status = outcome.status;
  attempt.error = outcome.error;
  const int64_t attempts = due.attempts + 1;
  if (outcome.status >= 200 && outcome.status < 300) return Settle(due, "delivered", attempts, 0, &attempt);
  if (!url.ok() || !Retryable(outcome) || attempts >= options_.max_attempts) {
    return Settle(due, "failed", attempts, 0, &attempt);
  }
  // Doubling from first_retry: 1 s, 2 s, 4 s ... up to max_retry.
  auto backoff = options_.first_retry * (int64_t{1} << std::min<int64_t>(attempts - 1, 30));
  backoff = std::min<std::chrono::milliseconds>(backoff, options_.max_retry);
  const int64_t next_attempt = database_.clock->Now().TotalMicroseconds() +
                               std::chrono::duration_cast<std::chrono::microseconds>(backoff).count();
  return Settle(due, "pending", attempts, next_attempt, &attempt);
}

Status WebhookSender::Settle(const Due& due, std::string_view state, int64_t attempts, int64_t next_attempt,
                             const DeliveryAttempt* attempt) {
  std::lock_guard lock(database_.mutex);
  return share::InWriteTransaction(*database_.connection, [&]() -> Status {
    KENES_ASSIGN_OR_RETURN(Statement update, database_.connection->Prepare(
                                                 "UPDATE deliveries SET state = ?2, attempts = ?3, next_attempt = ?4 "
                                                 "WHERE delivery_id = ?1"));
    update.BindInt(1, due.delivery_id);
    update.BindText(2, state);
    update.BindInt(3, attempts);
    update.BindInt(4, next_attempt);
    KENES_RETURN_IF_ERROR(update.Run());
    // No row: the webhook was deleted meanwhile, and its deliveries with it.
    if (sqlite3_changes(database_.connection->handle()) == 0 || attempt == nullptr) return Status::Ok();
    KENES_ASSIGN_OR_RETURN(Statement insert, database_.connection->Prepare(
                                                 "INSERT INTO delivery_attempts (delivery_id, started, duration_us, "
                                                 "http_status, error) VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert.BindInt(1, due.delivery_id);
    insert.BindInt(2, attempt->started.TotalMicroseconds());
    insert.BindInt(3, attempt->duration_microseconds);
    if (attempt->status != 0) {
      insert.BindInt(4, attempt->status);
    } else {
      insert.BindNull(4);
    }
    if (attempt->error.empty()) {
      insert.BindNull(5);
    } else {
      insert.BindText(5, attempt->error);
    }
    return insert.Run();
  });
}

}  // namespace kenes::notify
