#include "http/router.h"

#include <fmt/format.h>

#include "base/json_text.h"

namespace kenes::http {
namespace {

// "/a/{b}/c/" -> {"a", "{b}", "c", ""}: the empty last segment keeps the trailing slash significant.
std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// "{name...}": binds the rest of the path.
bool IsRestParameter(std::string_view segment) { return IsParameter(segment) && segment.ends_with("...}"); }

// The parameter's name: "{id}" -> "id", "{path...}" -> "path".
std::string ParameterName(std::string_view segment) {
  segment = segment.substr(1, segment.size() - 2);
  if (segment.ends_with("...")) segment.remove_suffix(3);
  return std::string(segment);
}

// How well `pattern` matches `path`: -1 not at all, else twice the number
// of literal segments (more literals win), plus one for a pattern without a
// rest parameter (which wins over one with as many literals).
int MatchScore(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  bool rest = !pattern.empty() && IsRestParameter(pattern.back());
  if (rest ? path.size() < pattern.size() : pattern.size() != path.size()) return -1;
  int literals = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (rest && i + 1 == pattern.size()) break;
    if (IsParameter(pattern[i])) {
      if (path[i].empty()) return -1;
    } else if (pattern[i] == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return 2 * literals + (rest ? 0 : 1);
}

Response DefaultError(int status, std::string_view title, std::string_view description) {
  return MakeResponse(status, "application/json",
                      fmt::format(R"({{"title":{},"description":{},"http_status":"{}"}})", JsonString(title),
                                  JsonString(description), status));
}

}  // namespace

Router::Router() { renderers_.push_back({"/", DefaultError}); }

void Router::Add(Method method, std::string pattern, Auth auth, Handler handler) {
  std::vector<std::string> segments = SplitPath(pattern);
  size_t index = routes_.size();
  routes_.push_back(Route{RouteInfo{method, std::move(pattern), auth, index}, std::move(segments), std::move(handler)});
}

void Router::SetErrorRenderer(std::string prefix, ErrorRenderer renderer) {
  renderers_.push_back({std::move(prefix), std::move(renderer)});
}

const RouteInfo* Router::Find(Request& request, Response& error) const {
  std::vector<std::string> path = SplitPath(request.path);
  const Route* best = nullptr;
  int best_score = -1;
  std::string allowed;
  for (const Route& route : routes_) {
    int score = MatchScore(route.segments, path);
    if (score < 0) continue;
    if (route.info.method != request.method) {
      // A catch-all for other methods says nothing about what this path allows.
      if (IsRestParameter(route.segments.back())) continue;
      if (allowed.find(MethodName(route.info.method)) == std::string::npos) {
        if (!allowed.empty()) allowed += ", ";
        allowed += MethodName(route.info.method);
      }
      continue;
    }
    if (score > best_score) {
      best = &route;
      best_score = score;
    }
  }
  if (best == nullptr) {
    if (allowed.empty()) {
      error = Error(request.path, 404, "Not Found", fmt::format("no resource at {}", request.path));
    } else {
      error =
          Error(request.path, 405, "Method Not Allowed",
                fmt::format("{} is not allowed on {}; allowed: {}", MethodName(request.method), request.path, allowed));
      error.SetHeader("Allow", allowed);
    }
    return nullptr;
  }
  request.params.clear();
  for (size_t i = 0; i < best->segments.size(); ++i) {
    const std::string& segment = best->segments[i];
    if (IsRestParameter(segment)) {
      std::string rest = path[i];
      for (size_t j = i + 1; j < path.size(); ++j) rest += "/" + path[j];
      request.params[ParameterName(segment)] = std::move(rest);
    } else if (IsParameter(segment)) {
      request.params[ParameterName(segment)] = path[i];
    }
  }
  return &best->info;
}

Response Router::Call(const RouteInfo* route, Request& request) const {
  if (route->index < routes_.size() && &routes_[route->index].info == route) {
    return routes_[route->index].handler(request);
  }
  return Error(request.path, 500, "Internal Server Error", "route lost between Find and Call");
}

Response Router::Error(std::string_view path, int status, std::string_view title, std::string_view description) const {
  const Renderer* chosen = &renderers_.front();
  for (const Renderer& renderer : renderers_) {
    if (path.starts_with(renderer.prefix) && renderer.prefix.size() > chosen->prefix.size()) chosen = &renderer;
  }
  return chosen->render(status, title, description);
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> infos;
  for (const Route& route : routes_) infos.push_back(route.info);
  return infos;
}

}  // namespace kenes::http
