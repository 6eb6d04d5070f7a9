#include "share/viewer_cache.h"

#include "share/access_viewer.h"

namespace kenes::share {

Result<std::optional<store::Viewer>> ViewerCache::ViewerOf(const Principal& principal) {
  // Admins read without a viewer: nothing to look up.
  if (principal.role == Role::kAdmin) return StoreViewerOf(community_, principal);
  KENES_ASSIGN_OR_RETURN(uint64_t generation, community_.Generation());
  {
    std::lock_guard lock(mutex_);
    if (generation != generation_) {
      viewers_.clear();
      generation_ = generation;
    }
    auto found = viewers_.find(principal.organisation);
    if (found != viewers_.end()) return std::optional<store::Viewer>(found->second);
  }
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, StoreViewerOf(community_, principal));
  if (viewer) {
    std::lock_guard lock(mutex_);
    // Only if the community has not moved on while this viewer was worked out.
    if (generation == generation_) viewers_.emplace(principal.organisation, *viewer);
  }
  return viewer;
}

}  // namespace kenes::share
