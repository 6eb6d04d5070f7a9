#include "share/sodium_library.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace kenes::share {

void EnsureSodium() {
  static const bool started = [] {
    if (sodium_init() < 0) {
      std::fprintf(stderr, "kenes: libsodium could not be initialised\n");
      std::abort();
    }
    return true;
  }();
  (void)started;
}

}  // namespace kenes::share
