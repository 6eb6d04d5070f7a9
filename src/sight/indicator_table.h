// IndicatorTable: the active indicators the hunter matches observed-data
// against, the latest version of each, filed in a pattern::IndicatorIndex.
//
// The table remembers the newest version it has seen of every indicator,
// hunted or not, so an older version arriving later (history filled in)
// never replaces a newer one, nor brings back one that was revoked or
// expired. Each entry also caches which organisations may see it (the
// hunter asks the store once per indicator version and organisation).
//
// Not thread-safe: the hunter serialises its use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/timestamp.h"
#include "pattern/indicator_index.h"
#include "sight/active_indicator.h"

namespace kenes::sight {

class IndicatorTable {
 public:
  using Handle = pattern::IndicatorIndex::Handle;

  struct Entry {
    ActiveIndicator indicator;
    std::unordered_map<std::string, bool> visible_to;  // by organisation identity id
    // Observed-data the node added from this time on was hunted with this
    // indicator filed, so its retro-hunt need not look at it; unset for
    // indicators loaded from the store.
    std::optional<Timestamp> hunted_since;
  };

  // Whether `version` of `id` is newer than any the table has seen. If so,
  // it becomes the newest and the older version, if filed, is taken out:
  // the caller files the new one with Add when it is to be hunted.
  bool Advance(std::string_view id, const Timestamp& version);

  // Files `indicator`. REQUIRES: Advance(indicator.id, indicator.version)
  // was the last word about this id.
  Handle Add(ActiveIndicator indicator, std::optional<Timestamp> hunted_since = std::nullopt);

  // Takes `handle` out (an expired indicator); the table still remembers its version.
  void Remove(Handle handle);

  // Forgets `id` altogether, filed or not, newest version included (its
  // versions were deleted from the store): any version may come next.
  void Forget(std::string_view id);

  // The handle `id` is filed under, or nullopt.
  std::optional<Handle> HandleOf(std::string_view id) const;
  Entry& at(Handle handle) { return *entries_[handle]; }

  // Every filed indicator's pattern, by handle.
  const pattern::IndicatorIndex& index() const { return index_; }

  // Drops every entry's visibility cache (the community changed).
  void ForgetVisibility();

  size_t size() const { return filed_.size(); }

 private:
  std::vector<std::optional<Entry>> entries_;  // by handle; empty slots are free
  std::vector<Handle> free_;
  std::unordered_map<std::string, Handle> filed_;      // id -> handle
  std::unordered_map<std::string, Timestamp> newest_;  // id -> newest version seen
  pattern::IndicatorIndex index_;
};

}  // namespace kenes::sight
