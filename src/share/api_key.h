// ApiKey: the bearer credentials Kenes issues to users.
//
// A key reads "kenes_<key id>_<secret>": the key id (16 hex digits) is not
// secret and names the key in listings, revocations and the audit log; the
// secret is 32 random bytes. Only the BLAKE2b-256 hash of the whole key is
// stored: a key has 256 bits of entropy, so a fast hash is as strong as a slow
// one, and checking it costs microseconds on every request. Hashes are
// compared in constant time. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kenes::share {

struct ApiKey {
  std::string key_id;  // 16 hex digits
  std::string text;    // the whole key, shown to its owner once
};

// A fresh key from the operating system's secure random source.
ApiKey NewApiKey();

// The key id of a well-formed key text; nullopt for anything else.
std::optional<std::string> ApiKeyId(std::string_view text);

// The BLAKE2b-256 hash of `text` in hex, as stored.
std::string ApiKeyHash(std::string_view text);

// Constant-time comparison of two stored-form hashes.
bool SameApiKeyHash(std::string_view a, std::string_view b);

}  // namespace kenes::share
