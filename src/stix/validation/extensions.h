// Extensions: the `extensions` dictionary of STIX 2.1 objects (section 7.3)
// — entries keyed by an extension-definition id, whose extension_type says
// what they add, and the predefined SCO extensions ("archive-ext", ...),
// whose property tables the SCO type definitions carry.
//
// Pure functions over immutable tables; thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>

namespace kenes::stix::validation {

class CheckContext;

enum ExtensionTypeBit : uint8_t {
  kNewSdo = 1,
  kNewSco = 2,
  kNewSro = 4,
  kPropertyExtension = 8,
  kToplevelPropertyExtension = 16,
};

// The extension_type values the object's extension-definition entries
// declare, as ExtensionTypeBit flags; 0 when there are none.
uint8_t DeclaredExtensionTypes(simdjson::dom::object object);

// Checks an `extensions` value against the context's type definition.
void CheckExtensions(simdjson::dom::element value, CheckContext& context);

}  // namespace kenes::stix::validation
