// AlertBook: the durable cross-border alerts, one per organisation involved
// in a link (cross_border_link.h), kept in correlation.db (alert_database.h).
//
// A link between the holding that made it and each other organisation's
// holding raises two alerts, one to each side: its own object, the other
// organisation, the other object's id, the key and the score. The other
// object's id is kept but is no one's to see unless the sharing rules let
// the alert's organisation see that object: readers (rest/alert_routes.cc)
// ask the store with the organisation's viewer and otherwise show only that
// a match exists with that organisation. The key's value is shown because
// the organisation's own object holds it, except for a fuzzy match (score
// below 1: person names) seen from the side that did not make the link,
// whose value is the other side's spelling: that alert keeps the kind only.
//
// Recording is idempotent: the same pair of holdings and key is one alert,
// however often the correlator reports it. Acknowledging is once, by a user
// of the alert's organisation.
//
// Each alert recorded for the first time is published, once it is durable,
// as an "alert.raised" notice to the alert's organisation about its own
// object (notify/notice.h), when the book has a notice sink.
//
// Thread-safety: every method may be called from any thread; writes are
// serialised on the database's mutex.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "correlate/alert_database.h"
#include "correlate/cross_border_link.h"
#include "notify/notice.h"

namespace kenes::correlate {

struct Alert {
  int64_t id = 0;
  std::string organisation;        // whose alert (identity id)
  std::string object_id;           // its own object holding the key
  std::string other_organisation;  // the organisation whose object holds it too
  std::string other_object_id;     // that object: shown only to whom may see it
  observable::CorrelationKey key;  // value empty when it would be the other side's spelling (see above)
  double score = 1.0;
  Timestamp created;
  std::string acknowledged_by;  // a user of `organisation`; empty while unacknowledged
  std::optional<Timestamp> acknowledged;
};

// Which alerts a listing returns; every filter set must hold.
struct AlertFilter {
  std::string organisation;          // whose alerts; empty: everyone's (the node's administrators)
  std::optional<bool> acknowledged;  // only (un)acknowledged ones
  std::string kind;                  // only this key kind
  std::string other_organisation;    // only matches with this organisation
  std::optional<Timestamp> since;    // created at or after this
  int64_t before_id = 0;             // ids below this (the next page); 0: from the newest
  int64_t after_id = 0;              // ids above this (what is new since); 0: any
  bool oldest_first = false;         // ascending ids (an event stream's order)
  size_t limit = 50;                 // REQUIRES: > 0
};

class AlertBook {
 public:
  // `database` must outlive the book. `notices` (may be empty) hears of new alerts.
  explicit AlertBook(AlertDatabase& database, notify::NoticeSink notices = {})
      : database_(database), notices_(std::move(notices)) {}

  // Records the alerts `links` raise, in one transaction; alerts already
  // recorded are left as they are.
  Status Record(const std::vector<CrossBorderLink>& links);

  // Record as the correlator's sink (correlator.h's LinkSink), which cannot
  // return a status: a failure is kept for last_failure() and the links
  // are lost (the correlator reports each link once).
  std::function<void(const std::vector<CrossBorderLink>&)> Sink();
  Status last_failure();

  // Alerts matching `filter`, newest first unless it says otherwise.
  Result<std::vector<Alert>> List(const AlertFilter& filter);

  // The alert `id` if it is `organisation`'s (any when empty); NotFound
  // otherwise, in the same words as for an unknown id.
  Result<Alert> Find(int64_t id, std::string_view organisation);

  // Marks alert `id` of `organisation` acknowledged by `user` now.
  // NotFound as Find; AlreadyExists (409) if it was acknowledged already.
  Result<Alert> Acknowledge(int64_t id, std::string_view organisation, std::string_view user);

 private:
  // Record's transaction; `raised` gets the notices of the alerts it added.
  // REQUIRES: the database's mutex held.
  Status InsertAlerts(const std::vector<CrossBorderLink>& links, std::vector<notify::Notice>& raised);

  AlertDatabase& database_;
  notify::NoticeSink notices_;
  std::mutex failure_mutex_;  // guards last_failure_; never taken with the database's
  Status last_failure_;
};

}  // namespace kenes::correlate
