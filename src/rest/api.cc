#include "rest/api.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <optional>
#include <utility>

#include "rest/assistance_routes.h"
#include "rest/error.h"
#include "rest/facets.h"
#include "rest/graph.h"
#include "rest/incident_routes.h"
#include "rest/json_members.h"
#include "rest/links.h"
#include "rest/notification_routes.h"
#include "rest/object_json.h"
#include "rest/openapi.h"
#include "rest/report_routes.h"
#include "rest/search_query.h"
#include "rest/session_routes.h"
#include "share/access_viewer.h"
#include "share/read_audit.h"

namespace kenes::rest {
namespace {

using http::Method;

constexpr int kMaxGraphDepth = 3;

// The id in the path, checked for shape so that "objects/foo" says what is wrong with it.
Result<std::string_view> PathId(const http::Request& request) {
  std::string_view id = request.Param("id");
  if (!IsStixId(id)) return Status::InvalidArgument(fmt::format("'{}' is not a STIX id (type--UUID)", id));
  return id;
}

// NotFound for hidden and unknown ids alike, in the same words.
Status NoObject(const Status& status, std::string_view id) {
  if (status.code() != StatusCode::kNotFound) return status;
  return Status::NotFound(fmt::format("no object {}", id));
}

Result<int> DepthParameter(const http::Request& request) {
  std::optional<std::string_view> text = request.Query("depth");
  if (!text) return 1;
  int depth = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), depth);
  if (error != std::errc() || end != text->data() + text->size() || depth < 1 || depth > kMaxGraphDepth) {
    return Status::InvalidArgument(fmt::format("depth must be 1, 2 or 3, not '{}'", *text));
  }
  return depth;
}

}  // namespace

Api::Api(store::Store& store, share::Community& community, ApiOptions options)
    : store_(store),
      community_(community),
      options_(std::move(options)),
      writes_(store, community, options_.on_stored, options_.on_batch) {}

void Api::Register(http::Router& router) {
  using http::Auth;
  router.SetErrorRenderer("/api/v1/", RenderError);
  router.Add(Method::kGet, "/api/v1/openapi.json", Auth::kPublic,
             [](http::Request&) { return JsonResponse(200, std::string(OpenApiDocument())); });
  router.Add(Method::kGet, "/api/v1/objects", Auth::kRequired, Handle(&Api::Search));
  router.Add(Method::kPost, "/api/v1/objects", Auth::kRequired, Handle(&Api::Create));
  router.Add(Method::kGet, "/api/v1/objects/{id}", Auth::kRequired, Handle(&Api::ReadObject));
  router.Add(Method::kPut, "/api/v1/objects/{id}", Auth::kRequired, Handle(&Api::Revise));
  router.Add(Method::kGet, "/api/v1/objects/{id}/versions", Auth::kRequired, Handle(&Api::ReadVersions));
  router.Add(Method::kGet, "/api/v1/objects/{id}/graph", Auth::kRequired, Handle(&Api::ReadGraph));
  router.Add(Method::kPost, "/api/v1/validate", Auth::kRequired, Handle(&Api::Validate));
  router.Add(Method::kGet, "/api/v1/organisations", Auth::kRequired, Handle(&Api::ListOrganisations));
  router.Add(Method::kGet, "/api/v1/users", Auth::kRequired, Handle(&Api::ListUsers));
  router.Add(Method::kPost, "/api/v1/organisations", Auth::kRequired, Handle(&Api::AddOrganisation));
  router.Add(Method::kPatch, "/api/v1/organisations/{organisation}", Auth::kRequired, Handle(&Api::ChangeOrganisation));
  router.Add(Method::kPost, "/api/v1/users", Auth::kRequired, Handle(&Api::AddUser));
  router.Add(Method::kPost, "/api/v1/users/{name}/disable", Auth::kRequired, Handle(&Api::DisableUser));
  router.Add(Method::kGet, "/api/v1/groups", Auth::kRequired, Handle(&Api::ListGroups));
  router.Add(Method::kPost, "/api/v1/groups", Auth::kRequired, Handle(&Api::AddGroup));
  router.Add(Method::kPut, "/api/v1/groups/{group}/members/{organisation}", Auth::kRequired,
             Handle(&Api::AddGroupMember));
  router.Add(Method::kDelete, "/api/v1/groups/{group}/members/{organisation}", Auth::kRequired,
             Handle(&Api::RemoveGroupMember));
  router.Add(Method::kGet, "/api/v1/me", Auth::kRequired, Handle(&Api::Me));
  router.Add(Method::kGet, "/api/v1/keys", Auth::kRequired, Handle(&Api::ListKeys));
  router.Add(Method::kPost, "/api/v1/keys", Auth::kRequired, Handle(&Api::CreateKey));
  router.Add(Method::kDelete, "/api/v1/keys/{key_id}", Auth::kRequired, Handle(&Api::RevokeKey));
  router.Add(Method::kGet, "/api/v1/audit", Auth::kRequired, Handle(&Api::ReadAudit));
  RegisterAlertRoutes(router);
  RegisterCorrelationRoutes(router);
  RegisterNotificationRoutes(*this, router, store_, community_, options_.notifications);
  RegisterIncidentRoutes(*this, router, options_.response);
  RegisterAssistanceRoutes(*this, router, options_.assistance);
  RegisterEventRoutes(*this, router, store_, community_, options_.notices, options_.events);
  RegisterSessionRoutes(*this, router, options_.sessions);
  RegisterReportRoutes(*this, router, store_, community_, options_.incident_assistance_gaps);
}

