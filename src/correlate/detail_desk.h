// DetailDesk: requests for details, how an organisation that learnt only
// that another organisation holds a matching object (a hidden side of an
// alert, alert_book.h) asks to see it, and how the holder answers.
//
// Who may do what, by organisation and role (share/principal.h):
//   ask      an analyst or org-admin of the alert's organisation, about the
//            alert's other object; one pending request per alert
//   decide   an analyst or org-admin of the holder (the other organisation),
//            as they are who write and so share its objects; readers read
//   list     users of either organisation see the requests they are party
//            to; the node's administrators see all and decide none (they
//            belong to no organisation and cannot speak for the holder)
// A request or alert that is not the caller's reads as NotFound, in the
// words of an unknown id, so no one learns of other organisations' alerts;
// a party that may not act gets PermissionDenied; a decided request
// AlreadyExists (409).
//
// Approval grants the requester's organisation the object in the store
// (Store::GrantObject): every read path (REST, TAXII, the CLI's --as)
// shows it to the requester from then on, every version, without a new
// version of the holder's object. Requests, approvals and declines are
// written to the audit log (actions detail-request.create, .approve,
// .decline; the target is the object id); an approval is audited before
// the object is granted, and a failed grant is audited too.
//
// With a notice sink (notify/notice.h), a request is published as a
// "detail-request.received" notice to the holder, about the object asked
// for (its own), and a decision as "detail-request.decided" to the
// requester, about the requester's own object of the alert (which it may
// see whatever the decision).
//
// Thread-safety: every method may be called from any thread; the database
// is used under its mutex, the store and audit log are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "correlate/alert_book.h"
#include "correlate/alert_database.h"
#include "notify/notice.h"
#include "share/audit_log.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::correlate {

enum class RequestState { kPending, kApproved, kDeclined };

// "pending", "approved", "declined".
std::string_view RequestStateName(RequestState state);

struct DetailRequest {
  int64_t id = 0;
  int64_t alert_id = 0;      // the requester's alert it was asked from
  std::string requester;     // organisation asking (identity id)
  std::string requested_by;  // its user
  std::string holder;        // organisation holding the object
  std::string object_id;     // the object asked for
  std::string reason;
  RequestState state = RequestState::kPending;
  Timestamp created;
  std::string decided_by;  // a user of the holder; empty while pending
  std::optional<Timestamp> decided;
};

class DetailDesk {
 public:
  // Each must outlive the desk; `alerts` on the same `database`. `notices`
  // (may be empty) hears of requests and decisions.
  DetailDesk(AlertDatabase& database, AlertBook& alerts, store::Store& store, share::AuditLog& audit,
             notify::NoticeSink notices = {})
      : database_(database), alerts_(alerts), store_(store), audit_(audit), notices_(std::move(notices)) {}

  // A request by `asker` about the other object of its alert `alert_id`.
  Result<DetailRequest> Ask(const share::Principal& asker, int64_t alert_id, std::string_view reason);

  // The requests `viewer`'s organisation made or received (every request
  // for an administrator), newest first.
  Result<std::vector<DetailRequest>> List(const share::Principal& viewer);

  // Request `id` if `viewer` is party to it (an administrator is party to all).
  Result<DetailRequest> Find(const share::Principal& viewer, int64_t id);

  // The holder's answers. Approve shares the object with the requester.
  Result<DetailRequest> Approve(const share::Principal& decider, int64_t id);
  Result<DetailRequest> Decline(const share::Principal& decider, int64_t id);

 private:
  Result<DetailRequest> Decide(const share::Principal& decider, int64_t id, RequestState state);
  Result<std::vector<DetailRequest>> Select(std::string_view where, int64_t id, std::string_view organisation);
  Status Audit(const share::Principal& actor, std::string_view action, const DetailRequest& request,
               share::AuditOutcome outcome, std::string detail);
  void Publish(const DetailRequest& request);

  AlertDatabase& database_;
  AlertBook& alerts_;
  store::Store& store_;
  share::AuditLog& audit_;
  notify::NoticeSink notices_;
};

}  // namespace kenes::correlate
