#include "stix/random_id.h"

#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>

#include "stix/sco_id.h"

namespace kenes::stix {

std::string RandomUuid() {
  UuidBytes bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    // Without a working random source no identifier is safe to hand out.
    std::fputs("fatal: the system random source failed\n", stderr);
    std::abort();
  }
  return UuidV4FromBytes(bytes);
}

std::string RandomId(std::string_view type) {
  std::string id(type);
  id += "--";
  id += RandomUuid();
  return id;
}

}  // namespace kenes::stix
