// FailureThrottle: how refusals of credentials are slowed down per client
// address, so guessing API keys, session cookies or passwords is slow.
//
// After `free_failures` failures from one address within `failure_window`,
// each further failure earns that address a penalty that doubles from
// `first_delay` up to `max_delay`. The authenticator holds its answer back
// for the penalty (the server waits on a timer, so no thread is tied up);
// the sign-in route refuses to check a password until the penalty has run
// out, so a guesser cannot even make the node spend an Argon2id hash.
// Failures are not forgiven by a success: they expire with their window, so
// one good credential cannot shield guessing at others.
//
// Thread-safety: every method may be called from any number of threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kenes::http {

struct ThrottleOptions {
  int free_failures = 3;
  std::chrono::seconds failure_window{600};
  std::chrono::milliseconds first_delay{250};
  std::chrono::milliseconds max_delay{8000};
  size_t max_tracked_clients = 10000;  // failure records kept; the oldest go first
};

// "192.0.2.7:51234" -> "192.0.2.7"; "[::1]:8080" -> "[::1]". Failures count
// per address, not per connection.
std::string ClientAddress(std::string_view remote);

class FailureThrottle {
 public:
  explicit FailureThrottle(ThrottleOptions options = {});

  // Records a failure from `client` (an address); the penalty it earned.
  std::chrono::milliseconds Fail(const std::string& client);
  // How much of `client`'s last penalty is still to run; zero when none.
  std::chrono::milliseconds Remaining(const std::string& client);

 private:
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point window_start;
    std::chrono::steady_clock::time_point penalty_until;
  };

  ThrottleOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;  // by client address
};

}  // namespace kenes::http
