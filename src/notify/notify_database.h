// NotifyDatabase: the file the notify subsystem keeps, `notify.db` in the
// node's data directory beside kenes.db, community.db and correlation.db:
// every organisation's inbox (inbox.h), its webhooks (webhook_book.h), and
// each delivery to them with every attempt (webhook_sender.h).
//
// A file of its own because notices are the node's record of what it told
// whom, not STIX objects (an export of the store must not carry them), and
// because the inbox writes on its own thread, which should not queue behind
// the store's imports or the community's audit log. SQLite in WAL mode,
// synchronous FULL (a notice recorded, a delivery scheduled, survive power
// loss), versioned and migrated like the store (store/sqlite/migrator.h).
//
// Webhook secrets are kept in clear: the node signs with them on every
// delivery. The file is as sensitive as community.db and lives beside it.
//
// Thread-safety: the connection is used under `mutex` by whoever holds it;
// the Inbox, WebhookBook and WebhookSender built on one NotifyDatabase share
// both.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "base/status.h"
#include "store/clock.h"
#include "store/sqlite/connection.h"

namespace kenes::notify {

struct NotifyDatabase {
  // Opens (creating and migrating) the database in `file`. `clock` stamps
  // notices, webhooks and deliveries and must outlive the database.
  static Result<std::unique_ptr<NotifyDatabase>> Open(const std::filesystem::path& file,
                                                      store::Clock& clock = store::SystemClock());
  static std::filesystem::path FileIn(const std::filesystem::path& data_dir) { return data_dir / "notify.db"; }

  std::unique_ptr<store::sqlite::Connection> connection;
  std::mutex mutex;  // guards connection
  store::Clock* clock = nullptr;
};

}  // namespace kenes::notify
