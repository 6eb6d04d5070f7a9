// Authenticator: who an HTTP request says it is, checked against the
// community's API keys.
//
// Credentials come as `Authorization: Bearer <api key>` or as HTTP Basic
// with the user name and an API key as the password (for tools that only
// speak Basic). A request without credentials is anonymous (public routes
// answer it; the server refuses it elsewhere). Every refusal reads
// "invalid credentials", whatever the reason — unknown user, wrong or
// revoked key, a Basic user name that is not the key's — so a caller learns
// nothing; the audit log keeps the precise reason.
//
// Repeated failures are slowed down: after `free_failures` failures from one
// client address within `failure_window`, each further refusal to it is
// answered only after a delay that doubles up to `max_delay`. The server
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
#include "http/message.h"
#include "share/community.h"
#include "store/clock.h"

namespace kenes::http {

struct AuthenticatorOptions {
  std::chrono::seconds cache_ttl{300};
  int free_failures = 3;
  std::chrono::seconds failure_window{600};
  std::chrono::milliseconds first_delay{250};
  std::chrono::milliseconds max_delay{8000};
  size_t max_tracked_clients = 10000;  // failure records kept; the oldest go first
};

class Authenticator {
 public:
  // `community` and `clock` (for key expiry) must outlive the authenticator.
  explicit Authenticator(share::Community& community, AuthenticatorOptions options = {},
                         store::Clock& clock = store::SystemClock());

  AuthResult Authenticate(const Request& request);

 private:
  struct CachedKey {
    share::Principal principal;
    std::optional<Timestamp> expires;
    std::chrono::steady_clock::time_point cached_until;
  };
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point window_start;
  };

  // The principal for `api_key`, from the cache or the community.
  Result<share::Principal> PrincipalOfKey(const std::string& api_key, const std::string& source);
  AuthResult Refuse(const std::string& client, Status status);

  share::Community& community_;
  AuthenticatorOptions options_;
  store::Clock& clock_;

  std::mutex mutex_;
  uint64_t generation_ = 0;  // of the community when the cache was filled
  std::unordered_map<std::string, CachedKey> keys_;  // by ApiKeyHash
  std::unordered_map<std::string, Failures> failures_;  // by client address
};

}  // namespace kenes::http
