#include "correlate/alert_book.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "base/json_text.h"
#include "share/write_transaction.h"

namespace kenes::correlate {
namespace {

using store::sqlite::Statement;

constexpr std::string_view kColumns =
    "alert_id, organisation, object_id, other_organisation, other_object_id, key_kind, key_value, score, created, "
    "acknowledged_by, acknowledged";

// Scores are kept in millionths: the connection binds integers and text, and
// no matcher is finer than that.
constexpr double kScoreUnits = 1e6;

Alert ReadAlert(const Statement& row) {
  Alert alert;
  alert.id = row.Int(0);
  alert.organisation = row.Text(1);
  alert.object_id = row.Text(2);
  alert.other_organisation = row.Text(3);
  alert.other_object_id = row.Text(4);
  alert.key = {std::string(row.Text(5)), std::string(row.Text(6))};
  alert.score = static_cast<double>(row.Int(7)) / kScoreUnits;
  alert.created = TimestampFromMicroseconds(row.Int(8));
  if (!row.IsNull(9)) alert.acknowledged_by = row.Text(9);
  if (!row.IsNull(10)) alert.acknowledged = TimestampFromMicroseconds(row.Int(10));
  return alert;
}

Result<std::vector<Alert>> ReadAlerts(Statement& statement) {
  std::vector<Alert> alerts;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return alerts;
    alerts.push_back(ReadAlert(statement));
  }
}

// One side of a pair of holdings: the alert `own`'s organisation receives.
struct Side {
  const Holding& own;
  const Holding& other;
  bool made_link;  // `own` is the holding that made the link
};

// The notice of a new alert: what the alert itself shows its organisation
// (the other organisation and the key's kind), about its own object.
notify::Notice RaisedNotice(int64_t alert_id, const Side& side, const CrossBorderLink& link) {
  notify::Notice notice;
  notice.kind = "alert.raised";
  notice.organisations = {side.own.organisation};
  notice.object_id = side.own.object_id;
  notice.title = fmt::format("Cross-border alert: another organisation holds a matching {}", link.key.kind);
  notice.data = "{\"alert_id\":" + std::to_string(alert_id) + ",\"key_kind\":" + JsonString(link.key.kind) +
                ",\"other_organisation\":" + JsonString(side.other.organisation) + "}";
  return notice;
}

}  // namespace

Status AlertBook::Record(const std::vector<CrossBorderLink>& links) {
  if (links.empty()) return Status::Ok();  // the correlator calls after every batch: no empty commits
  std::vector<notify::Notice> raised;
  {
    std::lock_guard lock(database_.mutex);
    KENES_RETURN_IF_ERROR(InsertAlerts(links, raised));
  }
  if (notices_) {
    for (notify::Notice& notice : raised) notices_(std::move(notice));
  }
  return Status::Ok();
}

Status AlertBook::InsertAlerts(const std::vector<CrossBorderLink>& links, std::vector<notify::Notice>& raised) {
  const Timestamp now = database_.clock->Now();
  return share::InWriteTransaction(*database_.connection, [&]() -> Status {
    raised.clear();
    KENES_ASSIGN_OR_RETURN(
        Statement insert,
        database_.connection->Prepare(
            "INSERT INTO alerts (organisation, object_id, other_organisation, other_object_id, key_kind, key_value, "
            "score, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING alert_id"));
    for (const CrossBorderLink& link : links) {
      for (const Holding& other : link.others) {
        if (other.organisation == link.added.organisation) continue;  // not cross-border
        for (const Side& side : {Side{link.added, other, true}, Side{other, link.added, false}}) {
          const bool value_is_own = side.made_link || link.score >= 1.0;
          insert.BindText(1, side.own.organisation);
          insert.BindText(2, side.own.object_id);
          insert.BindText(3, side.other.organisation);
          insert.BindText(4, side.other.object_id);
          insert.BindText(5, link.key.kind);
          // "" not a default string_view, whose null data SQLite would bind as NULL.
          insert.BindText(6, value_is_own ? std::string_view(link.key.value) : std::string_view(""));
          insert.BindInt(7, std::llround(link.score * kScoreUnits));
          insert.BindInt(8, now.TotalMicroseconds());
          KENES_ASSIGN_OR_RETURN(bool inserted, insert.Step());
          if (inserted) raised.push_back(RaisedNotice(insert.Int(0), side, link));
        }
      }
    }
    return Status::Ok();
  });
}

