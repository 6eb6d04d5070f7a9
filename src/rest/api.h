// Api: the node's REST API for people and scripts, under /api/v1.
//
// JSON endpoints the web UI and scripts use (the OpenAPI document at
// GET /api/v1/openapi.json describes each; openapi.h):
//
//   GET  /api/v1/objects                  search: type, author, tlp, added_after/before, q, limit, cursor, facets
//   POST /api/v1/objects                  create an object as the user (object_write.h)
//   GET  /api/v1/objects/{id}             the latest version with its links in both directions
//   PUT  /api/v1/objects/{id}             revise: a new version
//   GET  /api/v1/objects/{id}/versions    every version, oldest first
//   GET  /api/v1/objects/{id}/graph       the neighbourhood to depth 1-3 as nodes and edges
//   POST /api/v1/validate                 what a create would say, storing nothing
//   GET  /api/v1/organisations, /users, /groups, /me
//   POST /api/v1/organisations, PATCH /api/v1/organisations/{organisation}   organisations (admins)
//   POST /api/v1/users, POST /api/v1/users/{name}/disable           users (the Community decides who may)
//   POST /api/v1/groups, PUT|DELETE /api/v1/groups/{group}/members/{organisation}   sharing groups
//   GET  /api/v1/keys, POST /api/v1/keys, DELETE /api/v1/keys/{key_id}   API keys (the caller's, or those it manages)
//   GET  /api/v1/audit                    the audit log, newest first (admins)
//   GET  /api/v1/alerts, POST /api/v1/alerts/{id}/acknowledge   cross-border alerts (correlate/alert_book.h)
//   POST /api/v1/alerts/{id}/detail-requests, GET /api/v1/detail-requests,
//   POST /api/v1/detail-requests/{id}/approve|decline   requests for details (correlate/detail_desk.h)
//   GET  /api/v1/events                   the caller's notices as server-sent events (event_routes.h)
//   GET  /api/v1/correlations             who holds a value (kind, value), as the caller may see it
//   POST|GET|DELETE /api/v1/session       signing a browser in and out (session_routes.h)
//   GET  /api/v1/objects/{id}/correlations   who else holds the values an object holds
//   GET  /api/v1/inbox, /api/v1/webhooks ...   notices and webhooks (notification_routes.h)
//   /api/v1/incidents, /plans, /tasks, /objects/{id}/notes   joint response (incident_routes.h)
//   GET  /api/v1/incidents/{id}/report    an incident as a printable HTML document (report_routes.h)
//   /api/v1/assistance/...                 mutual assistance requests and offers (assistance_routes.h)
//
// Every read goes through the access decision inside the store query
// (share::StoreViewerOf), so pages, cursors, links and graphs hold only
// what the user's organisation may see, and a hidden object reads exactly
// like an unknown one (404). Writes go through the importer with
// share::WriteLabeller, as `kenes import --as` does. A response carrying
// TLP:AMBER or TLP:RED objects is audited before it is sent; if the audit
// log cannot record it, the caller gets an error instead.
//
// Errors, including the router's and the server's for paths under
// /api/v1/, are {"error": {"status", "title", "message", "details"?}}
// (error.h).
//
// Thread-safety: call Register once, before serving; the handlers it adds
// may then run on any number of threads at once. The store and community
// must outlive the router the routes were added to.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

#include "http/router.h"
#include "http/session_book.h"
#include "ingest/importer.h"
#include "respond/incident_brief.h"
#include "rest/event_routes.h"
#include "rest/object_write.h"
#include "share/community.h"
#include "share/viewer_cache.h"
#include "store/store.h"

namespace kenes::correlate {
class AlertBook;
class Correlator;
class DetailDesk;
struct DetailRequest;
}  // namespace kenes::correlate

namespace kenes::assist {
class AssistanceDesk;
}  // namespace kenes::assist

namespace kenes::respond {
class ResponseDesk;
}  // namespace kenes::respond

namespace kenes::notify {
class Notifications;
}  // namespace kenes::notify

namespace kenes::rest {

struct ApiOptions {
  size_t default_page_size = 50;      // objects per search page when the request gives no limit
  size_t max_page_size = 500;         // larger limits are cut down to this
  size_t max_links = 200;             // links per direction on an object's page
  size_t max_graph_nodes = 200;       // nodes of a graph; the graph says when it was cut short
  size_t max_facet_versions = 10000;  // objects a search's facets count at most; REQUIRES: > 0
  // Learns how many versions each write stored (the server's metrics); may be empty.
  std::function<void(size_t stored)> on_stored;
  // Told each stored batch (automatic sightings); may be empty.
  std::function<void(const ingest::StoredBatch&)> on_batch;
  // Cross-border alerts and requests for details (alert_routes.cc); null:
  // their routes answer 503. Both on the same AlertDatabase.
  correlate::AlertBook* alerts = nullptr;
  correlate::DetailDesk* detail_requests = nullptr;
  // The correlation index the correlation routes read; null: they answer 503.
  correlate::Correlator* correlator = nullptr;
  // Inboxes and webhooks (notification_routes.h); null: their routes answer 503.
  notify::Notifications* notifications = nullptr;
  // Incidents, response plans, tasks and notes (incident_routes.h); null: their routes answer 503.
  respond::ResponseDesk* response = nullptr;
  // Mutual assistance (assistance_routes.h); null: its routes answer 503.
  assist::AssistanceDesk* assistance = nullptr;
  // The notices GET /api/v1/events streams, and its limits; null: it answers 503.
  notify::NoticeFeed* notices = nullptr;
  EventOptions events;
  // Signed-in browsers of the web UI (session_routes.h); null: the session routes answer 503.
  http::SessionBook* sessions = nullptr;
  // The open assistance gaps incident reports show (report_routes.h); empty: they say assistance is not tracked.
  respond::AssistanceGapProvider incident_assistance_gaps;
};

class Api {
 public:
  Api(store::Store& store, share::Community& community, ApiOptions options = {});

