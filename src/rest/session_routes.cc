#include "rest/session_routes.h"

#include <array>
#include <string>
#include <string_view>

#include "rest/body_fields.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

using http::Method;

Status NoSessions() { return Status::IoError("browser sessions are not available on this node"); }

// {"signed_in": true, "user", "organisation", "role", "csrf_token"?, "expires"?}.
std::string SignedInBody(const share::Principal& principal, const http::Session* session) {
  std::string body = "{";
  AppendBoolMember(body, "signed_in", true);
  AppendStringMember(body, "user", principal.user);
  AppendOptionalMember(body, "organisation", principal.organisation);
  AppendStringMember(body, "role", share::RoleName(principal.role));
  AppendStringMember(body, "via", session != nullptr ? "session" : "credentials");
  if (session != nullptr) {
    AppendStringMember(body, "csrf_token", session->csrf_token);
    AppendStringMember(body, "expires", FormatTimestamp(session->expires, 3));
  }
  body += '}';
  return body;
}

// What the browser must never keep in a cache: who it is, and its tokens.
http::Response Private(http::Response response) {
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Result<http::Response> SignIn(http::SessionBook* sessions, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (sessions == nullptr) return NoSessions();
  std::string_view type = request.Header("Content-Type");
  if (!type.starts_with(kJsonType)) {
    return ErrorResponse(415, "sign in with Content-Type: application/json and {\"user\", \"password\"}");
  }
  static constexpr std::array<std::string_view, 2> kKnown = {"user", "password"};
  KENES_ASSIGN_OR_RETURN(BodyFields fields, StringFields(request.body, kKnown));
  KENES_ASSIGN_OR_RETURN(std::string user, Required(fields, "user"));
  KENES_ASSIGN_OR_RETURN(std::string password, Required(fields, "password"));
  KENES_ASSIGN_OR_RETURN(http::Session session, sessions->Open(user, password, request.remote));
  http::Response response = Private(JsonResponse(200, SignedInBody(session.principal, &session)));
  response.headers.emplace_back("Set-Cookie", sessions->SetCookie(session));
  return response;
}

Result<http::Response> ReadSession(http::SessionBook* sessions, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (!request.principal) return Private(JsonResponse(200, R"({"signed_in":false})"));
  std::string_view token = http::SessionBook::TokenOf(request);
  if (sessions == nullptr || token.empty() || !request.Header("Authorization").empty()) {
    return Private(JsonResponse(200, SignedInBody(*request.principal, nullptr)));
  }
  KENES_ASSIGN_OR_RETURN(http::Session session, sessions->Find(token, request.principal->source));
  return Private(JsonResponse(200, SignedInBody(session.principal, &session)));
}

Result<http::Response> SignOut(http::SessionBook* sessions, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  if (sessions == nullptr) return NoSessions();
  std::string_view token = http::SessionBook::TokenOf(request);
  if (token.empty() || !request.Header("Authorization").empty()) {
    return Status::InvalidArgument("no session to end: this request was not signed in by a session cookie");
  }
  sessions->Close(token);
  http::Response response;
  response.status = 204;
  response.headers.emplace_back("Set-Cookie", sessions->ClearCookie());
  return Private(std::move(response));
}

// A handler for a route that answers anonymous callers too, rendering errors as the API does.
http::Handler Public(http::SessionBook* sessions,
                     Result<http::Response> (*route)(http::SessionBook*, const http::Request&)) {
  return [sessions, route](http::Request& request) {
    Result<http::Response> response = route(sessions, request);
    return response.ok() ? std::move(response).value() : StatusResponse(response.status());
  };
}

}  // namespace

void RegisterSessionRoutes(Api& api, http::Router& router, http::SessionBook* sessions) {
  router.Add(Method::kPost, "/api/v1/session", http::Auth::kPublic, Public(sessions, SignIn));
  router.Add(Method::kGet, "/api/v1/session", http::Auth::kPublic, Public(sessions, ReadSession));
  router.Add(Method::kDelete, "/api/v1/session", http::Auth::kRequired,
             api.Handle(Api::CallerRoute(
                 [sessions](const Api::Caller&, const http::Request& request) { return SignOut(sessions, request); })));
}

}  // namespace kenes::rest
