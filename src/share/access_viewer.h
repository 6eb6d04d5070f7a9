// AccessViewer: the community facts the access decision needs about one
// organisation, read from the Community.
//
// Bridges the community model (community.h) to the decision
// (access_policy.h): the organisation's standing, its sharing groups, and
// the same for its parent. Reads the community as the node operator would,
// since a viewer's facts include groups it does not own.
//
// Thread-safety: as Community's methods; the result is a plain value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "share/access_policy.h"
#include "share/community.h"

namespace kenes::share {

// The facts of `organisation` (a code or identity id). An identity id the
// community does not know is an outsider: no standing, no groups, no parent
// (it still sees what it authored). NotFound for an unknown code.
Result<ViewerFacts> ViewerFactsOf(Community& community, std::string_view organisation);

// What `principal` may see, as the store's filter: nullopt (every version)
// for an admin, else what its organisation may see (StoreViewerFor).
Result<std::optional<store::Viewer>> StoreViewerOf(Community& community, const Principal& principal);

// The ids of every sharing group, to recognise group distribution markings
// (LabelOf, AuthoriseWrite).
Result<std::vector<std::string>> SharingGroupIds(Community& community);

}  // namespace kenes::share
