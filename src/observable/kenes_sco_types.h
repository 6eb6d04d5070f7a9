// Kenes' own SCO types: phone-number, bank-account, cryptocurrency-wallet
// (OpenCTI's names and properties), vehicle and identity-document (named in
// the same style), each defined by an extension definition
// (extension_definitions.h) and registered here with the STIX validator:
// their property tables, their checks (a value that does not normalise is
// an error, reported at its property with the normaliser's reason) and their
// ID contributing properties, from which stix::ScoId makes their
// deterministic ids.
//
// Whatever validates objects or assigns their ids calls
// RegisterKenesScoTypes() at start-up, before the first object; until then
// these types are custom objects to the validator and unknown to ScoId. It is
// safe to call from any thread and any number of times.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

struct KenesScoType {
  std::string_view type;                     // "phone-number"
  std::string_view extension_definition_id;  // "extension-definition--..."
  std::span<const std::string_view> id_contributing_properties;
};

std::span<const KenesScoType> KenesScoTypes();

// Registers every Kenes SCO type with the STIX type registry. The first
// call does the work; later calls return its status.
Status RegisterKenesScoTypes();

}  // namespace kenes::observable
