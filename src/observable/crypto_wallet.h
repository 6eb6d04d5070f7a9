// Cryptocurrency wallet addresses: the canonical text of
// cryptocurrency-wallet values, checked by the rules of their chain.
//
// - Bitcoin, Litecoin, Dogecoin: Base58Check addresses (version byte of the
//   chain, double-SHA-256 checksum), kept as written since Base58 is
//   case-sensitive; SegWit addresses ("bc1", "ltc1"): Bech32 for version 0,
//   Bech32m after, lower-cased.
// - Tron: Base58Check with version 0x41 ("T...").
// - Ethereum and the EVM chains (bnb-smart-chain, polygon, arbitrum,
//   optimism, avalanche, base): "0x" and 40 hex digits; a mixed-case address
//   carries an EIP-55 checksum, which must match; the canonical text is
//   lower case, as the same key controls the address on every EVM chain.
// - Other chains (monero, solana, ...): as given, less surrounding spaces.
// Without a chain, the chain is recognised from the address: "0x" is
// Ethereum, "bc1"/"ltc1" SegWit, and any text that decodes as a 25-byte
// Base58Check address must be a valid one of the chains above (a mistyped
// Bitcoin address is an error, not an unknown chain's address); anything
// else is kept as given with no chain.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

struct NormalisedWallet {
  std::string chain;    // "bitcoin", "ethereum", ...; the given chain lower-cased; empty when unknown
  std::string address;  // canonical text
};

// `chain` may be empty. InvalidArgument, saying what is wrong, when the
// address breaks its chain's rules.
Result<NormalisedWallet> NormaliseWalletAddress(std::string_view address, std::string_view chain = {});

}  // namespace kenes::observable
