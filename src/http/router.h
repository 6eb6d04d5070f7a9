// Router: which handler answers a request, by method and path pattern.
//
// Patterns are paths whose segments are literal or "{name}", which binds the
// segment (percent-decoded) to Request::params["name"]:
//
//   router.Add(Method::kGet, "/taxii2/{root}/collections/{collection}/objects/", Auth::kRequired, handler);
//
// A last segment "{name...}" binds the rest of the path, slashes included
// and possibly empty ("/{path...}" takes every path: the web UI's files).
// Matching is exact, segment by segment, trailing slash included (TAXII
// URLs end in '/'); literal segments win over "{name}" ones, and a pattern
// without a rest parameter over one with as many literal segments. A path that
// matches no pattern gets 404; one that matches with another method gets
// 405 with an Allow header. Errors the router and the server produce are
// rendered by the renderer registered for the longest matching path prefix,
// so a TAXII client gets a TAXII error resource and a REST client a REST one.
//
// Thread-safety: build the router on one thread, then Dispatch from any
// number concurrently.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace kenes::http {

using Handler = std::function<Response(Request&)>;

// Renders an error the server or router raises: status, a short title, and
// a sentence saying what was wrong.
using ErrorRenderer = std::function<Response(int status, std::string_view title, std::string_view description)>;

// Whether a route needs an authenticated principal.
enum class Auth { kPublic, kRequired };

struct RouteInfo {
  Method method = Method::kGet;
  std::string pattern;
  Auth auth = Auth::kRequired;
  size_t index = 0;  // position in Routes(): metrics count requests by it
};

class Router {
 public:
  Router();

  void Add(Method method, std::string pattern, Auth auth, Handler handler);
  // Errors for paths under `prefix` (e.g. "/taxii2/") use `renderer`; the
  // default renders {"title", "description", "http_status"} as JSON.
  void SetErrorRenderer(std::string prefix, ErrorRenderer renderer);

  // The route `request` goes to, with its path parameters bound into
  // `request`; nullptr when none, and then `error` holds the 404 or 405.
  const RouteInfo* Find(Request& request, Response& error) const;
  // Calls the route's handler. REQUIRES: Find returned `route` for `request`.
  Response Call(const RouteInfo* route, Request& request) const;

  // An error response for `path`, rendered for the API that path belongs to.
  Response Error(std::string_view path, int status, std::string_view title, std::string_view description) const;

  // Every route, in the order added (the OpenAPI test walks them).
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    RouteInfo info;
    std::vector<std::string> segments;
    Handler handler;
  };
  struct Renderer {
    std::string prefix;
    ErrorRenderer render;
  };

  std::vector<Route> routes_;
  std::vector<Renderer> renderers_;
};

}  // namespace kenes::http
