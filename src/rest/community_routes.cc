// Api's routes over the community: organisations, users, sharing groups,
// who is asking, API keys and the audit log. The Community decides who may
// do what (and audits it); these routes only add the rules of reading
// (users: others see themselves; the audit log: admins).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rest/api.h"
#include "rest/body_fields.h"
#include "rest/community_json.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/search_query.h"
#include "share/api_key.h"

namespace kenes::rest {
namespace {

constexpr PageLimits kAuditLimits{100, 1000};

// The body of POST /api/v1/keys: {"user", "label", "expires"}, each optional.
Result<share::NewKey> ReadNewKey(std::string_view body, const share::Principal& principal) {
  static constexpr std::array<std::string_view, 3> kKnown = {"user", "label", "expires"};
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(body, kKnown));
  share::NewKey key{principal.user, std::nullopt, Optional(fields, "label")};
  if (std::string user = Optional(fields, "user"); !user.empty()) key.user = user;
  if (fields.contains("expires")) {
    key.expires = ParseTimestamp(fields["expires"]);
    if (!key.expires) {
      return Status::InvalidArgument(
          fmt::format("expires must be an RFC 3339 timestamp in UTC, not '{}'", fields["expires"]));
    }
  }
  return key;
}

Result<share::Standing> StandingField(const std::string& text) {
  std::optional<share::Standing> standing = share::ParseStanding(text);
  if (!standing) return Status::InvalidArgument("standing must be member or partner");
  return *standing;
}

Result<share::Tlp> DefaultTlpField(const std::string& text) {
  std::optional<share::Tlp> tlp = share::ParseTlp(text);
  if (!tlp) return Status::InvalidArgument("default_tlp must be clear, green, amber, amber+strict or red");
  return *tlp;
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

Result<http::Response> Api::ListOrganisations(const Caller&, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, community_.Organisations());
  return JsonResponse(200, ListBody("organisations", organisations, AppendOrganisation));
}

Result<http::Response> Api::AddOrganisation(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 7> kKnown = {"id",      "code",   "name",       "standing",
                                                             "country", "parent", "default_tlp"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(request.body, kKnown));
  share::OrganisationSpec spec;
  spec.id = Optional(fields, "id");
  KENES_ASSIGN_OR_RETURN(spec.code, Required(fields, "code"));
  KENES_ASSIGN_OR_RETURN(spec.name, Required(fields, "name"));
  KENES_ASSIGN_OR_RETURN(std::string standing, Required(fields, "standing"));
  KENES_ASSIGN_OR_RETURN(spec.standing, StandingField(standing));
  spec.country = Optional(fields, "country");
  spec.parent = Optional(fields, "parent");
  if (fields.contains("default_tlp")) {
    KENES_ASSIGN_OR_RETURN(spec.default_tlp, DefaultTlpField(fields["default_tlp"]));
  }
  KENES_ASSIGN_OR_RETURN(share::Organisation added, community_.AddOrganisation(caller.principal, spec));
  std::string body;
  AppendOrganisation(body, added);
  return JsonResponse(201, std::move(body));
}

Result<http::Response> Api::ChangeOrganisation(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 5> kKnown = {"name", "standing", "country", "parent", "default_tlp"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(request.body, kKnown));
  share::OrganisationChange change;
  for (auto& [name, value] : fields) {
    if (name == "name") change.name = value;
    if (name == "country") change.country = value;
    if (name == "parent") change.parent = value;
    if (name == "standing") {
      KENES_ASSIGN_OR_RETURN(change.standing, StandingField(value));
    }
    if (name == "default_tlp") {
      KENES_ASSIGN_OR_RETURN(change.default_tlp, DefaultTlpField(value));
    }
  }
  KENES_ASSIGN_OR_RETURN(share::Organisation changed,
                         community_.ChangeOrganisation(caller.principal, request.Param("organisation"), change));
  std::string body;
  AppendOrganisation(body, changed);
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ListUsers(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  // Admins and org-admins see the users they manage; anyone else only itself.
  const bool manages = caller.principal.role >= share::Role::kOrgAdmin;
  KENES_ASSIGN_OR_RETURN(std::vector<share::User> users,
                         community_.Users(manages ? caller.principal : share::NodeOperator("rest")));
  if (!manages) std::erase_if(users, [&](const share::User& user) { return user.name != caller.principal.user; });
  return JsonResponse(200, ListBody("users", users, AppendUser));
}

Result<http::Response> Api::AddUser(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 4> kKnown = {"name", "organisation", "role", "password"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(request.body, kKnown));
  share::User user;
  KENES_ASSIGN_OR_RETURN(user.name, Required(fields, "name"));
  KENES_ASSIGN_OR_RETURN(std::string role, Required(fields, "role"));
  std::optional<share::Role> parsed = share::ParseRole(role);
  if (!parsed) return Status::InvalidArgument("role must be reader, analyst, org-admin or admin");
  user.role = *parsed;
  std::string organisation = Optional(fields, "organisation");
  if (organisation.empty()) organisation = caller.principal.organisation;
  if (organisation.empty()) return Status::InvalidArgument("organisation is required");
  Result<share::Organisation> found = community_.FindOrganisation(organisation);
  if (!found.ok()) {
    return found.status().code() == StatusCode::kNotFound
               ? Status::InvalidArgument(fmt::format("there is no organisation '{}'", organisation))
               : found.status();
  }
  user.organisation = found->id;
  std::optional<std::string> password;
  if (fields.contains("password")) password = fields["password"];
  user.has_password = password.has_value();
  KENES_RETURN_IF_ERROR(community_.AddUser(caller.principal, user, std::move(password)));
  std::string body;
  AppendUser(body, user);
  return JsonResponse(201, std::move(body));
}

Result<http::Response> Api::DisableUser(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_RETURN_IF_ERROR(community_.DisableUser(caller.principal, request.Param("name")));
  return NoContent();
}

Result<http::Response> Api::ListGroups(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(std::vector<share::SharingGroup> groups, community_.Groups(caller.principal));
  return JsonResponse(200, ListBody("groups", groups, AppendGroup));
}

Result<http::Response> Api::AddGroup(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 2> kKnown = {"name", "owner"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(request.body, kKnown));
  KENES_ASSIGN_OR_RETURN(std::string name, Required(fields, "name"));
  KENES_ASSIGN_OR_RETURN(share::SharingGroup group,
                         community_.AddGroup(caller.principal, name, Optional(fields, "owner")));
  std::string body;
  AppendGroup(body, group);
  return JsonResponse(201, std::move(body));
}

Result<http::Response> Api::AddGroupMember(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_RETURN_IF_ERROR(
      community_.AddGroupMember(caller.principal, request.Param("group"), request.Param("organisation")));
  return NoContent();
}

Result<http::Response> Api::RemoveGroupMember(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_RETURN_IF_ERROR(
      community_.RemoveGroupMember(caller.principal, request.Param("group"), request.Param("organisation")));
  return NoContent();
}

Result<http::Response> Api::Me(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  const share::Principal& principal = caller.principal;
  std::string body = "{";
  AppendStringMember(body, "user", principal.user);
  AppendStringMember(body, "role", share::RoleName(principal.role));
  AppendBoolMember(body, "can_write", principal.role >= share::Role::kAnalyst);
  AppendKey(body, "organisation");
  if (principal.organisation.empty()) {
    body += "null";
  } else {
    KENES_ASSIGN_OR_RETURN(share::Organisation organisation, community_.FindOrganisation(principal.organisation));
    AppendOrganisation(body, organisation);
  }
  body += '}';
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ListKeys(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_ASSIGN_OR_RETURN(std::vector<share::KeyInfo> keys, community_.Keys(caller.principal));
  return JsonResponse(200, ListBody("keys", keys, AppendKeyInfo));
}

Result<http::Response> Api::CreateKey(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
  KENES_ASSIGN_OR_RETURN(share::NewKey key, ReadNewKey(request.body, caller.principal));
  KENES_ASSIGN_OR_RETURN(std::string text, community_.CreateKey(caller.principal, key));
  std::string body = "{";
  AppendStringMember(body, "key", text);
  AppendStringMember(body, "key_id", share::ApiKeyId(text).value_or(""));
  AppendStringMember(body, "user", key.user);
  AppendStringMember(body, "label", key.label);
  AppendOptionalMember(body, "expires", key.expires ? FormatTimestamp(*key.expires, 3) : "");
  body += '}';
  http::Response response = JsonResponse(201, std::move(body));
  // The key is shown this once: no cache may keep it.
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Result<http::Response> Api::RevokeKey(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  KENES_RETURN_IF_ERROR(community_.RevokeKey(caller.principal, request.Param("key_id")));
  return NoContent();
}

Result<http::Response> Api::ReadAudit(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 5> kParameters = {"actor", "action", "since", "until", "limit"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
  if (caller.principal.role != share::Role::kAdmin) {
    return Status::PermissionDenied(
        fmt::format("user {} may not read the audit log: only admins may", caller.principal.user));
  }
  share::AuditFilter filter;
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> actor, SingleParameter(request.query, "actor"));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> action, SingleParameter(request.query, "action"));
  filter.actor = actor.value_or("");
  filter.action = action.value_or("");
  KENES_ASSIGN_OR_RETURN(filter.since, TimeParameter(request.query, "since"));
  KENES_ASSIGN_OR_RETURN(filter.until, TimeParameter(request.query, "until"));
  KENES_ASSIGN_OR_RETURN(size_t limit, LimitParameter(request.query, kAuditLimits));
  KENES_ASSIGN_OR_RETURN(std::vector<share::AuditEntry> entries, community_.audit().Show(filter));
  const bool more = entries.size() > limit;
  std::vector<share::AuditEntry> newest(entries.rbegin(), entries.rbegin() + std::min(limit, entries.size()));
  std::string body = ListBody("entries", newest, AppendAuditEntry);
  body.pop_back();  // to add "more" to the object
  AppendBoolMember(body, "more", more);
  body += '}';
  return JsonResponse(200, std::move(body));
}

}  // namespace kenes::rest
