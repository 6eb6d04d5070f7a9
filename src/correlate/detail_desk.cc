#include "correlate/detail_desk.h"

#include <fmt/format.h>

#include <utility>

#include "base/json_text.h"
#include "share/write_transaction.h"

namespace kenes::correlate {
namespace {

using share::AuditOutcome;
using share::Principal;
using share::Role;
using store::sqlite::Statement;

// A reason says why the requester needs the object: the holder's grounds to decide on.
constexpr size_t kMaxReasonBytes = 4000;

constexpr std::string_view kColumns =
    "request_id, alert_id, requester, requested_by, holder, object_id, reason, state, created, decided_by, decided";

std::optional<RequestState> ParseState(std::string_view name) {
  for (RequestState state : {RequestState::kPending, RequestState::kApproved, RequestState::kDeclined}) {
    if (RequestStateName(state) == name) return state;
  }
  return std::nullopt;
}

Result<DetailRequest> ReadRequest(const Statement& row) {
  DetailRequest request;
  request.id = row.Int(0);
  request.alert_id = row.Int(1);
  request.requester = row.Text(2);
  request.requested_by = row.Text(3);
  request.holder = row.Text(4);
  request.object_id = row.Text(5);
  request.reason = row.Text(6);
  std::optional<RequestState> state = ParseState(row.Text(7));
  if (!state) return Status::Corruption(fmt::format("request {} is in no known state: '{}'", request.id, row.Text(7)));
  request.state = *state;
  request.created = TimestampFromMicroseconds(row.Int(8));
  if (!row.IsNull(9)) request.decided_by = row.Text(9);
  if (!row.IsNull(10)) request.decided = TimestampFromMicroseconds(row.Int(10));
  return request;
}

// Analysts write, and so share, their organisation's objects; org-admins may do all analysts may.
bool SpeaksForOrganisation(const Principal& principal) {
  return !principal.organisation.empty() && principal.role >= Role::kAnalyst;
}

bool SeesEveryRequest(const Principal& principal) { return principal.role == Role::kAdmin; }

}  // namespace

std::string_view RequestStateName(RequestState state) {
  switch (state) {
    case RequestState::kPending: return "pending";
    case RequestState::kApproved: return "approved";
    case RequestState::kDeclined: return "declined";
  }
  return "pending";
}

Result<DetailRequest> DetailDesk::Ask(const Principal& asker, int64_t alert_id, std::string_view reason) {
  if (asker.organisation.empty()) {
    return Status::PermissionDenied("the node operator belongs to no organisation: ask as a user of the alert's");
  }
  KENES_ASSIGN_OR_RETURN(Alert alert, alerts_.Find(alert_id, asker.organisation));
  if (!SpeaksForOrganisation(asker)) {
    return Status::PermissionDenied("only analysts and org-admins ask for details; readers read");
  }
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("a request for details needs a reason: the holder decides on it");
  }
  if (reason.size() > kMaxReasonBytes) {
    return Status::InvalidArgument(fmt::format("the reason has {} bytes; at most {}", reason.size(), kMaxReasonBytes));
  }
  DetailRequest request;
  request.alert_id = alert.id;
  request.requester = asker.organisation;
  request.requested_by = asker.user;
  request.holder = alert.other_organisation;
  request.object_id = alert.other_object_id;
  request.reason = reason;
  {
    std::lock_guard lock(database_.mutex);
    request.created = database_.clock->Now();
    KENES_RETURN_IF_ERROR(share::InWriteTransaction(*database_.connection, [&]() -> Status {
      KENES_ASSIGN_OR_RETURN(Statement earlier,
                             database_.connection->Prepare("SELECT request_id, state FROM detail_requests "
                                                           "WHERE alert_id = ? AND state != 'declined'"));
      earlier.BindInt(1, alert.id);
      KENES_ASSIGN_OR_RETURN(bool found, earlier.Step());
      if (found) {
        return Status::AlreadyExists(
            fmt::format("request {} for alert {} is {} already", earlier.Int(0), alert.id, earlier.Text(1)));
      }
      KENES_ASSIGN_OR_RETURN(
          Statement insert,
          database_.connection->Prepare("INSERT INTO detail_requests (alert_id, requester, requested_by, holder, "
                                        "object_id, reason, state, created) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) "
                                        "RETURNING request_id"));
      insert.BindInt(1, request.alert_id);
      insert.BindText(2, request.requester);
      insert.BindText(3, request.requested_by);
      insert.BindText(4, request.holder);
      insert.BindText(5, request.object_id);
      insert.BindText(6, request.reason);
      insert.BindInt(7, request.created.TotalMicroseconds());
      KENES_ASSIGN_OR_RETURN(bool inserted, insert.Step());
      if (!inserted) return Status::Internal("a request for details was inserted without an id");
      request.id = insert.Int(0);
      return Status::Ok();
    }));
  }
  KENES_RETURN_IF_ERROR(Audit(asker, "detail-request.create", request, AuditOutcome::kOk, request.reason));
  Publish(request);
  return request;
}

