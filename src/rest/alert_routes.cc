// Api's routes over cross-border alerts and requests for details
// (correlate/alert_book.h, correlate/detail_desk.h). An alert shows the
// other side's object id only when the caller's organisation may see that
// object (the store decides, with the caller's viewer); otherwise only that
// the other organisation holds a match. A request shows the object it asks
// for the same way, so asking reveals nothing approval does not. Alerts and
// requests that are not the caller's organisation's read as unknown (404).
#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <charconv>

#include "correlate/alert_book.h"
#include "correlate/detail_desk.h"
#include "rest/api.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

constexpr PageLimits kAlertLimits{50, 500};

Status NotRunning() { return Status::IoError("cross-border alerts are not kept on this node"); }

// A positive integer id from the path: `what` names it in the error.
Result<int64_t> PathNumber(const http::Request& request, std::string_view what) {
  std::string_view text = request.Param("id");
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument(fmt::format("'{}' is not {} id: a whole number from 1", text, what));
  }
  return id;
}

void AppendNumberMember(std::string& out, std::string_view name, int64_t value) {
  AppendKey(out, name);
  out += std::to_string(value);
}

void AppendTimeMember(std::string& out, std::string_view name, const std::optional<Timestamp>& time) {
  AppendOptionalMember(out, name, time ? FormatTimestamp(*time, 6) : "");
}

// Whether `viewer` may see `object_id`; errors other than NotFound are errors.
Result<bool> Visible(store::Store& store, const store::Viewer* viewer, const std::string& object_id) {
  Result<store::StoredVersion> latest = store.Latest(object_id, viewer);
  if (latest.ok()) return true;
  if (latest.status().code() == StatusCode::kNotFound) return false;
  return latest.status();
}

Status AppendAlert(std::string& out, store::Store& store, const store::Viewer* viewer, const correlate::Alert& alert) {
  KENES_ASSIGN_OR_RETURN(bool visible, Visible(store, viewer, alert.other_object_id));
  out += '{';
  AppendNumberMember(out, "id", alert.id);
  AppendStringMember(out, "organisation", alert.organisation);
  AppendStringMember(out, "object_id", alert.object_id);
  AppendKey(out, "key");
  out += '{';
  AppendStringMember(out, "kind", alert.key.kind);
  AppendOptionalMember(out, "value", alert.key.value);
  out += '}';
  AppendKey(out, "score");
  out += fmt::format("{:.3f}", alert.score);
  AppendKey(out, "other");
  out += '{';
  AppendStringMember(out, "organisation", alert.other_organisation);
  AppendBoolMember(out, "visible", visible);
  if (visible) AppendStringMember(out, "object_id", alert.other_object_id);
  out += '}';
  AppendTimeMember(out, "created", alert.created);
  AppendOptionalMember(out, "acknowledged_by", alert.acknowledged_by);
  AppendTimeMember(out, "acknowledged", alert.acknowledged);
  out += '}';
  return Status::Ok();
}

Status AppendRequest(std::string& out, store::Store& store, const store::Viewer* viewer, std::string_view organisation,
                     const correlate::DetailRequest& request) {
  KENES_ASSIGN_OR_RETURN(bool visible, Visible(store, viewer, request.object_id));
  out += '{';
  AppendNumberMember(out, "id", request.id);
  AppendNumberMember(out, "alert_id", request.alert_id);
  if (organisation == request.holder) {
    AppendStringMember(out, "direction", "incoming");
  } else if (organisation == request.requester) {
    AppendStringMember(out, "direction", "outgoing");
  }
  AppendStringMember(out, "requester", request.requester);
  AppendStringMember(out, "requested_by", request.requested_by);
  AppendStringMember(out, "holder", request.holder);
  AppendBoolMember(out, "visible", visible);
  if (visible) AppendStringMember(out, "object_id", request.object_id);
  AppendStringMember(out, "reason", request.reason);
  AppendStringMember(out, "state", correlate::RequestStateName(request.state));
  AppendTimeMember(out, "created", request.created);
  AppendOptionalMember(out, "decided_by", request.decided_by);
  AppendTimeMember(out, "decided", request.decided);
  out += '}';
  return Status::Ok();
}

// The "reason" of a request's body: {"reason": "..."}.
Result<std::string> ReasonOf(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::object object;
  std::string_view reason;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS || object.size() != 1 ||
      object["reason"].get(reason) != simdjson::SUCCESS) {
    return Status::InvalidArgument("the body must be {\"reason\": \"why you need the details\"}");
  }
  return std::string(reason);
}

}  // namespace

void Api::RegisterAlertRoutes(http::Router& router) {
  using http::Auth;
  using http::Method;
  router.Add(Method::kGet, "/api/v1/alerts", Auth::kRequired, Handle(&Api::ListAlerts));
  router.Add(Method::kPost, "/api/v1/alerts/{id}/acknowledge", Auth::kRequired, Handle(&Api::AcknowledgeAlert));
  router.Add(Method::kPost, "/api/v1/alerts/{id}/detail-requests", Auth::kRequired, Handle(&Api::AskForDetails));
  router.Add(Method::kGet, "/api/v1/detail-requests", Auth::kRequired, Handle(&Api::ListDetailRequests));
  router.Add(Method::kPost, "/api/v1/detail-requests/{id}/approve", Auth::kRequired, Handle(&Api::ApproveDetails));
  router.Add(Method::kPost, "/api/v1/detail-requests/{id}/decline", Auth::kRequired, Handle(&Api::DeclineDetails));
}

