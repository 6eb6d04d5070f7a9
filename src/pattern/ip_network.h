// IpNetwork: an IPv4 or IPv6 address or CIDR block, for ISSUBSET and
// ISSUPERSET. IPv4 text is read as the reference matcher reads it (the C
// library's inet_aton, so "10.1" is 10.0.0.1), with a prefix of 1 to 32; IPv6
// (an extension: the reference knows only IPv4) is read by inet_pton, with a
// prefix of 1 to 128. Plain value type; parsing is thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "base/status.h"

namespace kenes::pattern {

struct IpNetwork {
  bool v6 = false;
  std::array<uint8_t, 16> address{};  // IPv4 uses the first 4 bytes
  int prefix = 32;                    // an address alone is a full-length block

  // Whether `inner` lies within this block: same family, prefix no longer than inner's, same bits.
  bool Contains(const IpNetwork& inner) const;
};

// "address" or "address/prefix"; with `require_prefix`, only the latter (the container of a subset
// test). Errors: InvalidArgument naming the text.
Result<IpNetwork> ParseIpNetwork(std::string_view text, bool require_prefix);

}  // namespace kenes::pattern
