#include "pattern/ip_network.h"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace kenes::pattern {
namespace {

bool ParseAddress(std::string_view text, IpNetwork& network) {
  // inet_aton and inet_pton need a terminated string; addresses are short, so no allocation.
  char terminated[64];
  if (text.size() >= sizeof terminated || text.find('\0') != std::string_view::npos) return false;
  std::memcpy(terminated, text.data(), text.size());
  terminated[text.size()] = '\0';
  if (text.find(':') != std::string_view::npos) {
    network.v6 = true;
    return inet_pton(AF_INET6, terminated, network.address.data()) == 1;
  }
  in_addr address{};
  if (inet_aton(terminated, &address) == 0) return false;
  std::memcpy(network.address.data(), &address.s_addr, 4);  // s_addr is in network order already
  return true;
}

}  // namespace

bool IpNetwork::Contains(const IpNetwork& inner) const {
  if (v6 != inner.v6 || prefix > inner.prefix) return false;
  const int full_bytes = prefix / 8;
  if (!std::equal(address.begin(), address.begin() + full_bytes, inner.address.begin())) return false;
  const int rest = prefix % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (address[full_bytes] & mask) == (inner.address[full_bytes] & mask);
}

Result<IpNetwork> ParseIpNetwork(std::string_view text, bool require_prefix) {
  IpNetwork network;
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos && require_prefix) {
    return Status::InvalidArgument(fmt::format("invalid CIDR block: {}", text));
  }
  if (!ParseAddress(text.substr(0, slash), network)) {
    return Status::InvalidArgument(fmt::format("invalid IP address: {}", text));
  }
  const int length = network.v6 ? 128 : 32;
  network.prefix = length;
  if (slash == std::string_view::npos) return network;
  const std::string_view digits = text.substr(slash + 1);
  int prefix = 0;
  // Digits only (no sign or space, which from_chars alone would not catch), any count of leading zeros.
  const bool numeric = !digits.empty() &&
                       std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                       std::from_chars(digits.data(), digits.data() + digits.size(), prefix).ec == std::errc();
  if (!numeric || prefix < 1 || prefix > length) {
    return Status::InvalidArgument(fmt::format("invalid CIDR block: {}", text));
  }
  network.prefix = prefix;
  return network;
}

}  // namespace kenes::pattern