http::Handler Api::Handle(CallerRoute route) {
  return [this, route = std::move(route)](http::Request& request) {
    Result<Caller> caller = CallerOf(request);
    Result<http::Response> response = caller.ok() ? route(*caller, request) : Result<http::Response>(caller.status());
    return response.ok() ? std::move(response).value() : StatusResponse(response.status());
  };
}

http::Handler Api::Handle(Route route) {
  return Handle(CallerRoute([this, route](const Caller& caller, const http::Request& request) {
    return (this->*route)(caller, request);
  }));
}

Result<Api::Caller> Api::CallerOf(const http::Request& request) {
  if (!request.principal) {
    return Status::Unauthenticated("authentication required: send Authorization: Bearer <API key>");
  }
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, viewers_.ViewerOf(*request.principal));
  return Caller{*request.principal, std::move(viewer)};
}

Status Api::AuditReads(const Caller& caller, std::span<const store::StoredVersion> versions, std::string_view how) {
  return share::AuditSensitiveReads(community_.audit(), caller.principal, versions, how);
}

Result<http::Response> Api::Search(const Caller& caller, const http::Request& request) {
  KENES_ASSIGN_OR_RETURN(SearchRequest search,
                         ParseSearch(request.query, {options_.default_page_size, options_.max_page_size}, community_));
  search.query.viewer = caller.viewer;
  KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(search.query));
  KENES_RETURN_IF_ERROR(AuditReads(caller, page.versions, "rest search"));
  std::string body = ListBody("objects", page.versions,
                              [](std::string& out, const store::StoredVersion& version) { out += version.json; });
  body.pop_back();  // to add "more" and "next" to the object
  AppendBoolMember(body, "more", page.more);
  AppendOptionalMember(body, "next", page.more ? std::string_view(page.cursor) : std::string_view());
  if (search.facets) {
    KENES_ASSIGN_OR_RETURN(FacetCounts facets, CountFacets(store_, search.query, options_.max_facet_versions));
    AppendKey(body, "facets");
    AppendFacets(body, facets);
  }
  body += '}';
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::Create(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  return writes_.Create(caller.principal, caller.filter(), request.body);
}

Result<http::Response> Api::Validate(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  return writes_.Validate(caller.principal, caller.filter(), request.body);
}

Result<http::Response> Api::Revise(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
  return writes_.Revise(caller.principal, caller.filter(), id, request.body);
}

Result<http::Response> Api::ReadObject(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
  Result<store::StoredVersion> latest = store_.Latest(id, caller.filter());
  if (!latest.ok()) return NoObject(latest.status(), id);
  KENES_ASSIGN_OR_RETURN(Links links, LinksOf(store_, caller.filter(), *latest, options_.max_links));
  std::vector<store::StoredVersion> shown = {*latest};
  for (const Link& link : links.links) {
    shown.push_back(link.other);
    if (link.relationship) shown.push_back(*link.relationship);
  }
  KENES_RETURN_IF_ERROR(AuditReads(caller, shown, "rest get"));

  std::string body = "{";
  AppendEntryMembers(body, *latest);
  AppendKey(body, "links");
  body += '[';
  for (const Link& link : links.links) {
    if (body.back() != '[') body += ',';
    body += '{';
    AppendStringMember(body, "direction", DirectionName(link.direction));
    AppendStringMember(body, "property", link.property);
    if (link.relationship) {
      AppendStringMember(body, "relationship_type", link.relationship_type);
      AppendRawMember(body, "relationship", link.relationship->json);
    }
    AppendKey(body, "other");
    AppendEntry(body, link.other);
    body += '}';
  }
  body += ']';
  AppendBoolMember(body, "links_truncated", links.truncated);
  body += '}';
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ReadVersions(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
  Result<std::vector<store::StoredVersion>> versions = store_.Versions(id, caller.filter());
  if (!versions.ok()) return NoObject(versions.status(), id);
  KENES_RETURN_IF_ERROR(AuditReads(caller, *versions, "rest versions"));
  std::string body = ListBody("versions", *versions, AppendEntry);
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ReadGraph(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 1> kParameters = {"depth"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
  KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
  KENES_ASSIGN_OR_RETURN(int depth, DepthParameter(request));
  Result<store::StoredVersion> root = store_.Latest(id, caller.filter());
  if (!root.ok()) return NoObject(root.status(), id);
  GraphLimits limits{options_.max_graph_nodes, options_.max_links};
  KENES_ASSIGN_OR_RETURN(Graph graph, Neighbourhood(store_, caller.filter(), std::move(root).value(), depth, limits));
  std::vector<store::StoredVersion> shown = graph.nodes;  // and the relationships behind the edges' types
  shown.insert(shown.end(), graph.relationships.begin(), graph.relationships.end());
  KENES_RETURN_IF_ERROR(AuditReads(caller, shown, "rest graph"));
  std::string body;
  AppendGraph(body, graph);
  return JsonResponse(200, std::move(body));
}

}  // namespace kenes::rest
