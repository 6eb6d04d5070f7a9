// WebhookBook: the organisations' webhooks — where the node POSTs each of
// their notices (webhook_sender.h) — and the record of every delivery and
// attempt, kept in notify.db (notify_database.h).
//
// Who may do what (share/principal.h): an org-admin registers, lists and
// deletes its own organisation's webhooks and reads their deliveries; the
// node's administrators those of any organisation; everyone else nothing.
// Another organisation's webhook reads as NotFound, in the words of an
// unknown id. A webhook's secret (webhook_signature.h) is returned once, by
// Register, and never listed again. Deleting a webhook deletes its
// deliveries: nothing is sent to it afterwards.
//
// A new webhook hears of the notices recorded after it was registered, not
// of its organisation's history. URLs are checked by ParseWebhookUrl
// (webhook_url.h says what a URL may point at and why).
//
// Thread-safety: every method may be called from any thread; the database
// is used under its mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "notify/notify_database.h"
#include "share/principal.h"

namespace kenes::notify {

struct Webhook {
  int64_t id = 0;
  std::string organisation;        // identity id
  std::string url;                 // as registered
  std::vector<std::string> kinds;  // notice kinds delivered; empty: every kind
  bool enabled = true;
  Timestamp created;
  std::string created_by;  // the user who registered it
};

struct NewWebhook {
  std::string organisation;  // identity id; empty: the registering user's organisation
  std::string url;
  std::vector<std::string> kinds;  // empty: every kind
  bool enabled = true;
};

struct RegisteredWebhook {
  Webhook webhook;
  std::string secret;  // shown this once
};

// How a delivery stands: "pending" (to be tried, again or for the first
// time), "delivered" (a 2xx answer), "failed" (refused with a 4xx other
// than 429, or out of attempts), "withheld" (the organisation could no
// longer read the notice's object when its turn came).
struct DeliveryAttempt {
  Timestamp started;
  int64_t duration_microseconds = 0;
  int status = 0;     // HTTP status; 0 when no answer came
  std::string error;  // why no answer came; empty when one did
};

struct Delivery {
  int64_t id = 0;  // X-Kenes-Delivery
  int64_t webhook_id = 0;
  int64_t notice_id = 0;
  std::string state;
  int64_t attempts = 0;
  std::optional<Timestamp> next_attempt;  // while pending
  Timestamp created;
  std::vector<DeliveryAttempt> tries;  // oldest first
};

class WebhookBook {
 public:
  // At most this many webhooks per organisation: each notice is sent to each.
  static constexpr size_t kMaxWebhooksPerOrganisation = 20;

  // `database` must outlive the book.
  explicit WebhookBook(NotifyDatabase& database) : database_(database) {}

  Result<RegisteredWebhook> Register(const share::Principal& actor, const NewWebhook& webhook);
  // The webhooks of `organisation` (an identity id). Empty: the actor's own
  // organisation's, or every organisation's for an administrator.
  Result<std::vector<Webhook>> List(const share::Principal& actor, std::string_view organisation);
  Result<Webhook> Find(const share::Principal& actor, int64_t id);
  Status Delete(const share::Principal& actor, int64_t id);
  // The deliveries to webhook `id`, newest first: those with ids below
  // `before_id` (0: from the newest), at most `limit`.
  Result<std::vector<Delivery>> Deliveries(const share::Principal& actor, int64_t id, int64_t before_id, size_t limit);

 private:
  NotifyDatabase& database_;
};

}  // namespace kenes::notify
