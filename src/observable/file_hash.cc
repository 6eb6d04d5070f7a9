#include "observable/file_hash.h"

#include <algorithm>

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

enum class HashCase { kLower, kUpper, kAsGiven };

struct HashAlgorithm {
  std::string_view name;    // as the vocabulary spells it
  std::string_view folded;  // lower case without hyphens, for matching what feeds write
  size_t hex_digits;        // 0: not hex
  HashCase hash_case;
  Status (*check)(std::string_view value) = nullptr;  // for forms beyond a fixed number of hex digits
};

bool AllHex(std::string_view text) { return std::all_of(text.begin(), text.end(), IsAsciiHexDigit); }

Status CheckTlsh(std::string_view value) {
  std::string_view digits =
      value.size() == 72 && (value.substr(0, 2) == "T1" || value.substr(0, 2) == "t1") ? value.substr(2) : value;
  if (digits.size() == 70 && AllHex(digits)) return Status::Ok();
  return Status::InvalidArgument(QuoteForMessage(value) + " is not a TLSH digest (70 hex digits, or 72 with T1)");
}

constexpr HashAlgorithm kAlgorithms[] = {
    {"MD5", "md5", 32, HashCase::kLower},
    {"SHA-1", "sha1", 40, HashCase::kLower},
    {"SHA-256", "sha256", 64, HashCase::kLower},
    {"SHA-512", "sha512", 128, HashCase::kLower},
    {"SHA3-256", "sha3256", 64, HashCase::kLower},
    {"SHA3-512", "sha3512", 128, HashCase::kLower},
    {"TLSH", "tlsh", 0, HashCase::kUpper, CheckTlsh},
    {"SSDEEP", "ssdeep", 0, HashCase::kAsGiven},
};

const HashAlgorithm* FindAlgorithm(std::string_view name) {
  std::string folded = AsciiLower(name);
  std::erase_if(folded, [](char c) { return c == '-' || c == '_'; });
  for (const HashAlgorithm& algorithm : kAlgorithms) {
    if (algorithm.folded == folded) return &algorithm;
  }
  return nullptr;
}

}  // namespace

Result<NormalisedHash> NormaliseHash(std::string_view algorithm_name, std::string_view text) {
  std::string_view value = TrimWhitespace(text);
  const HashAlgorithm* algorithm = FindAlgorithm(algorithm_name);
  if (value.empty()) return Status::InvalidArgument("the " + std::string(algorithm_name) + " hash is empty");
  if (algorithm == nullptr) return NormalisedHash{std::string(algorithm_name), std::string(value)};
  if (algorithm->hex_digits != 0 && (value.size() != algorithm->hex_digits || !AllHex(value))) {
    return Status::InvalidArgument(QuoteForMessage(value) + " is not a " + std::string(algorithm->name) +
                                   " hash: it must be " + std::to_string(algorithm->hex_digits) + " hex digits");
  }
  if (algorithm->check != nullptr) KENES_RETURN_IF_ERROR(algorithm->check(value));
  switch (algorithm->hash_case) {
    case HashCase::kLower: return NormalisedHash{std::string(algorithm->name), AsciiLower(value)};
    case HashCase::kUpper: return NormalisedHash{std::string(algorithm->name), AsciiUpper(value)};
    case HashCase::kAsGiven: break;
  }
  return NormalisedHash{std::string(algorithm->name), std::string(value)};
}

}  // namespace kenes::observable
