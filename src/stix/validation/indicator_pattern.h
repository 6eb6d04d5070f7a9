// Indicator patterns: the STIX Patterning check for indicators whose
// pattern_type is "stix" (section 9), delegated to the pattern subsystem.
// Stateless; thread-safe.
#pragma once

#include <simdjson.h>

namespace kenes::stix::validation {

class CheckContext;

// Reports "pattern-syntax" at $.pattern when pattern_type is "stix" and the
// pattern does not parse under its pattern_version (2.1 when absent).
void CheckIndicatorPattern(simdjson::dom::object indicator, CheckContext& context);

}  // namespace kenes::stix::validation
