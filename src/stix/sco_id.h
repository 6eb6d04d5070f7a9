// ScoId: the identifiers STIX 2.1 cyber observables (SCOs) are given.
//
// An SCO is a fact ("this IPv4 address", "this file"), so STIX makes its id
// deterministic: a UUIDv5 in the namespace 00abedb4-aa42-466c-9c01-fed23315a9b7
// over the JCS canonical JSON of the type's ID contributing properties
// (section 6 of the specification, e.g. `value` for ipv4-addr, `hashes`,
// `name`, `extensions` and `parent_directory_ref` for file). Producers who
// see the same observable thus agree on its id and Kenes can merge sightings.
// Where `hashes` contributes, only one hash is used, chosen in the order
// MD5, SHA-1, SHA-256, SHA-512, else the first one written. A type with none
// of its contributing properties present (and process, which has none) gets
// a random UUIDv4 instead. SCO types defined by extension (Kenes' own
// phone-number, bank-account, ...) take part once registered with their ID
// contributing properties (validation::TypeDefinition).
//
// Stateless free functions; safe to call from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "base/status.h"

namespace kenes::stix {

using UuidBytes = std::array<uint8_t, 16>;

// 00abedb4-aa42-466c-9c01-fed23315a9b7, the STIX SCO namespace.
inline constexpr UuidBytes kStixScoNamespace = {0x00, 0xab, 0xed, 0xb4, 0xaa, 0x42, 0x46, 0x6c,
                                                0x9c, 0x01, 0xfe, 0xd2, 0x33, 0x15, 0xa9, 0xb7};

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower case.
std::string FormatUuid(const UuidBytes& uuid);

// The RFC 4122 name-based (SHA-1) UUID of `name` in `namespace_id`.
std::string UuidV5(std::string_view name, const UuidBytes& namespace_id = kStixScoNamespace);

// A version 4 UUID made of `random_bytes` with the version and variant bits
// set; callers choose the randomness (a seeded generator makes it repeatable).
std::string UuidV4FromBytes(UuidBytes random_bytes);

// True for the 18 SCO types STIX 2.1 defines and the SCO types registered
// with ID contributing properties.
bool IsScoType(std::string_view type);

// The ID contributing properties of an SCO type, in specification (or
// registration) order; empty for process and for types that are not SCOs.
std::span<const std::string_view> IdContributingProperties(std::string_view type);

// The canonical JSON the UUIDv5 of `sco` is computed over, e.g.
// {"value":"198.51.100.3"}; empty when none of the contributing properties
// is present. Fails when `sco` is not an object with an SCO "type", or
// when its "hashes" is empty or not an object.
Result<std::string> IdContributingJson(simdjson::dom::element sco);

// "type--uuid" for `sco`: the UUIDv5 when it has contributing properties,
// else a UUIDv4 from a cryptographic random source. Fails as IdContributingJson.
Result<std::string> ScoId(simdjson::dom::element sco);

}  // namespace kenes::stix
