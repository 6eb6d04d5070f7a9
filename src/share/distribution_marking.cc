#include "share/distribution_marking.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "share/organisation_identity.h"
#include "stix/sco_id.h"

namespace kenes::share {
namespace {

// Shipped objects never change once released: a change is a new version.
constexpr std::string_view kShippedTime = "2026-11-29T00:00:00.000Z";

// The UUID of kDistributionExtensionId: the namespace of group marking ids.
constexpr stix::UuidBytes kGroupMarkingNamespace = {0x74, 0xef, 0xba, 0x22, 0x2e, 0x33, 0x4b, 0xd1,
                                                    0xbd, 0x52, 0x70, 0x63, 0x84, 0xf6, 0xde, 0xbf};

constexpr std::string_view kFixedMarkingIds[] = {
    "marking-definition--afe7eef2-9dba-43ac-bac4-6853689adf59",  // organisation
    "",                                                          // group: derived from the group id
    "marking-definition--2e44937e-135f-478b-8cd1-63bc100b9d32",  // members
    "marking-definition--ec0122c9-2837-42e0-94e1-1cd8e7e4f47c",  // community
};

}  // namespace

std::string DistributionExtensionJson() {
  return fmt::format(
      R"({{"type":"extension-definition","spec_version":"2.1","id":{},"created_by_ref":{},"created":{},)"
      R"("modified":{},"name":"Kenes distribution","description":{},"schema":{},"version":"1.0.0",)"
      R"("extension_types":["property-extension"]}})",
      JsonString(kDistributionExtensionId), JsonString(kKenesIdentityId), JsonString(kShippedTime),
      JsonString(kShippedTime),
      JsonString("Which organisations of a Kenes community an object is shared with, on a marking-definition that "
                 "the object names in object_marking_refs."),
      JsonString("Properties: distribution (required; \"organisation\": the author organisation only, \"members\": "
                 "the community's member organisations, \"community\": members and partners, \"group\": the "
                 "organisations of one sharing group), group_id (required when distribution is \"group\": the "
                 "sharing group's id)."));
}

std::string DistributionMarkingId(const Distribution& distribution) {
  if (distribution.kind == DistributionKind::kGroup) {
    // STIX wants version 4 UUIDs for everything but SCOs: keep the name-based
    // UUID's bits (as random as a v4's) and mark it version 4.
    std::string uuid = stix::UuidV5(distribution.group, kGroupMarkingNamespace);
    uuid[14] = '4';
    return "marking-definition--" + uuid;
  }
  return std::string(kFixedMarkingIds[static_cast<size_t>(distribution.kind)]);
}

std::string DistributionMarkingJson(const Distribution& distribution) {
  std::string group_property;
  if (distribution.kind == DistributionKind::kGroup) group_property = ",\"group_id\":" + JsonString(distribution.group);
  return fmt::format(
      R"({{"type":"marking-definition","spec_version":"2.1","id":{},"created_by_ref":{},"created":{},"name":{},)"
      R"("extensions":{{{}:{{"extension_type":"property-extension","distribution":{}{}}}}}}})",
      JsonString(DistributionMarkingId(distribution)), JsonString(kKenesIdentityId), JsonString(kShippedTime),
      JsonString("Kenes distribution: " + DistributionText(distribution)), JsonString(kDistributionExtensionId),
      JsonString(DistributionKindName(distribution.kind)), group_property);
}

std::vector<std::string> ShippedDistributionObjects() {
  return {DistributionExtensionJson(), DistributionMarkingJson({DistributionKind::kOrganisation, ""}),
          DistributionMarkingJson({DistributionKind::kMembers, ""}),
          DistributionMarkingJson({DistributionKind::kCommunity, ""})};
}

std::optional<Distribution> DistributionOfMarkings(std::span<const std::string> marking_refs,
                                                   std::span<const std::string> group_ids) {
  std::optional<Distribution> narrowest;
  auto consider = [&](Distribution candidate) {
    if (!narrowest || candidate.kind < narrowest->kind) narrowest = std::move(candidate);
  };
  for (const std::string& ref : marking_refs) {
    for (DistributionKind kind :
         {DistributionKind::kOrganisation, DistributionKind::kMembers, DistributionKind::kCommunity}) {
      if (ref == kFixedMarkingIds[static_cast<size_t>(kind)]) consider({kind, ""});
    }
    for (const std::string& group : group_ids) {
      if (ref == DistributionMarkingId({DistributionKind::kGroup, group})) consider({DistributionKind::kGroup, group});
    }
  }
  return narrowest;
}

}  // namespace kenes::share
