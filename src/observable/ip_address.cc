#include "observable/ip_address.h"

#include <arpa/inet.h>

#include <charconv>

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

// The address and the prefix length (-1 when there is none) of "a/n".
Status SplitCidr(std::string_view text, int maximum, std::string_view& address, int& prefix) {
  size_t slash = text.find('/');
  address = text.substr(0, slash);
  prefix = -1;
  if (slash == std::string_view::npos) return Status::Ok();
  std::string_view digits = text.substr(slash + 1);
  // from_chars accepts neither sign nor spaces, but it does accept "08":
  // refuse leading zeros so one block has one text.
  bool well_formed = !digits.empty() && digits.size() <= 3 && (digits.size() == 1 || digits[0] != '0');
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
  if (!well_formed || error != std::errc() || end != digits.data() + digits.size() || prefix > maximum) {
    return Status::InvalidArgument("the CIDR prefix length in " + QuoteForMessage(text) + " must be 0-" +
                                   std::to_string(maximum));
  }
  return Status::Ok();
}

template <int kFamily, int kBits>
Result<std::string> Normalise(std::string_view text, std::string_view what) {
  std::string_view trimmed = TrimWhitespace(text);
  std::string_view address;
  int prefix = -1;
  KENES_RETURN_IF_ERROR(SplitCidr(trimmed, kBits, address, prefix));
  unsigned char bytes[16];
  // inet_pton refuses IPv4 leading zeros, zone indices and other families'
  // forms, which is exactly the strictness wanted here.
  if (address.find('%') != std::string_view::npos) {
    return Status::InvalidArgument(QuoteForMessage(text) + " has a zone index, which is local to one machine");
  }
  if (inet_pton(kFamily, std::string(address).c_str(), bytes) != 1) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not " + std::string(what));
  }
  char canonical[INET6_ADDRSTRLEN];
  inet_ntop(kFamily, bytes, canonical, sizeof canonical);
  std::string out = canonical;
  if (prefix >= 0 && prefix < kBits) out += "/" + std::to_string(prefix);
  return out;
}

}  // namespace

Result<std::string> NormaliseIpv4(std::string_view text) {
  return Normalise<AF_INET, 32>(text, "an IPv4 address (dotted quad, no leading zeros)");
}

Result<std::string> NormaliseIpv6(std::string_view text) { return Normalise<AF_INET6, 128>(text, "an IPv6 address"); }

}  // namespace kenes::observable
