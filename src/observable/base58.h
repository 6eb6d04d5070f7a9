// Base58 and Base58Check (Bitcoin's alphabet): the encoding of Bitcoin,
// Litecoin, Dogecoin and Tron addresses.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kenes::observable {

// The bytes `text` encodes; nullopt when it has a character outside the
// alphabet (0, O, I and l are not in it) or is empty.
std::optional<std::vector<uint8_t>> DecodeBase58(std::string_view text);

// The payload of a Base58Check text (version byte included), the last four
// bytes having matched the first four of its double SHA-256; nullopt when
// the text does not decode or the checksum does not match.
std::optional<std::vector<uint8_t>> DecodeBase58Check(std::string_view text);

}  // namespace kenes::observable
