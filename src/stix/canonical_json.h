// CanonicalJson: the RFC 8785 JSON Canonicalization Scheme (JCS) form of a
// parsed JSON value.
//
// STIX 2.1 derives the identifiers of cyber observables from the canonical
// form of their ID contributing properties, so two producers that write the
// same observable with different key order, whitespace or number spelling
// must arrive at the same bytes. JCS gives exactly that: object members sorted
// by the UTF-16 code units of their names, no insignificant whitespace,
// strings with the minimal escaping, and numbers in the ECMAScript shortest
// round-trip form (so 1.0 and 1e0 both become "1").
//
// Stateless free functions; safe to call from any thread.
#pragma once

#include <string>

#include <simdjson.h>

#include "base/status.h"

namespace kenes::stix {

// Appends the canonical form of `value` to `out`. Fails with InvalidArgument
// when an object has two members with the same name (JCS input must not).
// On failure `out` may hold a partial result.
Status AppendCanonicalJson(simdjson::dom::element value, std::string& out);

// The canonical form of `value` as a new string.
Result<std::string> CanonicalJson(simdjson::dom::element value);

// The ECMAScript Number.prototype.toString form of a finite double, as JCS
// requires: shortest round-trip digits, no exponent between 1e-6 and 1e21,
// "-0" written as "0". REQUIRES: std::isfinite(value).
std::string CanonicalNumber(double value);

}  // namespace kenes::stix