Result<http::Response> Api::ListAlerts(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 6> kParameters = {"acknowledged", "kind",  "organisation",
                                                                  "since",        "limit", "next"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
  if (options_.alerts == nullptr) return NotRunning();
  correlate::AlertFilter filter;
  // Administrators see every organisation's alerts; everyone else their own organisation's.
  if (caller.principal.role != share::Role::kAdmin) filter.organisation = caller.principal.organisation;
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> acknowledged, SingleParameter(request.query, "acknowledged"));
  if (acknowledged) {
    if (*acknowledged != "true" && *acknowledged != "false") {
      return Status::InvalidArgument(fmt::format("acknowledged must be true or false, not '{}'", *acknowledged));
    }
    filter.acknowledged = *acknowledged == "true";
  }
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> kind, SingleParameter(request.query, "kind"));
  filter.kind = kind.value_or("");
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> other, SingleParameter(request.query, "organisation"));
  if (other) {
    Result<share::Organisation> organisation = community_.FindOrganisation(*other);
    if (!organisation.ok()) {
      return Status::InvalidArgument(fmt::format("organisation: no organisation '{}' (a code or identity id)", *other));
    }
    filter.other_organisation = organisation->id;
  }
  KENES_ASSIGN_OR_RETURN(filter.since, TimeParameter(request.query, "since"));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> next, SingleParameter(request.query, "next"));
  if (next) {
    auto [end, error] = std::from_chars(next->data(), next->data() + next->size(), filter.before_id);
    if (error != std::errc() || end != next->data() + next->size() || filter.before_id <= 0) {
      return Status::InvalidArgument(fmt::format("next must be a value a page gave, not '{}'", *next));
    }
  }
  KENES_ASSIGN_OR_RETURN(size_t limit, LimitParameter(request.query, kAlertLimits));
  filter.limit = limit + 1;  // one more says whether there are more
  KENES_ASSIGN_OR_RETURN(std::vector<correlate::Alert> alerts, options_.alerts->List(filter));
  const bool more = alerts.size() > limit;
  if (more) alerts.resize(limit);
  std::string body = "{";
  AppendKey(body, "alerts");
  body += '[';
  for (const correlate::Alert& alert : alerts) {
    if (body.back() != '[') body += ',';
    KENES_RETURN_IF_ERROR(AppendAlert(body, store_, caller.filter(), alert));
  }
  body += ']';
  AppendBoolMember(body, "more", more);
  AppendOptionalMember(body, "next", more ? std::to_string(alerts.back().id) : "");
  body += '}';
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::AcknowledgeAlert(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(int64_t id, PathNumber(request, "an alert"));
  if (options_.alerts == nullptr) return NotRunning();
  // Only the alert's own organisation acknowledges it: the node's administrators hold none.
  const std::string organisation = caller.principal.organisation.empty() ? "-" : caller.principal.organisation;
  KENES_ASSIGN_OR_RETURN(correlate::Alert alert, options_.alerts->Acknowledge(id, organisation, caller.principal.user));
  std::string body;
  KENES_RETURN_IF_ERROR(AppendAlert(body, store_, caller.filter(), alert));
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::AskForDetails(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(int64_t id, PathNumber(request, "an alert"));
  if (options_.detail_requests == nullptr) return NotRunning();
  KENES_ASSIGN_OR_RETURN(std::string reason, ReasonOf(request.body));
  if (!caller.principal.organisation.empty()) {
    KENES_ASSIGN_OR_RETURN(correlate::Alert alert, options_.alerts->Find(id, caller.principal.organisation));
    KENES_ASSIGN_OR_RETURN(bool visible, Visible(store_, caller.filter(), alert.other_object_id));
    if (visible) {
      return Status::AlreadyExists(
          fmt::format("your organisation may already see {}: read it, there is nothing to ask", alert.other_object_id));
    }
  }
  KENES_ASSIGN_OR_RETURN(correlate::DetailRequest asked, options_.detail_requests->Ask(caller.principal, id, reason));
  std::string body;
  KENES_RETURN_IF_ERROR(AppendRequest(body, store_, caller.filter(), caller.principal.organisation, asked));
  return JsonResponse(201, std::move(body));
}

Result<http::Response> Api::ListDetailRequests(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (options_.detail_requests == nullptr) return NotRunning();
  KENES_ASSIGN_OR_RETURN(std::vector<correlate::DetailRequest> requests,
                         options_.detail_requests->List(caller.principal));
  std::string body = "{";
  AppendKey(body, "detail_requests");
  body += '[';
  for (const correlate::DetailRequest& asked : requests) {
    if (body.back() != '[') body += ',';
    KENES_RETURN_IF_ERROR(AppendRequest(body, store_, caller.filter(), caller.principal.organisation, asked));
  }
  body += "]}";
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ApproveDetails(const Caller& caller, const http::Request& request) {
  return DecideDetails(caller, request, &correlate::DetailDesk::Approve);
}

Result<http::Response> Api::DeclineDetails(const Caller& caller, const http::Request& request) {
  return DecideDetails(caller, request, &correlate::DetailDesk::Decline);
}

Result<http::Response> Api::DecideDetails(const Caller& caller, const http::Request& request, Decision decision) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(int64_t id, PathNumber(request, "a request for details"));
  if (options_.detail_requests == nullptr) return NotRunning();
  KENES_ASSIGN_OR_RETURN(correlate::DetailRequest decided, (options_.detail_requests->*decision)(caller.principal, id));
  std::string body;
  KENES_RETURN_IF_ERROR(AppendRequest(body, store_, caller.filter(), caller.principal.organisation, decided));
  return JsonResponse(200, std::move(body));
}

}  // namespace kenes::rest
