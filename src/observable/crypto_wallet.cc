#include "observable/crypto_wallet.h"

#include <algorithm>
#include <optional>

#include "observable/ascii_text.h"
#include "observable/base58.h"
#include "observable/bech32.h"
#include "observable/keccak.h"

namespace kenes::observable {
namespace {

// Base58Check version bytes; Bitcoin comes first because Litecoin's old
// P2SH addresses reused its 0x05.
struct Base58Version {
  uint8_t version;
  std::string_view chain;
};
constexpr Base58Version kBase58Versions[] = {
    {0x00, "bitcoin"},  {0x05, "bitcoin"},  {0x30, "litecoin"}, {0x32, "litecoin"},
    {0x05, "litecoin"}, {0x1e, "dogecoin"}, {0x16, "dogecoin"}, {0x41, "tron"},
};

struct SegwitPrefix {
  std::string_view human_readable_part;
  std::string_view chain;
};
constexpr SegwitPrefix kSegwitPrefixes[] = {{"bc", "bitcoin"}, {"ltc", "litecoin"}};

constexpr std::string_view kEvmChains[] = {"ethereum", "bnb-smart-chain", "polygon", "arbitrum",
                                           "optimism", "avalanche",       "base"};

constexpr size_t kBase58AddressBytes = 21;  // version byte and a 20-byte hash

bool IsEvmChain(std::string_view chain) {
  return std::find(std::begin(kEvmChains), std::end(kEvmChains), chain) != std::end(kEvmChains);
}

Status Invalid(std::string_view address, std::string_view chain, std::string_view why) {
  return Status::InvalidArgument(QuoteForMessage(address) + " is not a valid " +
                                 (chain.empty() ? std::string("wallet address") : std::string(chain) + " address") +
                                 ": " + std::string(why));
}

Result<NormalisedWallet> NormaliseEvm(std::string_view address, std::string_view chain) {
  std::string_view hex = address.substr(2);
  if (address.size() != 42 || ToAsciiLower(address[1]) != 'x' || address[0] != '0' ||
      !std::all_of(hex.begin(), hex.end(), IsAsciiHexDigit)) {
    return Invalid(address, chain, "it must be 0x and 40 hex digits");
  }
  std::string lower = AsciiLower(hex);
  bool mixed_case = lower != hex && AsciiUpper(hex) != hex;
  if (mixed_case) {
    std::array<uint8_t, 32> hash = Keccak256(lower);
    for (size_t i = 0; i < hex.size(); ++i) {
      if (IsAsciiDigit(hex[i])) continue;
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      if (IsAsciiUpper(hex[i]) != (nibble >= 8)) {
        return Invalid(address, chain, "its mixed case is an EIP-55 checksum, and it does not match");
      }
    }
  }
  return NormalisedWallet{std::string(chain), "0x" + lower};
}

// The chain of a valid Base58Check address, preferring `chain` when given;
// nullopt when it does not decode to 21 bytes with a good checksum.
std::optional<std::string_view> Base58ChainOf(std::string_view address, std::string_view chain) {
  std::optional<std::vector<uint8_t>> payload = DecodeBase58Check(address);
  if (!payload || payload->size() != kBase58AddressBytes) return std::nullopt;
  std::optional<std::string_view> found;
  for (const Base58Version& entry : kBase58Versions) {
    if (entry.version != payload->front()) continue;
    if (entry.chain == chain) return entry.chain;
    if (!found) found = entry.chain;
  }
  return found;
}

std::optional<std::string_view> SegwitChainOf(std::string_view address) {
  std::optional<SegwitAddress> decoded = DecodeSegwitAddress(address);
  if (!decoded) return std::nullopt;
  for (const SegwitPrefix& prefix : kSegwitPrefixes) {
    if (prefix.human_readable_part == decoded->human_readable_part) return prefix.chain;
  }
  return std::nullopt;
}

bool LooksSegwit(std::string_view address) {
  std::string lower = AsciiLower(address.substr(0, 4));
  return std::any_of(std::begin(kSegwitPrefixes), std::end(kSegwitPrefixes), [&lower](const SegwitPrefix& prefix) {
    return lower.compare(0, prefix.human_readable_part.size() + 1, std::string(prefix.human_readable_part) + "1") == 0;
  });
}

bool IsBase58Chain(std::string_view chain) {
  return std::any_of(std::begin(kBase58Versions), std::end(kBase58Versions),
                     [chain](const Base58Version& entry) { return entry.chain == chain; });
}

}  // namespace

Result<NormalisedWallet> NormaliseWalletAddress(std::string_view text, std::string_view chain_name) {
  std::string_view address = TrimWhitespace(text);
  std::string chain = AsciiLower(TrimWhitespace(chain_name));
  if (address.empty()) return Status::InvalidArgument("a wallet address must not be empty");
  // Base58 decoding is quadratic; no chain's addresses come near this.
  constexpr size_t kLongestAddress = 256;
  if (address.size() > kLongestAddress) {
    return Status::InvalidArgument("a wallet address has at most " + std::to_string(kLongestAddress) + " characters");
  }
  bool hex_form = address.size() >= 2 && address[0] == '0' && ToAsciiLower(address[1]) == 'x';
  if (IsEvmChain(chain) || (chain.empty() && hex_form))
    return NormaliseEvm(address, chain.empty() ? "ethereum" : chain);
  if (LooksSegwit(address) && (chain.empty() || IsBase58Chain(chain))) {
    std::optional<std::string_view> segwit_chain = SegwitChainOf(address);
    if (!segwit_chain) return Invalid(address, chain, "its Bech32/Bech32m checksum or program does not match");
    if (!chain.empty() && *segwit_chain != chain)
      return Invalid(address, chain, "it is a " + std::string(*segwit_chain) + " address");
    return NormalisedWallet{std::string(*segwit_chain), AsciiLower(address)};
  }
  std::optional<std::vector<uint8_t>> raw = DecodeBase58(address);
  bool base58_address_sized = raw && raw->size() == kBase58AddressBytes + 4;
  if (IsBase58Chain(chain) || (chain.empty() && base58_address_sized)) {
    std::optional<std::string_view> found = Base58ChainOf(address, chain);
    if (!found) return Invalid(address, chain, "its Base58Check checksum does not match");
    if (!chain.empty() && *found != chain)
      return Invalid(address, chain, "it is a " + std::string(*found) + " address");
    return NormalisedWallet{std::string(*found), std::string(address)};
  }
  return NormalisedWallet{chain, std::string(address)};
}

}  // namespace kenes::observable
