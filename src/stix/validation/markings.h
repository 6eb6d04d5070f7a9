// Markings: granular markings (section 7.2.3), whose selectors must point
// at properties the object has, and the predefined TLP marking definitions
// (TLP 1.0 from section 7.2.1.4 and the OASIS TLP 2.0 extension), whose
// standard identifiers must carry exactly the standard content.
//
// Immutable tables; thread-safe.
#pragma once

#include <simdjson.h>

#include "stix/validation/value_check.h"

namespace kenes::stix::validation {

class CheckContext;

// A non-empty list of granular markings.
const ValueCheck* GranularMarkings();

// Cross rule for marking-definition objects: a standard TLP id with content
// other than the standard one is an error.
void CheckTlpMarking(simdjson::dom::object object, CheckContext& context);

}  // namespace kenes::stix::validation
