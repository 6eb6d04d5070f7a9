// The default community: the five Central Asian member states and the
// "Central Asia Plus" partners, created by `kenes init` without --community.
//
// The identity ids are fixed, and the same as the demo scenario's organisations
// (src/demo/base_scenario.cc with the default seed), so the demo data's authors
// are this community's organisations. Pure; thread-safe.
#pragma once

#include <vector>

#include "share/community.h"

namespace kenes::share {

// KZ, KG, TJ, TM, UZ (members), then EU, CN, US, GCC, DE (partners).
std::vector<OrganisationSpec> DefaultCommunity();

}  // namespace kenes::share