  // Adds every route under /api/v1 and the error renderer for "/api/v1/".
  // REQUIRES: this Api outlives `router`.
  void Register(http::Router& router);

  // The principal asking and what it may see.
  struct Caller {
    share::Principal principal;
    std::optional<store::Viewer> viewer;  // none: the principal sees everything

    const store::Viewer* filter() const { return viewer ? &*viewer : nullptr; }
  };
  using CallerRoute = std::function<Result<http::Response>(const Caller& caller, const http::Request& request)>;
  // `route` as a router handler: finds the authenticated caller and its
  // viewer, and renders an error Status as the API's error body. For the
  // route files of other subsystems (incidents, assistance, notifications).
  http::Handler Handle(CallerRoute route);

 private:
  using Route = Result<http::Response> (Api::*)(const Caller& caller, const http::Request& request);

  http::Handler Handle(Route route);
  Result<Caller> CallerOf(const http::Request& request);
  // share::AuditSensitiveReads for what `caller` is about to receive.
  Status AuditReads(const Caller& caller, std::span<const store::StoredVersion> versions, std::string_view how);

  Result<http::Response> Search(const Caller& caller, const http::Request& request);
  Result<http::Response> Create(const Caller& caller, const http::Request& request);
  Result<http::Response> Validate(const Caller& caller, const http::Request& request);
  Result<http::Response> ReadObject(const Caller& caller, const http::Request& request);
  Result<http::Response> Revise(const Caller& caller, const http::Request& request);
  Result<http::Response> ReadVersions(const Caller& caller, const http::Request& request);
  Result<http::Response> ReadGraph(const Caller& caller, const http::Request& request);
  Result<http::Response> ListOrganisations(const Caller& caller, const http::Request& request);
  Result<http::Response> AddOrganisation(const Caller& caller, const http::Request& request);
  Result<http::Response> ChangeOrganisation(const Caller& caller, const http::Request& request);
  Result<http::Response> ListUsers(const Caller& caller, const http::Request& request);
  Result<http::Response> AddUser(const Caller& caller, const http::Request& request);
  Result<http::Response> DisableUser(const Caller& caller, const http::Request& request);
  Result<http::Response> ListGroups(const Caller& caller, const http::Request& request);
  Result<http::Response> AddGroup(const Caller& caller, const http::Request& request);
  Result<http::Response> AddGroupMember(const Caller& caller, const http::Request& request);
  Result<http::Response> RemoveGroupMember(const Caller& caller, const http::Request& request);
  Result<http::Response> Me(const Caller& caller, const http::Request& request);
  Result<http::Response> ListKeys(const Caller& caller, const http::Request& request);
  Result<http::Response> CreateKey(const Caller& caller, const http::Request& request);
  Result<http::Response> RevokeKey(const Caller& caller, const http::Request& request);
  Result<http::Response> ReadAudit(const Caller& caller, const http::Request& request);
  // alert_routes.cc
  void RegisterAlertRoutes(http::Router& router);
  Result<http::Response> ListAlerts(const Caller& caller, const http::Request& request);
  Result<http::Response> AcknowledgeAlert(const Caller& caller, const http::Request& request);
  Result<http::Response> AskForDetails(const Caller& caller, const http::Request& request);
  Result<http::Response> ListDetailRequests(const Caller& caller, const http::Request& request);
  Result<http::Response> ApproveDetails(const Caller& caller, const http::Request& request);
  Result<http::Response> DeclineDetails(const Caller& caller, const http::Request& request);
  using Decision = Result<correlate::DetailRequest> (correlate::DetailDesk::*)(const share::Principal&, int64_t);
  Result<http::Response> DecideDetails(const Caller& caller, const http::Request& request, Decision decision);
  // correlation_routes.cc
  void RegisterCorrelationRoutes(http::Router& router);
  Result<http::Response> ReadCorrelations(const Caller& caller, const http::Request& request);
  Result<http::Response> ReadObjectCorrelations(const Caller& caller, const http::Request& request);

  store::Store& store_;
  share::Community& community_;
  ApiOptions options_;
  share::ViewerCache viewers_{community_};
  ObjectWrite writes_;
};

}  // namespace kenes::rest
