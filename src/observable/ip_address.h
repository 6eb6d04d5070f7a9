// IP addresses: the canonical text of ipv4-addr and ipv6-addr values, so that
// "2001:DB8:0:0::1" from one council and "2001:db8::1" from another are one
// key.
//
// IPv4: dotted quad without leading zeros (a leading zero reads as octal in
// some tools, so "010.0.0.1" is refused rather than guessed). IPv6: RFC 5952
// (lower case, no leading zeros, the longest run of two or more zero groups
// as "::", IPv4-mapped addresses with a dotted quad). Both may carry a CIDR
// suffix; a prefix covering the whole address (/32, /128) is dropped, since it
// names that one address, and host bits are kept as given: "10.1.2.3/24" is
// what the producer wrote and may mean the host within its network. Zone
// indices ("%eth0") are local to one machine and refused.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for anything but an IPv4 address
// or CIDR block.
Result<std::string> NormaliseIpv4(std::string_view text);

// InvalidArgument, saying what is wrong, for anything but an IPv6 address
// or CIDR block.
Result<std::string> NormaliseIpv6(std::string_view text);

}  // namespace kenes::observable
