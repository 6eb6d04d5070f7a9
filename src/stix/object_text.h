// ObjectText: the few edits Kenes makes to a producer's original JSON text,
// made as text so everything else stays byte for byte as it was sent.
//
// The node edits an object only where the rules say it decides: an id for an
// observable that came without one, the author of what a user writes, the
// markings that carry its sharing decision. Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::stix {

// `json` (an object) with `"name": value_json` added as its first property.
// REQUIRES: `json` is a JSON object without a property `name`.
std::string WithLeadingProperty(std::string_view json, std::string_view name, std::string_view value_json);

// `json` (an object) with `marking_ids` added at the front of its
// object_marking_refs, which is created when absent. InvalidArgument when
// `json` is not a JSON object or its object_marking_refs is not a list.
Result<std::string> WithMarkingRefs(std::string_view json, std::span<const std::string> marking_ids);

}  // namespace kenes::stix
