// Audience: which organisations may hear of a notice — those whose viewer
// (share::StoreViewerOf, cached in a share::ViewerCache) reads the notice's
// object in the store. A notice never reaches an organisation that could
// not read its object, whoever the publisher addressed it to, so a notice
// reveals no more than reading the object would.
//
// Thread-safety: every method may be called from any thread (the store and
// the viewer cache are thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "notify/notice.h"
#include "share/community.h"
#include "share/viewer_cache.h"
#include "store/store.h"

namespace kenes::notify {

class Audience {
 public:
  // Both must outlive the audience.
  Audience(store::Store& store, share::Community& community) : store_(store), community_(community) {}

  // Whether `organisation` (an identity id) may read `object_id` now.
  Result<bool> MaySee(std::string_view organisation, std::string_view object_id);

  // The organisations `notice` goes to: its addressees that may see its
  // object, or, when it names none, every organisation of the community that
  // may. Each once, in the order named (the community's order when none).
  Result<std::vector<std::string>> Of(const Notice& notice);

 private:
  store::Store& store_;
  share::Community& community_;
  share::ViewerCache viewers_{community_};
};

}  // namespace kenes::notify
