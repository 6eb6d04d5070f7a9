#include "notify/webhook_book.h"

#include <fmt/format.h>

#include <utility>

#include "notify/webhook_signature.h"
#include "notify/webhook_url.h"
#include "notify/word_list.h"
#include "share/write_transaction.h"

namespace kenes::notify {
namespace {

using share::Principal;
using share::Role;
using store::sqlite::Statement;

constexpr size_t kMaxKinds = 50;
constexpr size_t kMaxKindBytes = 64;

constexpr std::string_view kColumns = "webhook_id, organisation, url, kinds, enabled, created, created_by";

// A kind is dotted lowercase words ("task.assigned", "detail-request.received").
Status CheckKind(std::string_view kind) {
  bool ok = !kind.empty() && kind.size() <= kMaxKindBytes;
  for (char c : kind) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-');
  if (!ok) return Status::InvalidArgument(fmt::format("'{}' is not a notice kind (dotted lowercase words)", kind));
  return Status::Ok();
}

Webhook ReadWebhook(const Statement& row) {
  Webhook webhook;
  webhook.id = row.Int(0);
  webhook.organisation = row.Text(1);
  webhook.url = row.Text(2);
  webhook.kinds = SplitWords(row.Text(3));
  webhook.enabled = row.Int(4) != 0;
  webhook.created = TimestampFromMicroseconds(row.Int(5));
  webhook.created_by = row.Text(6);
  return webhook;
}

bool IsAdministrator(const Principal& actor) { return actor.role == Role::kAdmin; }

// Org-admins manage their own organisation's webhooks; administrators any organisation's.
Status MayManage(const Principal& actor, std::string_view organisation) {
  if (IsAdministrator(actor)) return Status::Ok();
  if (actor.role != Role::kOrgAdmin) {
    return Status::PermissionDenied("only org-admins and administrators manage webhooks");
  }
  if (actor.organisation != organisation) {
    return Status::PermissionDenied("an org-admin manages its own organisation's webhooks only");
  }
  return Status::Ok();
}

}  // namespace

Result<RegisteredWebhook> WebhookBook::Register(const Principal& actor, const NewWebhook& request) {
  const std::string organisation = request.organisation.empty() ? actor.organisation : request.organisation;
  if (organisation.empty()) {
    return Status::InvalidArgument("name the organisation whose notices the webhook receives");
  }
  KENES_RETURN_IF_ERROR(MayManage(actor, organisation));
  KENES_RETURN_IF_ERROR(ParseWebhookUrl(request.url).status());
  if (request.kinds.size() > kMaxKinds) {
    return Status::InvalidArgument(fmt::format("at most {} kinds; none for every kind", kMaxKinds));
  }
  for (const std::string& kind : request.kinds) KENES_RETURN_IF_ERROR(CheckKind(kind));

  RegisteredWebhook registered;
  registered.secret = NewWebhookSecret();
  Webhook& webhook = registered.webhook;
  webhook.organisation = organisation;
  webhook.url = request.url;
  webhook.kinds = request.kinds;
  webhook.enabled = request.enabled;
  webhook.created_by = actor.user;
  std::lock_guard lock(database_.mutex);
  webhook.created = database_.clock->Now();
  KENES_RETURN_IF_ERROR(share::InWriteTransaction(*database_.connection, [&]() -> Status {
    KENES_ASSIGN_OR_RETURN(Statement count,
                           database_.connection->Prepare("SELECT count(*) FROM webhooks WHERE organisation = ?"));
    count.BindText(1, organisation);
    KENES_RETURN_IF_ERROR(count.Step().status());
    if (count.Int(0) >= static_cast<int64_t>(kMaxWebhooksPerOrganisation)) {
      return Status::ResourceExhausted(
          fmt::format("the organisation has {} webhooks already: delete one first", kMaxWebhooksPerOrganisation));
    }
    KENES_ASSIGN_OR_RETURN(
        Statement insert,
        database_.connection->Prepare(
            "INSERT INTO webhooks (organisation, url, secret, kinds, enabled, created, created_by, after_notice) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(notice_id), 0) FROM notices)) "
            "RETURNING webhook_id"));
    const std::string kinds = JoinWords(webhook.kinds);
    insert.BindText(1, webhook.organisation);
    insert.BindText(2, webhook.url);
    insert.BindText(3, registered.secret);
    insert.BindText(4, kinds);
    insert.BindInt(5, webhook.enabled ? 1 : 0);
    insert.BindInt(6, webhook.created.TotalMicroseconds());
    insert.BindText(7, webhook.created_by);
    KENES_ASSIGN_OR_RETURN(bool inserted, insert.Step());
    if (!inserted) return Status::Internal("a webhook was inserted without an id");
    webhook.id = insert.Int(0);
    return Status::Ok();
  }));
  return registered;
}

Result<std::vector<Webhook>> WebhookBook::List(const Principal& actor, std::string_view organisation) {
  if (organisation.empty() && !IsAdministrator(actor)) organisation = actor.organisation;
  if (!organisation.empty()) KENES_RETURN_IF_ERROR(MayManage(actor, organisation));
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(
      Statement statement,
      database_.connection->Prepare(
          fmt::format("SELECT {} FROM webhooks WHERE ?1 = '' OR organisation = ?1 ORDER BY webhook_id", kColumns)));
  statement.BindText(1, organisation.empty() ? std::string_view("") : organisation);  // not NULL
  std::vector<Webhook> webhooks;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return webhooks;
    webhooks.push_back(ReadWebhook(statement));
  }
}

