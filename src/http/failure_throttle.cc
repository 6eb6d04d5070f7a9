#include "http/failure_throttle.h"

#include <algorithm>
#include <cstdint>

namespace kenes::http {

std::string ClientAddress(std::string_view remote) {
  if (remote.starts_with('[')) return std::string(remote.substr(0, remote.find(']') + 1));
  size_t colon = remote.find(':');
  bool one_colon = colon != std::string_view::npos && colon == remote.rfind(':');
  return std::string(one_colon ? remote.substr(0, colon) : remote);
}

FailureThrottle::FailureThrottle(ThrottleOptions options) : options_(options) {}

std::chrono::milliseconds FailureThrottle::Fail(const std::string& client) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (failures_.size() >= options_.max_tracked_clients && !failures_.contains(client)) {
    auto oldest = std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
      return a.second.window_start < b.second.window_start;
    });
    failures_.erase(oldest);
  }
  Failures& failures = failures_[client];
  if (failures.count == 0 || now - failures.window_start > options_.failure_window) {
    failures = Failures{0, now, now};
  }
  ++failures.count;
  std::chrono::milliseconds delay{0};
  if (failures.count > options_.free_failures) {
    int doublings = std::min(failures.count - options_.free_failures - 1, 16);
    delay = std::min(options_.max_delay, options_.first_delay * (int64_t{1} << doublings));
  }
  failures.penalty_until = now + delay;
  return delay;
}

std::chrono::milliseconds FailureThrottle::Remaining(const std::string& client) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto found = failures_.find(client);
  if (found == failures_.end() || found->second.penalty_until <= now) return std::chrono::milliseconds(0);
  // Rounded up, so a caller told to wait 0 ms is never refused.
  return std::chrono::ceil<std::chrono::milliseconds>(found->second.penalty_until - now);
}

}  // namespace kenes::http
