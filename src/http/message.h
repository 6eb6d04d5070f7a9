// Request and Response: one HTTP exchange as the node's handlers see it.
//
// Plain values with no trace of Beast or Asio, so TAXII, the REST API and
// their tests build without the network stack (http/server.h turns bytes on
// a socket into these and back). The server fills in everything, including
// the authenticated principal, before a handler runs; a handler returns a
// Response and never throws. A Response is complete (its body) unless it
// carries a BodyStream, whose chunks the server sends as they are written
// after the handler returned (body_stream.h): server-sent events.
//
// Plain value types; thread-compatible.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "share/principal.h"

namespace kenes::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

// "GET", "POST", ...; "OTHER" for kOther.
std::string_view MethodName(Method method);
// The inverse of MethodName for the methods above; kOther for anything else.
Method ParseMethod(std::string_view name);

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::kGet;
  std::string path;    // percent-decoded, without the query
  std::string target;  // as the client sent it: path and query
  Fields query;        // percent-decoded name/value pairs, in order; a name may repeat
  Fields headers;      // as received
  std::string body;
  std::string remote;                                      // "address:port" of the client
  std::map<std::string, std::string, std::less<>> params;  // path segments bound by the route ("{id}")
  std::optional<share::Principal> principal;               // who is asking; none when no credentials were given

  // The value of header `name` (case-insensitive); empty when absent.
  std::string_view Header(std::string_view name) const;
  // The first value of query parameter `name`, nullopt when absent.
  std::optional<std::string_view> Query(std::string_view name) const;
  // The path parameter `name` bound by the route; empty when absent.
  std::string_view Param(std::string_view name) const;
};

class BodyStream;

struct Response {
  int status = 200;
  Fields headers;  // Content-Length, Transfer-Encoding and Date are the server's to set
  std::string body;
  // Set: the body is this stream's chunks instead of `body` (ignored), and
  // the handler's producer keeps the other end. Not for 1xx, 204 and 304.
  std::shared_ptr<BodyStream> stream;

  // Replaces header `name` (case-insensitive) or adds it.
  void SetHeader(std::string_view name, std::string value);
  std::string_view Header(std::string_view name) const;
};

// A response with `body` as content of `content_type`.
Response MakeResponse(int status, std::string content_type, std::string body);

// Splits "a=1&b=x%20y" into decoded pairs ('+' is a space). InvalidArgument-
// style problems (a bad %-escape) give nullopt.
std::optional<Fields> ParseQuery(std::string_view query);
// Decodes %XX escapes; nullopt for a malformed escape. `plus_is_space` for query strings.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// The standard reason phrase for `status` ("Not Found"); "Unknown" if none.
std::string_view ReasonPhrase(int status);

}  // namespace kenes::http
