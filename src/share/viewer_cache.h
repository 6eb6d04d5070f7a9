// ViewerCache: what each organisation may see (StoreViewerOf), kept
// until the community changes.
//
// Working out a viewer reads the community database several times (the
// organisation, its parent, every sharing group); a busy TAXII client would
// pay that on every request. The cache is dropped whenever
// Community::Generation() moves — a change here or in another process (the
// CLI adding a group member) — so a request never reads with a viewer the
// community no longer grants.
//
// Thread-safety: ViewerOf may be called from any number of threads.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "share/community.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::share {

class ViewerCache {
 public:
  // `community` must outlive the cache.
  explicit ViewerCache(Community& community) : community_(community) {}

  // As StoreViewerOf(community, principal).
  Result<std::optional<store::Viewer>> ViewerOf(const Principal& principal);

 private:
  Community& community_;
  std::mutex mutex_;
  uint64_t generation_ = 0;                                 // of the community when viewers_ was filled
  std::unordered_map<std::string, store::Viewer> viewers_;  // by organisation, for every role but admin
};

}  // namespace kenes::share
