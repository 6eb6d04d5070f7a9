#include "notify/notify_database.h"

#include <array>

#include "store/sqlite/migrator.h"

namespace kenes::notify {
namespace {

using store::sqlite::Connection;

// "KNNO": marks the file as a Kenes notify database.
constexpr int64_t kApplicationId = 0x4B4E4E4F;

// Step N brings a database from version N-1 to N; released steps never change.
// Times are microseconds since the epoch; organisations are identity ids.
constexpr std::array<const char*, 1> kMigrations = {
    // 1: the first release.
    // Notice ids are AUTOINCREMENT so an id is never given twice, even after
    // the newest rows went: readers resume after the last id they saw.
    // `addressed` is the published Notice::organisations, space-separated.
    // A webhook hears of notices after `after_notice`, the newest when it was
    // registered, so registering does not replay an organisation's history.
    // The sender's cursor is the newest notice it has made deliveries for,
    // so a notice recorded just before a crash is still delivered.
    R"sql(
      CREATE TABLE notices(
        notice_id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation TEXT NOT NULL,
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        title TEXT NOT NULL,
        data TEXT NOT NULL,
        addressed TEXT NOT NULL,
        created INTEGER NOT NULL,
        read_by TEXT,
        read INTEGER);
      CREATE INDEX notices_of_organisation ON notices(organisation, notice_id);
      CREATE INDEX notices_unread ON notices(organisation) WHERE read IS NULL;
      CREATE TABLE webhooks(
        webhook_id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation TEXT NOT NULL,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        kinds TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        created INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        after_notice INTEGER NOT NULL);
      CREATE INDEX webhooks_of_organisation ON webhooks(organisation);
      CREATE TABLE deliveries(
        delivery_id INTEGER PRIMARY KEY AUTOINCREMENT,
        webhook_id INTEGER NOT NULL REFERENCES webhooks(webhook_id) ON DELETE CASCADE,
        notice_id INTEGER NOT NULL REFERENCES notices(notice_id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'withheld')),
        attempts INTEGER NOT NULL,
        next_attempt INTEGER NOT NULL,
        created INTEGER NOT NULL,
        UNIQUE (webhook_id, notice_id));
      CREATE INDEX deliveries_due ON deliveries(next_attempt) WHERE state = 'pending';
      CREATE TABLE delivery_attempts(
        attempt_id INTEGER PRIMARY KEY,
        delivery_id INTEGER NOT NULL REFERENCES deliveries(delivery_id) ON DELETE CASCADE,
        started INTEGER NOT NULL,
        duration_us INTEGER NOT NULL,
        http_status INTEGER,
        error TEXT);
      CREATE INDEX attempts_of_delivery ON delivery_attempts(delivery_id);
      CREATE TABLE sender_cursor(
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        notice_id INTEGER NOT NULL);
      INSERT INTO sender_cursor VALUES (1, 0);
    )sql",
};

}  // namespace

Result<std::unique_ptr<NotifyDatabase>> NotifyDatabase::Open(const std::filesystem::path& file, store::Clock& clock) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         store::sqlite::OpenDurable(
                             file, store::sqlite::SchemaHistory{kApplicationId, "Kenes notify database", kMigrations}));
  auto database = std::make_unique<NotifyDatabase>();
  database->connection = std::move(connection);
  database->clock = &clock;
  return database;
}

}  // namespace kenes::notify
