// StatusRegistry: the status resources of recent POSTs, kept in memory.
//
// Kenes processes a POSTed envelope before answering, so each status
// resource is complete when it is made; the registry only keeps it for the
// client to read again. It holds at most `capacity` resources, none older
// than `retention`: older ones are dropped (a restart drops them all). A
// resource belongs to the organisation whose user POSTed; others read it as
// unknown.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/timestamp.h"
#include "share/principal.h"
#include "store/clock.h"

namespace kenes::taxii {

class StatusRegistry {
 public:
  StatusRegistry(size_t capacity, std::chrono::seconds retention, store::Clock& clock);

  // Keeps the status resource `json` under `id` for `owner`'s organisation.
  void Add(std::string id, const share::Principal& owner, std::string json);

  // The resource `id` if `reader` may read it (same organisation, or an
  // admin) and it is still kept.
  std::optional<std::string> Find(std::string_view id, const share::Principal& reader);

 private:
  struct Entry {
    std::string owner;
    Timestamp added;
    std::string json;
  };

  // Drops what is too old or beyond capacity. REQUIRES: mutex_ held.
  void Prune(const Timestamp& now);

  const size_t capacity_;
  const std::chrono::seconds retention_;
  store::Clock& clock_;
  std::mutex mutex_;
  std::deque<std::string> order_;  // ids, oldest first
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace kenes::taxii
