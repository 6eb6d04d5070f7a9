#include "correlate/alert_database.h"

#include <array>

#include "store/sqlite/migrator.h"

namespace kenes::correlate {
namespace {

using store::sqlite::Connection;

// "KNCA": marks the file as a Kenes correlation (alerts) database.
constexpr int64_t kApplicationId = 0x4B4E4341;

// Step N brings a database from version N-1 to N; released steps never change.
// Times are microseconds since the epoch; organisations are identity ids.
constexpr std::array<const char*, 1> kMigrations = {
    // 1: the first release. One alert per organisation and pair of holdings
    // (alert_book.h), which the unique index makes idempotent. Listing reads
    // an organisation's alerts newest first.
    R"sql(
      CREATE TABLE alerts(
        alert_id INTEGER PRIMARY KEY,
        organisation TEXT NOT NULL,
        object_id TEXT NOT NULL,
        other_organisation TEXT NOT NULL,
        other_object_id TEXT NOT NULL,
        key_kind TEXT NOT NULL,
        key_value TEXT NOT NULL,
        score INTEGER NOT NULL,  -- millionths
        created INTEGER NOT NULL,
        acknowledged_by TEXT,
        acknowledged INTEGER);
      CREATE UNIQUE INDEX alerts_once ON alerts(organisation, object_id, other_object_id, key_kind, key_value);
      CREATE INDEX alerts_of_organisation ON alerts(organisation, alert_id);
      CREATE TABLE detail_requests(
        request_id INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts(alert_id),
        requester TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        holder TEXT NOT NULL,
        object_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'declined')),
        created INTEGER NOT NULL,
        decided_by TEXT,
        decided INTEGER);
      CREATE INDEX detail_requests_of_requester ON detail_requests(requester);
      CREATE INDEX detail_requests_of_holder ON detail_requests(holder);
      CREATE INDEX detail_requests_of_alert ON detail_requests(alert_id);
    )sql",
};

}  // namespace

Result<std::unique_ptr<AlertDatabase>> AlertDatabase::Open(const std::filesystem::path& file, store::Clock& clock) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         store::sqlite::OpenDurable(
                             file, store::sqlite::SchemaHistory{kApplicationId, "Kenes alert database", kMigrations}));
  auto database = std::make_unique<AlertDatabase>();
  database->connection = std::move(connection);
  database->clock = &clock;
  return database;
}

}  // namespace kenes::correlate
