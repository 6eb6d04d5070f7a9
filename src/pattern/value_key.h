// Value keys: the byte strings under which the indicator index files a literal of an `=`/`IN`
// comparison and looks up an observed JSON value. Two keys are equal whenever the matcher's `=`
// (or IN membership) could hold between the two values, so an exact-key lookup never misses a
// match: strings key by their text, numbers by their value as a double (5, 5.0 and 5e0 share a
// key; two integers beyond 2^53 may share one too, which only adds a candidate), and booleans as
// the numbers 0 and 1 (the reference tests IN with Python sets, where True == 1).
//
// Pure functions: call from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pattern/ast.h"
#include "pattern/ip_network.h"
#include "pattern/observation.h"

namespace kenes::pattern {

// The key of a literal, or nullopt for timestamp, binary and hex literals, which the matcher
// compares with strings by reading them (as a timestamp, as bytes) rather than by their text.
std::optional<std::string> LiteralKey(const Literal& literal);

// Writes the key of an observed value into `key` (reusing its capacity) and returns true, or
// returns false for null, arrays and objects, which `=` never holds for.
bool ObservedValueKey(const JsonValue& value, std::string* key);

// Keys of the other atoms, in their own spaces (never equal to a value key or to each other's):
// the start and the end of a string a LIKE literal fixes, and an IP block with its host bits
// cleared (NetworkKey of 10.1.2.3/8 is NetworkKey of 10.0.0.0/8).
void PrefixKey(std::string_view text, std::string* key);
void SuffixKey(std::string_view text, std::string* key);
void NetworkKey(const IpNetwork& network, int prefix, std::string* key);

// Whether `text` is all ASCII: the only text the matcher's NFC normalisation surely leaves as it is.
bool IsAscii(std::string_view text);

}  // namespace kenes::pattern