Result<Webhook> WebhookBook::Find(const Principal& actor, int64_t id) {
  if (!IsAdministrator(actor)) KENES_RETURN_IF_ERROR(MayManage(actor, actor.organisation));
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(
      Statement statement,
      database_.connection->Prepare(
          fmt::format("SELECT {} FROM webhooks WHERE webhook_id = ?1 AND (?2 = '' OR organisation = ?2)", kColumns)));
  statement.BindInt(1, id);
  statement.BindText(2, IsAdministrator(actor) ? std::string_view("") : std::string_view(actor.organisation));
  KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return Status::NotFound(fmt::format("no webhook {}", id));
  return ReadWebhook(statement);
}

Status WebhookBook::Delete(const Principal& actor, int64_t id) {
  KENES_RETURN_IF_ERROR(Find(actor, id).status());
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement,
                         database_.connection->Prepare("DELETE FROM webhooks WHERE webhook_id = ?"));
  statement.BindInt(1, id);
  return statement.Run();
}

Result<std::vector<Delivery>> WebhookBook::Deliveries(const Principal& actor, int64_t id, int64_t before_id,
                                                      size_t limit) {
  KENES_RETURN_IF_ERROR(Find(actor, id).status());
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(
      Statement statement,
      database_.connection->Prepare("SELECT delivery_id, webhook_id, notice_id, state, attempts, next_attempt, created "
                                    "FROM deliveries WHERE webhook_id = ?1 AND (?2 = 0 OR delivery_id < ?2) "
                                    "ORDER BY delivery_id DESC LIMIT ?3"));
  statement.BindInt(1, id);
  statement.BindInt(2, before_id);
  statement.BindInt(3, static_cast<int64_t>(limit));
  std::vector<Delivery> deliveries;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    Delivery& delivery = deliveries.emplace_back();
    delivery.id = statement.Int(0);
    delivery.webhook_id = statement.Int(1);
    delivery.notice_id = statement.Int(2);
    delivery.state = statement.Text(3);
    delivery.attempts = statement.Int(4);
    if (delivery.state == "pending") delivery.next_attempt = TimestampFromMicroseconds(statement.Int(5));
    delivery.created = TimestampFromMicroseconds(statement.Int(6));
  }
  KENES_ASSIGN_OR_RETURN(Statement attempts,
                         database_.connection->Prepare("SELECT started, duration_us, http_status, error FROM "
                                                       "delivery_attempts WHERE delivery_id = ? ORDER BY attempt_id"));
  for (Delivery& delivery : deliveries) {
    attempts.BindInt(1, delivery.id);
    for (;;) {
      KENES_ASSIGN_OR_RETURN(bool row, attempts.Step());
      if (!row) break;
      DeliveryAttempt& attempt = delivery.tries.emplace_back();
      attempt.started = TimestampFromMicroseconds(attempts.Int(0));
      attempt.duration_microseconds = attempts.Int(1);
      attempt.status = attempts.IsNull(2) ? 0 : static_cast<int>(attempts.Int(2));
      if (!attempts.IsNull(3)) attempt.error = attempts.Text(3);
    }
  }
  return deliveries;
}

}  // namespace kenes::notify