std::function<void(const std::vector<CrossBorderLink>&)> AlertBook::Sink() {
  return [this](const std::vector<CrossBorderLink>& links) {
    Status status = Record(links);
    if (status.ok()) return;
    std::lock_guard lock(failure_mutex_);
    last_failure_ = std::move(status);
  };
}

Status AlertBook::last_failure() {
  std::lock_guard lock(failure_mutex_);
  return last_failure_;
}

Result<std::vector<Alert>> AlertBook::List(const AlertFilter& filter) {
  std::string sql = fmt::format("SELECT {} FROM alerts WHERE 1", kColumns);
  // Parameters by position, so the SQL text (and its cached statement) varies only with which filters are set.
  if (!filter.organisation.empty()) sql += " AND organisation = ?1";
  if (filter.acknowledged) sql += *filter.acknowledged ? " AND acknowledged IS NOT NULL" : " AND acknowledged IS NULL";
  if (!filter.kind.empty()) sql += " AND key_kind = ?2";
  if (!filter.other_organisation.empty()) sql += " AND other_organisation = ?3";
  if (filter.since) sql += " AND created >= ?4";
  if (filter.before_id > 0) sql += " AND alert_id < ?5";
  if (filter.after_id > 0) sql += " AND alert_id > ?7";
  sql += filter.oldest_first ? " ORDER BY alert_id LIMIT ?6" : " ORDER BY alert_id DESC LIMIT ?6";
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement, database_.connection->Prepare(sql));
  if (!filter.organisation.empty()) statement.BindText(1, filter.organisation);
  if (!filter.kind.empty()) statement.BindText(2, filter.kind);
  if (!filter.other_organisation.empty()) statement.BindText(3, filter.other_organisation);
  if (filter.since) statement.BindInt(4, filter.since->TotalMicroseconds());
  if (filter.before_id > 0) statement.BindInt(5, filter.before_id);
  if (filter.after_id > 0) statement.BindInt(7, filter.after_id);
  statement.BindInt(6, static_cast<int64_t>(filter.limit));
  return ReadAlerts(statement);
}

Result<Alert> AlertBook::Find(int64_t id, std::string_view organisation) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement, database_.connection->Prepare(fmt::format(
                                                  "SELECT {} FROM alerts WHERE alert_id = ?1 AND (?2 = '' OR "
                                                  "organisation = ?2)",
                                                  kColumns)));
  statement.BindInt(1, id);
  statement.BindText(2, organisation);
  KENES_ASSIGN_OR_RETURN(std::vector<Alert> alerts, ReadAlerts(statement));
  if (alerts.empty()) return Status::NotFound(fmt::format("no alert {}", id));
  return std::move(alerts.front());
}

Result<Alert> AlertBook::Acknowledge(int64_t id, std::string_view organisation, std::string_view user) {
  KENES_ASSIGN_OR_RETURN(Alert alert, Find(id, organisation));
  if (alert.acknowledged) {
    return Status::AlreadyExists(fmt::format("alert {} was acknowledged by {} at {}", id, alert.acknowledged_by,
                                             FormatTimestamp(*alert.acknowledged, 6)));
  }
  std::lock_guard lock(database_.mutex);
  const Timestamp now = database_.clock->Now();
  KENES_ASSIGN_OR_RETURN(Statement update,
                         database_.connection->Prepare("UPDATE alerts SET acknowledged_by = ?2, acknowledged = ?3 "
                                                       "WHERE alert_id = ?1 AND acknowledged IS NULL"));
  update.BindInt(1, id);
  update.BindText(2, user);
  update.BindInt(3, now.TotalMicroseconds());
  KENES_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(database_.connection->handle()) == 0) {
    return Status::AlreadyExists(fmt::format("alert {} was acknowledged meanwhile", id));
  }
  alert.acknowledged_by = user;
  alert.acknowledged = now;
  return alert;
}

}  // namespace kenes::correlate
