#include "http/dispatcher.h"

#include <fmt/format.h>

#include <exception>

namespace kenes::http {

Dispatcher::Dispatcher(const Router& router, Authenticate authenticate, LogSink error_log)
    : router_(router), authenticate_(std::move(authenticate)), error_log_(std::move(error_log)) {}

Response Dispatcher::Unauthorized(const Request& request, std::string_view description) const {
  Response response = router_.Error(request.path, 401, "Unauthorized", description);
  // A Basic challenge to a page's script (Sec-Fetch-Dest: empty) would make
  // the browser pop up its own password dialog over the web UI's sign-in.
  bool from_script = request.Header("Sec-Fetch-Dest") == "empty";
  response.SetHeader("WWW-Authenticate", from_script ? "Bearer" : R"(Basic realm="kenes", Bearer)");
  return response;
}

Response Dispatcher::Failed(const Request& request, std::string_view what) const {
  error_log_(FormatErrorLine(fmt::format("{} {}: {}", MethodName(request.method), request.path, what)));
  return router_.Error(request.path, 500, "Internal Server Error", "the server failed to answer");
}

Dispatched Dispatcher::Dispatch(Request& request) const {
  Dispatched out;
  std::string_view target = request.target;
  size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  if (!raw_path.starts_with('/')) {
    out.response = router_.Error("/", 400, "Bad Request", "the request target must be a path starting with '/'");
    return out;
  }
  std::optional<std::string> path = PercentDecode(raw_path, false);
  if (!path) {
    request.path = std::string(raw_path);
    out.response = router_.Error(request.path, 400, "Bad Request", "malformed %-escape in the request path");
    return out;
  }
  request.path = std::move(*path);
  std::optional<Fields> query =
      ParseQuery(question == std::string_view::npos ? std::string_view() : target.substr(question + 1));
  if (!query) {
    out.response = router_.Error(request.path, 400, "Bad Request", "malformed %-escape in the query string");
    return out;
  }
  request.query = std::move(*query);

  Response not_found;
  out.route = router_.Find(request, not_found);
  if (out.route == nullptr && request.method == Method::kHead) {
    request.method = Method::kGet;
    out.route = router_.Find(request, not_found);
    request.method = Method::kHead;
  }
  if (out.route == nullptr) {
    out.response = std::move(not_found);
    return out;
  }

  try {
    if (authenticate_) {
      AuthResult auth = authenticate_(request);
      if (!auth.status.ok()) {
        out.delay = auth.delay;
        out.response = auth.status.code() == StatusCode::kPermissionDenied
                           ? router_.Error(request.path, 403, "Forbidden", auth.status.message())
                           : Unauthorized(request, auth.status.message());
        for (auto& [name, value] : auth.headers) out.response.headers.emplace_back(std::move(name), std::move(value));
        return out;
      }
      request.principal = std::move(auth.principal);
    }
    if (out.route->auth == Auth::kRequired && !request.principal) {
      out.response = Unauthorized(request, "this resource needs credentials: an API key as Bearer or Basic");
      return out;
    }
    out.response = router_.Call(out.route, request);
  } catch (const std::exception& e) {
    out.response = Failed(request, e.what());
  } catch (...) {
    out.response = Failed(request, "unknown exception");
  }
  return out;
}

}  // namespace kenes::http
