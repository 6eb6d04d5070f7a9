// WebhookSender: the background thread that delivers each organisation's
// notices to its webhooks (webhook_book.h) and records every attempt.
//
// Deliveries are made durable before any is tried: the sender keeps a
// cursor in notify.db, the newest notice it has scheduled deliveries for,
// and on every wake (a notice recorded, a retry due, a start) schedules one
// delivery per enabled webhook and newer notice of its organisation whose
// kind the webhook takes. A notice recorded while the sender was stopped,
// or a delivery pending when the node stopped, is sent after the next start.
//
// A due delivery is sent only if the organisation may still read the
// notice's object (audience.h); otherwise it is "withheld" and never sent.
// The body is the notice (notice_json.h), signed (webhook_signature.h), with
// X-Kenes-Delivery naming the delivery. A 2xx answer delivers it. No answer
// (refused, timed out, TLS failure), a 5xx or a 429 is tried again after a
// backoff that doubles from first_retry up to max_retry, until max_attempts;
// any other answer fails it at once (the receiver refused it: sending the
// same bytes again would not change that). One thread sends, one delivery
// at a time, so a slow receiver delays the others by at most the timeout.
//
// Thread-safety: Wake may be called from any thread. Destruction stops the
// thread after the attempt in progress, if any; pending deliveries stay
// pending in the database.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "base/status.h"
#include "notify/audience.h"
#include "notify/notice_feed.h"
#include "notify/notify_database.h"
#include "notify/webhook_book.h"
#include "notify/webhook_client.h"

namespace kenes::notify {

struct WebhookSenderOptions {
  int max_attempts = 8;                          // REQUIRES: >= 1
  std::chrono::milliseconds first_retry{1'000};  // after the first failed attempt
  std::chrono::milliseconds max_retry{600'000};  // the backoff's cap
  std::chrono::milliseconds idle_poll{10'000};   // checks the database at least this often (other processes' notices)
  WebhookClientOptions client;                   // timeout and trust anchors
};

class WebhookSender {
 public:
  // Each must outlive the sender. Subscribes to `feed` to learn of new
  // notices and starts the thread, which first catches up with what the
  // database holds.
  WebhookSender(NotifyDatabase& database, NoticeFeed& feed, Audience& audience, WebhookSenderOptions options = {});
  ~WebhookSender();
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  // Looks for work now rather than at the next due time.
  void Wake();
  // The newest failure of the sender's own (the database), OK if none;
  // failed deliveries are recorded with them, not here.
  Status last_failure();

 private:
  struct Due;

  void Run();
  // Schedules deliveries for the notices after the cursor.
  Status Schedule();
  // The deliveries due now, and when the next one is due (0: none pending).
  Result<std::vector<Due>> DueNow(int64_t& next_due_microseconds);
  Status Send(const Due& due);
  // Records how `due` stands after this turn, and `attempt` if one was made.
  Status Settle(const Due& due, std::string_view state, int64_t attempts, int64_t next_attempt,
                const DeliveryAttempt* attempt);

  NotifyDatabase& database_;
  Audience& audience_;
  WebhookSenderOptions options_;
  WebhookClient client_;

  std::mutex mutex_;  // guards the three below; never held while sending or with the database's
  std::condition_variable changed_;
  bool woken_ = true;  // catch up on start
  bool stopping_ = false;
  Status last_failure_;

  std::unique_ptr<NoticeFeed::Subscription> subscription_;
  std::thread thread_;
};

}  // namespace kenes::notify
