// AuthResult and Authenticate: the server's hook for checking credentials.
//
// The server calls the hook for every request that reached a route, from a
// handler thread (it may block on the community database). The hook decides
// what counts as credentials; a request without any is anonymous (OK status,
// no principal). Plain value type; the hook must be callable from any number
// of threads at once.
#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include "base/status.h"
#include "http/message.h"
#include "share/principal.h"

namespace kenes::http {

struct AuthResult {
  std::optional<share::Principal> principal;  // none: no credentials were given
  Status status;                              // not OK: credentials given and refused (401)
  // Answer only after this long: how repeated failures are slowed down. The
  // server waits on a timer, so a delay ties up no thread.
  std::chrono::milliseconds delay{0};
  // Headers the answer to a refused request carries: a Set-Cookie that
  // clears a session cookie the server no longer knows.
  Fields headers;
};

using Authenticate = std::function<AuthResult(const Request& request)>;

}  // namespace kenes::http
