// Distribution: which organisations an object is shared with.
//
// Every object Kenes keeps has one distribution, chosen by its author:
//   organisation  the author organisation only
//   members       the community's member organisations
//   community     members and partners
//   group         the organisations of one sharing group (by its id)
// How far the object may then travel also depends on its TLP level
// (access_policy.h); how the distribution travels with the object as STIX
// is in distribution_marking.h.
//
// Plain value type and pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::share {

// Ordered from the narrowest audience to the widest (a group may be either).
enum class DistributionKind { kOrganisation, kGroup, kMembers, kCommunity };
inline constexpr int kDistributionKinds = 4;

struct Distribution {
  DistributionKind kind = DistributionKind::kOrganisation;
  std::string group;  // the sharing group's id when kind is kGroup; else empty

  bool operator==(const Distribution&) const = default;
};

// "organisation", "group", "members", "community".
std::string_view DistributionKindName(DistributionKind kind);

// "organisation", "members", "community" or "group:<group id>".
std::string DistributionText(const Distribution& distribution);
// The inverse of DistributionText; InvalidArgument naming the choices otherwise.
Result<Distribution> ParseDistribution(std::string_view text);

}  // namespace kenes::share
