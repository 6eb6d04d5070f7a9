// Error: the one shape every REST API error takes, and how a Status maps
// onto it.
//
//   {"error": {"status": 404, "title": "Not Found", "message": "no object indicator--...",
//              "details": [{"path": "$.pattern", "rule": "pattern-syntax", "message": "...",
//                           "severity": "error"}]}}
//
// "details" appears only where there are several findings to name (the
// validator's, for a refused object). Errors the router and the server raise
// (404 for an unknown route, 405, 401, 413) are rendered the same way through
// RenderError, so a client parses one shape whatever failed.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "http/message.h"
#include "stix/finding.h"

namespace kenes::rest {

// "application/json": every REST response body is JSON.
inline constexpr std::string_view kJsonType = "application/json";

// A JSON response with `body`.
http::Response JsonResponse(int status, std::string body);

// An error response with `message` saying what was wrong.
http::Response ErrorResponse(int status, std::string_view message);

// The router's ErrorRenderer for "/api/v1/": `title` becomes the title,
// `description` the message.
http::Response RenderError(int status, std::string_view title, std::string_view description);

// An error response with the validator's findings as details.
http::Response FindingsResponse(int status, std::string_view message, std::span<const stix::Finding> findings);

// 415 when `request` says its body is not JSON; nullopt when it is, or says nothing.
std::optional<http::Response> RefuseOtherMediaTypes(const http::Request& request);

// The HTTP status for a non-OK `status`: 400 invalid input, 404 not found,
// 409 already exists or failed precondition, 403 denied, 401 unauthenticated, 429 exhausted, 503
// I/O failure, 500 anything else.
int HttpStatusOf(const Status& status);

// ErrorResponse(HttpStatusOf(status), status.message()). REQUIRES: !status.ok().
http::Response StatusResponse(const Status& status);

// Appends the findings as a JSON array of {path, rule, message, severity}.
void AppendFindings(std::string& out, std::span<const stix::Finding> findings);

}  // namespace kenes::rest
