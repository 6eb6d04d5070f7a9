// StoredJson: reading the members of a stored object's JSON text, for the
// desk's parsers (assistance_request.h, assistance_offer.h). A member that
// is absent or of another type reads as empty or zero; the validator has
// already said what each object must hold, so the parsers only check what
// they cannot do without.
//
// Pure functions; thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/timestamp.h"

namespace kenes::assist {

// The object in `json`, a stored object of `type`, parsed with `parser`
// (which the element lives in). Corruption when it is not JSON,
// InvalidArgument when it is of another type.
Result<simdjson::dom::element> ParseStored(simdjson::dom::parser& parser, std::string_view json, std::string_view type);

std::string StringMember(simdjson::dom::element object, std::string_view name);
int64_t IntegerMember(simdjson::dom::element object, std::string_view name);
// `modified`, else `created`.
std::optional<Timestamp> VersionOf(simdjson::dom::element object);

}  // namespace kenes::assist
