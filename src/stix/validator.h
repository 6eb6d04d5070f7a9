// Validator: checks STIX 2.1 objects against every MUST of the
// specification (errors) and its SHOULDs and deprecations (warnings).
//
// Types are looked up in validation::TypeRegistry, which holds all standard
// SDOs, SCOs, SROs and meta objects; Kenes' own types are added with
// RegisterType() at start-up. Objects of unknown types are custom objects:
// accepted with the common checks of the category their extension
// definition declares (new-sdo, new-sco, new-sro), or with a deprecation
// warning when they declare none (legacy custom objects, section 11).
//
// Validation only reads the parsed element, keeps no state between calls
// and allocates nothing for a valid object beyond the caller's findings
// vector; any number of threads may validate at once.
#pragma once

#include <simdjson.h>

#include <vector>

#include "base/status.h"
#include "stix/finding.h"
#include "stix/validation/type_registry.h"

namespace kenes::stix {

// Validates one top-level STIX object (anything but a bundle); appends findings.
void ValidateObject(simdjson::dom::element object, std::vector<Finding>& findings);

// Validates a bundle's own properties (type, id, objects is a list of
// objects), not the objects inside it.
void ValidateBundle(simdjson::dom::element bundle, std::vector<Finding>& findings);

// Adds a type (e.g. Kenes' phone-number) to the global registry; build the
// definition with validation::DefineType() (stix/validation/common_properties.h)
// and set defined_by_extension when its objects carry a new-sdo/new-sco/new-sro
// extension entry. AlreadyExists when the type name is taken; register at
// start-up, before objects of the type are validated.
Status RegisterType(validation::TypeDefinition definition);

// Adds the properties of a property extension (e.g. Kenes' task extension)
// to the global registry, so the validator checks its entries; register at
// start-up. AlreadyExists when the extension-definition id is taken.
Status RegisterPropertyExtension(validation::PropertyExtensionDefinition definition);

}  // namespace kenes::stix
