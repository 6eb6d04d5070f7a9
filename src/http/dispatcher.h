// Dispatcher: what the server does with a request once its bytes are read,
// with no trace of the network: parse the target, find the route,
// authenticate, call the handler.
//
// The server runs Dispatch on a handler thread, since the authenticator and
// the handlers block on the databases. Every outcome is a complete Response:
// a malformed target is a 400, an unknown path a 404, a missing or refused
// credential a 401 (with WWW-Authenticate), a session request without its
// CSRF token a 403, a handler that throws a 500,
// each rendered by the router's error renderer for the path.
//
// Thread-safety: Dispatch may be called from any number of threads.
#pragma once

#include <chrono>

#include "http/access_log.h"
#include "http/auth_result.h"
#include "http/message.h"
#include "http/router.h"

namespace kenes::http {

struct Dispatched {
  Response response;
  const RouteInfo* route = nullptr;    // the route that answered; null if none did
  std::chrono::milliseconds delay{0};  // wait this long before answering (refused credentials)
};

class Dispatcher {
 public:
  // `router` must outlive the dispatcher. Without `authenticate`, every
  // request is anonymous. Handlers' exceptions are logged to `error_log`.
  Dispatcher(const Router& router, Authenticate authenticate, LogSink error_log);

  // REQUIRES: request.method, target, headers, body and remote are set.
  // Fills in path, query, params and principal, and answers the request.
  // A HEAD request with no HEAD route goes to the GET route (the server
  // sends no body for HEAD).
  Dispatched Dispatch(Request& request) const;

 private:
  // 401 for `request`, with the WWW-Authenticate challenge.
  Response Unauthorized(const Request& request, std::string_view description) const;
  // 500 for a handler that threw `what`, which goes to the error log.
  Response Failed(const Request& request, std::string_view what) const;

  const Router& router_;
  Authenticate authenticate_;
  LogSink error_log_;
};

}  // namespace kenes::http
