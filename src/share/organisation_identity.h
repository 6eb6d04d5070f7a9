// Organisation identity: how an organisation and its Kenes attributes travel
// as STIX.
//
// An organisation is a STIX identity with identity_class "organization". Its
// standing, country and parent ride in the identity as a property extension
// defined by an extension-definition that Kenes ships with a fixed id, authored
// by the Kenes project's own identity (also fixed). Both shipped objects are
// plain STIX 2.1, so any tool can read them, and `kenes validate` accepts them.
//
//   "extensions": {"extension-definition--96ad16cf-...": {
//      "extension_type": "property-extension",
//      "standing": "member", "country": "KZ", "parent_ref": "identity--..."}}
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "share/organisation.h"

namespace kenes::share {

// The Kenes project: author of the definitions Kenes ships.
inline constexpr std::string_view kKenesIdentityId = "identity--2f8e35c0-d83e-43d9-b92e-b23f4af5fb9b";
// The property extension carrying an organisation's Kenes attributes.
inline constexpr std::string_view kOrganisationExtensionId =
    "extension-definition--96ad16cf-d4d4-4c75-b8c3-575b766d6542";

// The Kenes project's identity object, JSON text.
std::string KenesIdentityJson();

// The extension-definition object for kOrganisationExtensionId, JSON text.
std::string OrganisationExtensionJson();

// The identity object of `organisation` at version organisation.modified,
// with its Kenes attributes in the extension. REQUIRES: organisation.id is set.
std::string OrganisationIdentityJson(const Organisation& organisation);

}  // namespace kenes::share
