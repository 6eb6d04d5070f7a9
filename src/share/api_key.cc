#include "share/api_key.h"

#include <sodium.h>

#include "share/sodium_library.h"

namespace kenes::share {
namespace {

constexpr std::string_view kPrefix = "kenes_";
constexpr size_t kKeyIdBytes = 8;
constexpr size_t kSecretBytes = 32;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

bool IsLowerHex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

ApiKey NewApiKey() {
  EnsureSodium();
  unsigned char key_id[kKeyIdBytes];
  unsigned char secret[kSecretBytes];
  randombytes_buf(key_id, sizeof key_id);
  randombytes_buf(secret, sizeof secret);
  ApiKey key;
  key.key_id = Hex(key_id, sizeof key_id);
  std::string encoded(sodium_base64_ENCODED_LEN(kSecretBytes, kBase64Variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), secret, sizeof secret, kBase64Variant);
  encoded.resize(encoded.find('\0'));
  key.text = std::string(kPrefix) + key.key_id + "_" + encoded;
  sodium_memzero(secret, sizeof secret);
  return key;
}

std::optional<std::string> ApiKeyId(std::string_view text) {
  if (!text.starts_with(kPrefix)) return std::nullopt;
  text.remove_prefix(kPrefix.size());
  std::string_view key_id = text.substr(0, kKeyIdBytes * 2);
  if (key_id.size() != kKeyIdBytes * 2 || !IsLowerHex(key_id) || text.size() <= key_id.size() + 1 ||
      text[key_id.size()] != '_') {
    return std::nullopt;
  }
  return std::string(key_id);
}

std::string ApiKeyHash(std::string_view text) {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr,
                     0);
  return Hex(digest, sizeof digest);
}

bool SameApiKeyHash(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kenes::share
