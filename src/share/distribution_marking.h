// DistributionMarking: how an object's distribution travels with it as STIX.
//
// A distribution is a marking-definition that the object names in
// object_marking_refs, like its TLP marking. The marking carries a property
// extension defined by an extension-definition Kenes ships (fixed id,
// authored by the Kenes identity of organisation_identity.h):
//
//   {"type": "marking-definition", "id": "marking-definition--2e44937e-...",
//    "name": "Kenes distribution: members", ...,
//    "extensions": {"extension-definition--74efba22-...": {
//        "extension_type": "property-extension", "distribution": "members"}}}
//
// organisation, members and community have fixed marking ids; a sharing
// group's marking id is derived from the group id (a UUIDv5 in the
// extension's UUID as namespace, marked version 4 as STIX asks of non-SCO
// ids), so every node derives the same id; the marking names the group in
// "group_id". Every object here is valid STIX 2.1 with no warnings.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "share/distribution.h"

namespace kenes::share {

inline constexpr std::string_view kDistributionExtensionId =
    "extension-definition--74efba22-2e33-4bd1-bd52-706384f6debf";

// The extension-definition object for kDistributionExtensionId, JSON text.
std::string DistributionExtensionJson();

// The marking-definition id of `distribution`.
std::string DistributionMarkingId(const Distribution& distribution);
// The marking-definition object of `distribution`, JSON text.
std::string DistributionMarkingJson(const Distribution& distribution);

// What `kenes init` stores: the extension-definition, then the markings of
// organisation, members and community (a group's marking is stored when the
// group is made), as JSON texts.
std::vector<std::string> ShippedDistributionObjects();

// The distribution named in `marking_refs`: the narrowest when several are
// (DistributionKind's order), a group's only when its id is in `group_ids`.
// nullopt when none is.
std::optional<Distribution> DistributionOfMarkings(std::span<const std::string> marking_refs,
                                                   std::span<const std::string> group_ids);

}  // namespace kenes::share
