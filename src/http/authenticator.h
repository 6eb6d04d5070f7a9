// Authenticator: who an HTTP request says it is, checked against the
// community's API keys and the signed-in browsers' sessions.
//
// Credentials come as `Authorization: Bearer <api key>`, as HTTP Basic
// with the user name and an API key as the password (for tools that only
// speak Basic), or, without an Authorization header, as the session cookie
// of a browser signed in through the web UI (session_book.h). A request
// without credentials is anonymous (public routes answer it; the server
// refuses it elsewhere). Every refusal reads "invalid credentials",
// whatever the reason — unknown user, wrong or revoked key, a Basic user
// name that is not the key's, an unknown or ended session — so a caller
// learns nothing; the audit log keeps the precise reason. A refused session
// cookie is also cleared, so the browser can sign in again.
//
// A state-changing request (anything but GET, HEAD and OPTIONS)
// authenticated by the session cookie must carry the session's CSRF token
// in X-CSRF-Token, or it is refused with PermissionDenied (403): a browser
// sends cookies along with requests other sites make it send, never a
// header. Requests with Bearer or Basic credentials need no token.
//
// Repeated failures are slowed down per client address (failure_throttle.h):
// each refusal past the free ones is answered only after a delay. The server
// waits on a timer, so the delay ties up no thread.
//
// Successful keys are cached (by hash, never in clear) for `cache_ttl`, so a
// busy client does not cost a database write per request: the audit log
// records a key's use when it is first seen and after each expiry, and the
// access log records every request. The cache is dropped whenever the
// community changes (Community::Generation), so a key revoked or a user
// disabled through this node is refused on the next request, one revoked by
// the CLI in another process within Community::kOtherProcessLag, and an
// entry never outlives its key's expiry.
//
// Serves as the server's hook (auth_result.h). Thread-safety: Authenticate
// may be called from any number of threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "http/auth_result.h"
#include "http/failure_throttle.h"
#include "http/message.h"
#include "http/session_book.h"
#include "share/community.h"
#include "store/clock.h"

namespace kenes::http {

struct AuthenticatorOptions {
  std::chrono::seconds cache_ttl{300};
  ThrottleOptions throttle;
};

class Authenticator {
 public:
  // `community`, `sessions` and `clock` (for key expiry) must outlive the
  // authenticator. Without `sessions`, session cookies are not looked at.
  explicit Authenticator(share::Community& community, AuthenticatorOptions options = {},
                         store::Clock& clock = store::SystemClock(), SessionBook* sessions = nullptr);

  AuthResult Authenticate(const Request& request);

 private:
  struct CachedKey {
    share::Principal principal;
    std::optional<Timestamp> expires;
    std::chrono::steady_clock::time_point cached_until;
  };
  // The principal for `api_key`, from the cache or the community.
  Result<share::Principal> PrincipalOfKey(const std::string& api_key, const std::string& source);
  AuthResult Refuse(const std::string& client, Status status);
  AuthResult AuthenticateSession(const Request& request, std::string_view token, const std::string& client);

  share::Community& community_;
  AuthenticatorOptions options_;
  store::Clock& clock_;
  SessionBook* sessions_;
  FailureThrottle throttle_;

  std::mutex mutex_;
  uint64_t generation_ = 0;                          // of the community when the cache was filled
  std::unordered_map<std::string, CachedKey> keys_;  // by ApiKeyHash
};

}  // namespace kenes::http
