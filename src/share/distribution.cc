#include "share/distribution.h"

#include <fmt/format.h>

#include <array>

namespace kenes::share {
namespace {

constexpr std::array<std::string_view, kDistributionKinds> kKindNames = {"organisation", "group", "members",
                                                                         "community"};
constexpr std::string_view kGroupPrefix = "group:";

}  // namespace

std::string_view DistributionKindName(DistributionKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::string DistributionText(const Distribution& distribution) {
  if (distribution.kind == DistributionKind::kGroup) return fmt::format("{}{}", kGroupPrefix, distribution.group);
  return std::string(DistributionKindName(distribution.kind));
}

Result<Distribution> ParseDistribution(std::string_view text) {
  if (text.starts_with(kGroupPrefix) && text.size() > kGroupPrefix.size()) {
    return Distribution{DistributionKind::kGroup, std::string(text.substr(kGroupPrefix.size()))};
  }
  for (size_t kind = 0; kind < kKindNames.size(); ++kind) {
    if (text == kKindNames[kind] && static_cast<DistributionKind>(kind) != DistributionKind::kGroup) {
      return Distribution{static_cast<DistributionKind>(kind), ""};
    }
  }
  return Status::InvalidArgument(fmt::format(
      "unknown distribution '{}': use organisation, members, community or group:<group id>", text));
}

}  // namespace kenes::share
