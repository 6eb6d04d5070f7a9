// Password hashes: how user passwords (for the web UI) are kept.
//
// Argon2id through libsodium's crypto_pwhash_str, with its interactive
// limits (2 passes, 64 MiB): slow and memory-hard on purpose, since people
// choose guessable passwords. The stored string names the algorithm and its
// parameters, so stronger limits later still verify old hashes. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::share {

// The Argon2id hash string of `password`. ResourceExhausted if the memory
// for hashing cannot be had.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `hash` (a HashPassword result).
bool VerifyPassword(std::string_view hash, std::string_view password);

}  // namespace kenes::share
