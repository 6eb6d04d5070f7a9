// NoticeFeed: the notices recorded for organisations, read back in order and
// followed as they arrive. The notify subsystem's inbox implements it; the
// server-sent events endpoint (/api/v1/events) and the webhooks read it.
//
// Each notice is recorded once per organisation it concerns (an inbox row),
// with an id that increases across the whole node, so a reader resumes after
// the last id it saw (SSE Last-Event-ID) and misses nothing in between.
//
// Thread-safety: every method may be called from any thread. A listener is
// called on the thread that recorded the notice, after it is durable; it must
// not block (it hands the notice to its own queue) and must not call back
// into the feed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "notify/notice.h"

namespace kenes::notify {

// One notice in one organisation's inbox.
struct StoredNotice {
  int64_t id = 0;            // increasing across the node
  Timestamp created;         // when it was recorded
  std::string organisation;  // identity id of the inbox it is in
  Notice notice;             // notice.organisations is as published
  bool read = false;         // someone of the organisation marked it read
};

class NoticeFeed {
 public:
  // Unsubscribes when destroyed; after that the listener is never called again.
  class Subscription {
   public:
    virtual ~Subscription() = default;
  };
  using Listener = std::function<void(const StoredNotice& notice)>;

  virtual ~NoticeFeed() = default;

  // The notices of `organisation` with an id greater than `after`, oldest
  // first, at most `limit`. An empty organisation: every organisation's (for
  // administrators).
  virtual Result<std::vector<StoredNotice>> Since(std::string_view organisation, int64_t after, size_t limit) = 0;
  // Calls `listener` with every notice recorded from now on, for any
  // organisation (the listener filters).
  virtual std::unique_ptr<Subscription> Subscribe(Listener listener) = 0;
};

}  // namespace kenes::notify
