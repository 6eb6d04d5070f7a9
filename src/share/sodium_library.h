// The libsodium library, initialised once per process before first use.
// Thread-safe.
#pragma once

namespace kenes::share {

// Calls sodium_init() exactly once; aborts if libsodium cannot start (no
// secure random source), as no credential can be handled safely without it.
void EnsureSodium();

}  // namespace kenes::share
