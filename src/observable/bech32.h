// Bech32 and Bech32m (BIP 173, BIP 350): the encoding of SegWit addresses
// ("bc1q...", "bc1p...", "ltc1q...").
//
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kenes::observable {

struct SegwitAddress {
  std::string human_readable_part;  // "bc", "ltc", "tb"
  int witness_version = 0;          // 0-16
  std::vector<uint8_t> program;     // 2-40 bytes; 20 or 32 for version 0
};

// The SegWit address `text` encodes, in either case but not mixed case;
// nullopt unless its checksum is Bech32 for version 0 and Bech32m for later
// versions and its program has a valid length.
std::optional<SegwitAddress> DecodeSegwitAddress(std::string_view text);

}  // namespace kenes::observable