Result<std::vector<DetailRequest>> DetailDesk::Select(std::string_view where, int64_t id,
                                                      std::string_view organisation) {
  std::lock_guard lock(database_.mutex);
  KENES_ASSIGN_OR_RETURN(Statement statement,
                         database_.connection->Prepare(fmt::format(
                             "SELECT {} FROM detail_requests WHERE {} ORDER BY request_id DESC", kColumns, where)));
  if (id > 0) statement.BindInt(1, id);
  statement.BindText(2, organisation);
  std::vector<DetailRequest> requests;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return requests;
    KENES_ASSIGN_OR_RETURN(DetailRequest request, ReadRequest(statement));
    requests.push_back(std::move(request));
  }
}

Result<std::vector<DetailRequest>> DetailDesk::List(const Principal& viewer) {
  if (SeesEveryRequest(viewer)) return Select("?2 = ?2", 0, "");
  return Select("(requester = ?2 OR holder = ?2)", 0, viewer.organisation);
}

Result<DetailRequest> DetailDesk::Find(const Principal& viewer, int64_t id) {
  KENES_ASSIGN_OR_RETURN(std::vector<DetailRequest> requests,
                         SeesEveryRequest(viewer)
                             ? Select("request_id = ?1 AND ?2 = ?2", id, "")
                             : Select("request_id = ?1 AND (requester = ?2 OR holder = ?2)", id, viewer.organisation));
  if (requests.empty()) return Status::NotFound(fmt::format("no request for details {}", id));
  return std::move(requests.front());
}

Result<DetailRequest> DetailDesk::Approve(const Principal& decider, int64_t id) {
  return Decide(decider, id, RequestState::kApproved);
}

Result<DetailRequest> DetailDesk::Decline(const Principal& decider, int64_t id) {
  return Decide(decider, id, RequestState::kDeclined);
}

Result<DetailRequest> DetailDesk::Decide(const Principal& decider, int64_t id, RequestState state) {
  KENES_ASSIGN_OR_RETURN(DetailRequest request, Find(decider, id));
  if (decider.organisation != request.holder) {
    return Status::PermissionDenied(fmt::format("only the holder of {} decides on request {}", request.object_id, id));
  }
  if (!SpeaksForOrganisation(decider)) {
    return Status::PermissionDenied("only analysts and org-admins decide on requests for details; readers read");
  }
  if (request.state != RequestState::kPending) {
    return Status::AlreadyExists(fmt::format("request {} was {} already", id, RequestStateName(request.state)));
  }
  const std::string action = fmt::format("detail-request.{}", state == RequestState::kApproved ? "approve" : "decline");
  // The state changes first: of two decisions at once, only the one that
  // claims the pending request goes on to share the object.
  {
    std::lock_guard lock(database_.mutex);
    request.decided = database_.clock->Now();
    KENES_ASSIGN_OR_RETURN(Statement update, database_.connection->Prepare(
                                                 "UPDATE detail_requests SET state = ?2, decided_by = ?3, decided = ?4 "
                                                 "WHERE request_id = ?1 AND state = 'pending'"));
    update.BindInt(1, id);
    update.BindText(2, RequestStateName(state));
    update.BindText(3, decider.user);
    update.BindInt(4, request.decided->TotalMicroseconds());
    KENES_RETURN_IF_ERROR(update.Run());
    if (sqlite3_changes(database_.connection->handle()) == 0) {
      return Status::AlreadyExists(fmt::format("request {} was decided meanwhile", id));
    }
  }
  request.state = state;
  request.decided_by = decider.user;
  const std::string detail = fmt::format("request {} from {} ({})", id, request.requester, request.requested_by);
  KENES_RETURN_IF_ERROR(Audit(decider, action, request, AuditOutcome::kOk, detail));
  if (state == RequestState::kApproved) {
    Status granted = store_.GrantObject(request.object_id, request.requester);
    if (!granted.ok()) {
      (void)Audit(decider, action, request, AuditOutcome::kFailed, granted.message());
      std::lock_guard lock(database_.mutex);
      KENES_ASSIGN_OR_RETURN(Statement undo, database_.connection->Prepare(
                                                 "UPDATE detail_requests SET state = 'pending', decided_by = NULL, "
                                                 "decided = NULL WHERE request_id = ?"));
      undo.BindInt(1, id);
      (void)undo.Run();  // the grant's failure is the error worth reporting
      return granted;
    }
  }
  Publish(request);
  return request;
}

Status DetailDesk::Audit(const Principal& actor, std::string_view action, const DetailRequest& request,
                         AuditOutcome outcome, std::string detail) {
  return audit_.Record(share::AuditEvent{actor, std::string(action), request.object_id, outcome, std::move(detail)});
}

void DetailDesk::Publish(const DetailRequest& request) {
  if (!notices_) return;
  notify::Notice notice;
  notice.data = fmt::format("{{\"request_id\":{},\"alert_id\":{},\"state\":{}}}", request.id, request.alert_id,
                            JsonString(RequestStateName(request.state)));
  if (request.state == RequestState::kPending) {
    notice.kind = "detail-request.received";
    notice.organisations = {request.holder};
    notice.object_id = request.object_id;
    notice.title = "Another organisation asks for details of one of your objects";
  } else {
    Result<Alert> alert = alerts_.Find(request.alert_id, request.requester);
    if (!alert.ok()) return;  // alerts are never deleted: nothing to tell otherwise
    notice.kind = "detail-request.decided";
    notice.organisations = {request.requester};
    notice.object_id = alert->object_id;
    notice.title = fmt::format("Your request for details was {}", RequestStateName(request.state));
  }
  notices_(std::move(notice));
}

}  // namespace kenes::correlate
