// Reading the properties observables carry their values in, with errors
// that name the property, for the key extractors and the validator rules.
//
// Pure functions; thread-safe.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// The string at `property`; nullopt when absent; InvalidArgument naming the
// property when it is something else.
Result<std::optional<std::string_view>> StringProperty(simdjson::dom::object object, std::string_view property);

// `status` (an error) with the property named in front of its message:
// "iban: 'KZ00...' is not a valid IBAN ...".
Status PropertyError(std::string_view property, const Status& status);

}  // namespace kenes::observable
