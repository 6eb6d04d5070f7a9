#include "rest/error.h"

#include <algorithm>
#include <cctype>

#include "rest/json_members.h"

namespace kenes::rest {
namespace {

// The error object without its closing braces, so details can follow.
std::string ErrorOpening(int status, std::string_view title, std::string_view message) {
  std::string out = "{";
  AppendKey(out, "error");
  out += '{';
  AppendRawMember(out, "status", std::to_string(status));
  AppendStringMember(out, "title", title);
  AppendStringMember(out, "message", message);
  return out;
}

}  // namespace

http::Response JsonResponse(int status, std::string body) {
  return http::MakeResponse(status, std::string(kJsonType), std::move(body));
}

http::Response RenderError(int status, std::string_view title, std::string_view description) {
  return JsonResponse(status, ErrorOpening(status, title, description) + "}}");
}

http::Response ErrorResponse(int status, std::string_view message) {
  return RenderError(status, http::ReasonPhrase(status), message);
}

void AppendFindings(std::string& out, std::span<const stix::Finding> findings) {
  out += '[';
  for (const stix::Finding& finding : findings) {
    if (out.back() != '[') out += ',';
    out += '{';
    AppendStringMember(out, "path", finding.path);
    AppendStringMember(out, "rule", finding.rule);
    AppendStringMember(out, "message", finding.message);
    AppendStringMember(out, "severity", finding.severity == stix::Severity::kError ? "error" : "warning");
    out += '}';
  }
  out += ']';
}

http::Response FindingsResponse(int status, std::string_view message, std::span<const stix::Finding> findings) {
  std::string body = ErrorOpening(status, http::ReasonPhrase(status), message);
  AppendKey(body, "details");
  AppendFindings(body, findings);
  body += "}}";
  return JsonResponse(status, std::move(body));
}

std::optional<http::Response> RefuseOtherMediaTypes(const http::Request& request) {
  std::string_view header = request.Header("Content-Type");
  std::string type(header.substr(0, header.find(';')));
  std::erase(type, ' ');
  std::transform(type.begin(), type.end(), type.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (type.empty() || type == kJsonType) return std::nullopt;
  return ErrorResponse(415, "the body must be " + std::string(kJsonType) + ", not " + type);
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kIoError: return 503;
    default: return 500;
  }
}

http::Response StatusResponse(const Status& status) { return ErrorResponse(HttpStatusOf(status), status.message()); }

}  // namespace kenes::rest
