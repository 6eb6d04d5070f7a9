#include "notify/webhook_signature.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include "share/sodium_library.h"

namespace kenes::notify {
namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string NewWebhookSecret() {
  share::EnsureSodium();
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return "whsec_" + Hex(bytes.data(), bytes.size());
}

std::string WebhookSignatureOf(std::string_view secret, int64_t unix_seconds, std::string_view body) {
  share::EnsureSodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  const std::string prefix = fmt::format("{}.", unix_seconds);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
  crypto_auth_hmacsha256_final(&state, mac.data());
  return Hex(mac.data(), mac.size());
}

std::string WebhookSignatureHeader(std::string_view secret, int64_t unix_seconds, std::string_view body) {
  return fmt::format("t={},v1={}", unix_seconds, WebhookSignatureOf(secret, unix_seconds, body));
}

}  // namespace kenes::notify
