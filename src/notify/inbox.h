// Inbox: every organisation's notices, kept in notify.db (notify_database.h),
// and the NoticeFeed the server-sent events and webhooks read.
//
// Publishers hand notices to Sink(), which only queues: a worker thread
// works out each notice's audience (audience.h: the organisations that may
// read its object), writes one row per organisation in one transaction for
// everything queued meanwhile, and only then calls the feed's listeners.
// The queue is bounded (InboxOptions::queue_capacity); a publisher that
// finds it full waits for room rather than losing a notice. Destroying the
// inbox records everything queued before it returns, so a notice the sink
// accepted is kept on a clean stop. A notice that cannot be recorded (no
// object id, data that is not a JSON object, a database failure) is dropped
// and its reason kept for last_failure(); Record reports it directly.
//
// Reading, for an organisation's users: List (filters, pages newest first),
// CountUnread, MarkRead one or all. A notice is read or unread for its whole
// organisation, as an alert is acknowledged once for it.
//
// Thread-safety: every method may be called from any thread. Listeners run
// on the worker thread (see NoticeFeed).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "notify/audience.h"
#include "notify/notice.h"
#include "notify/notice_feed.h"
#include "notify/notify_database.h"

namespace kenes::notify {

struct InboxOptions {
  size_t queue_capacity = 10000;  // notices queued before a publisher waits; REQUIRES: > 0
};

// Which notices List returns; every filter set must hold.
struct InboxFilter {
  std::string organisation;        // whose; empty: every organisation's (the node's administrators)
  std::optional<bool> read;        // only read (true) or unread (false) ones
  std::string kind;                // only this kind
  std::optional<Timestamp> since;  // recorded at or after this
  int64_t before_id = 0;           // ids below this (the next page); 0: from the newest
  size_t limit = 50;               // REQUIRES: > 0
};

class Inbox : public NoticeFeed {
 public:
  // Each must outlive the inbox. Starts the worker thread.
  Inbox(NotifyDatabase& database, Audience& audience, InboxOptions options = {});
  // Records what is queued, then stops the worker.
  ~Inbox() override;
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  // What publishers call: queues the notice and returns.
  NoticeSink Sink();
  // Returns once every notice queued before the call is recorded (or dropped).
  void Flush();
  // The reason the newest notice the worker dropped was dropped; OK if none.
  Status last_failure();

  // Records `notices` now, in one transaction, and tells the listeners: the
  // rows written, in id order. InvalidArgument for a notice without an
  // object id or whose data is not a JSON object (nothing is written then).
  Result<std::vector<StoredNotice>> Record(const std::vector<Notice>& notices);

  // Notices matching `filter`, newest first.
  Result<std::vector<StoredNotice>> List(const InboxFilter& filter);
  // How many of `organisation`'s notices are unread (everyone's when empty).
  Result<int64_t> CountUnread(std::string_view organisation);
  // Marks notice `id` of `organisation` (any when empty) read by `user`;
  // NotFound for another organisation's, in the words for an unknown id.
  // Marking a read notice again changes nothing.
  Result<StoredNotice> MarkRead(int64_t id, std::string_view organisation, std::string_view user);
  // Marks every unread notice of `organisation` read; how many it marked.
  Result<int64_t> MarkAllRead(std::string_view organisation, std::string_view user);

  // NoticeFeed.
  Result<std::vector<StoredNotice>> Since(std::string_view organisation, int64_t after, size_t limit) override;
  std::unique_ptr<Subscription> Subscribe(Listener listener) override;

 private:
  class ListenerSubscription;

  void Work();
  void Unsubscribe(uint64_t id);
  void KeepFailure(Status status);

  NotifyDatabase& database_;
  Audience& audience_;
  InboxOptions options_;

  std::mutex queue_mutex_;  // guards the members up to worker_
  std::condition_variable queue_changed_;
  std::deque<Notice> queue_;
  uint64_t queued_ = 0;    // notices ever queued
  uint64_t recorded_ = 0;  // of those, how many the worker has finished with
  bool stopping_ = false;
  std::thread worker_;

  std::mutex listeners_mutex_;  // held while listeners run, so unsubscribing waits for a call in progress
  uint64_t next_listener_ = 1;
  std::map<uint64_t, Listener> listeners_;

  std::mutex failure_mutex_;  // guards last_failure_; never taken with another of these mutexes
  Status last_failure_;
};

}  // namespace kenes::notify
