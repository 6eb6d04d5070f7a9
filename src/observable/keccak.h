// Keccak-256 as Ethereum uses it (the submission padding 0x01, not SHA3-256's
// 0x06), which EIP-55 address checksums need and OpenSSL 3.0's default
// provider lacks. Small and unoptimised: it hashes 40-byte addresses.
//
// Pure function; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace kenes::observable {

std::array<uint8_t, 32> Keccak256(std::string_view data);

}  // namespace kenes::observable
