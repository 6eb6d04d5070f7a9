// Random identifiers for objects Kenes itself creates (bundles, and later
// the objects users write): "type--" followed by an RFC 4122 version 4 UUID
// from the operating system's secure random source. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kenes::stix {

// A fresh version 4 UUID in lower-case canonical text form.
std::string RandomUuid();

// "type--<RandomUuid()>".
std::string RandomId(std::string_view type);

}  // namespace kenes::stix
