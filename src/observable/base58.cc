#include "observable/base58.h"

#include <openssl/sha.h>

#include <algorithm>

namespace kenes::observable {
namespace {

constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

}  // namespace

std::optional<std::vector<uint8_t>> DecodeBase58(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Big-endian base-256 number, grown as digits are multiplied in; each
  // leading '1' stands for one leading zero byte.
  std::vector<uint8_t> number;
  size_t leading_zeros = 0;
  while (leading_zeros < text.size() && text[leading_zeros] == '1') ++leading_zeros;
  for (char c : text.substr(leading_zeros)) {
    size_t digit = kAlphabet.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    unsigned carry = static_cast<unsigned>(digit);
    for (auto byte = number.rbegin(); byte != number.rend(); ++byte) {
      carry += 58u * *byte;
      *byte = static_cast<uint8_t>(carry & 0xff);
      carry >>= 8;
    }
    for (; carry > 0; carry >>= 8) number.insert(number.begin(), static_cast<uint8_t>(carry & 0xff));
  }
  number.insert(number.begin(), leading_zeros, 0);
  return number;
}

std::optional<std::vector<uint8_t>> DecodeBase58Check(std::string_view text) {
  std::optional<std::vector<uint8_t>> bytes = DecodeBase58(text);
  if (!bytes || bytes->size() < 5) return std::nullopt;
  size_t payload_size = bytes->size() - 4;
  unsigned char first[SHA256_DIGEST_LENGTH];
  unsigned char second[SHA256_DIGEST_LENGTH];
  SHA256(bytes->data(), payload_size, first);
  SHA256(first, sizeof first, second);
  if (!std::equal(second, second + 4, bytes->begin() + static_cast<std::ptrdiff_t>(payload_size))) return std::nullopt;
  bytes->resize(payload_size);
  return bytes;
}

}  // namespace kenes::observable
