#include "notify/notifications.h"

#include <utility>

namespace kenes::notify {

Result<std::unique_ptr<Notifications>> Notifications::Open(const std::filesystem::path& data_dir, store::Store& store,
                                                           share::Community& community, NotificationOptions options) {
  std::unique_ptr<Notifications> notifications(new Notifications());
  KENES_ASSIGN_OR_RETURN(notifications->database_, NotifyDatabase::Open(NotifyDatabase::FileIn(data_dir)));
  notifications->audience_ = std::make_unique<Audience>(store, community);
  notifications->inbox_ = std::make_unique<Inbox>(*notifications->database_, *notifications->audience_, options.inbox);
  notifications->webhooks_ = std::make_unique<WebhookBook>(*notifications->database_);
  if (options.send_webhooks) {
    notifications->sender_ = std::make_unique<WebhookSender>(*notifications->database_, *notifications->inbox_,
                                                             *notifications->audience_, std::move(options.webhooks));
  }
  return notifications;
}

Notifications::~Notifications() {
  sender_.reset();
  inbox_.reset();
}

}  // namespace kenes::notify
