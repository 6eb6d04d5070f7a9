// Notifications: the notify subsystem as a node runs it — notify.db, every
// organisation's inbox, the webhooks and the thread that delivers to them —
// opened together from the node's data directory. `kenes serve` opens one,
// hands sink() to the subsystems that publish (correlate's alerts and
// requests for details, respond, assist), and the REST API and the
// server-sent events read it.
//
// Destruction stops the webhook sender (pending deliveries stay pending for
// the next start), then records every notice the sink had accepted.
//
// Thread-safety: as its parts (inbox.h, webhook_book.h, webhook_sender.h):
// every method may be called from any thread.
#pragma once

#include <filesystem>
#include <memory>

#include "base/status.h"
#include "notify/audience.h"
#include "notify/inbox.h"
#include "notify/notice.h"
#include "notify/notice_feed.h"
#include "notify/notify_database.h"
#include "notify/webhook_book.h"
#include "notify/webhook_sender.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::notify {

struct NotificationOptions {
  InboxOptions inbox;
  WebhookSenderOptions webhooks;
  bool send_webhooks = true;  // false: deliveries are scheduled but not sent (commands that do not serve)
};

class Notifications {
 public:
  // Opens notify.db in `data_dir` and starts the inbox's worker and the
  // sender. `store` and `community` must outlive the result.
  static Result<std::unique_ptr<Notifications>> Open(const std::filesystem::path& data_dir, store::Store& store,
                                                     share::Community& community, NotificationOptions options = {});
  ~Notifications();

  // What publishers call; valid while this lives.
  NoticeSink sink() { return inbox_->Sink(); }
  NoticeFeed& feed() { return *inbox_; }
  Inbox& inbox() { return *inbox_; }
  WebhookBook& webhooks() { return *webhooks_; }
  Audience& audience() { return *audience_; }

 private:
  Notifications() = default;

  std::unique_ptr<NotifyDatabase> database_;
  std::unique_ptr<Audience> audience_;
  std::unique_ptr<Inbox> inbox_;
  std::unique_ptr<WebhookBook> webhooks_;
  std::unique_ptr<WebhookSender> sender_;
};

}  // namespace kenes::notify
