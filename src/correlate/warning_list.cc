#include "correlate/warning_list.h"

#include <array>
#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "pattern/ip_network.h"

namespace kenes::correlate {
namespace {

// A reserved block, by the reason given for it and its CIDR text.
struct Range {
  std::string_view block;
  std::string_view cidr;
};

constexpr Range kReservedRanges[] = {
    {"private range 10.0.0.0/8", "10.0.0.0/8"},
    {"private range 172.16.0.0/12", "172.16.0.0/12"},
    {"private range 192.168.0.0/16", "192.168.0.0/16"},
    {"loopback 127.0.0.0/8", "127.0.0.0/8"},
    {"link-local 169.254.0.0/16", "169.254.0.0/16"},
    {"carrier-grade NAT 100.64.0.0/10", "100.64.0.0/10"},
    {"documentation range TEST-NET-1 192.0.2.0/24", "192.0.2.0/24"},
    {"documentation range TEST-NET-2 198.51.100.0/24", "198.51.100.0/24"},
    {"documentation range TEST-NET-3 203.0.113.0/24", "203.0.113.0/24"},
    {"this network 0.0.0.0/8", "0.0.0.0/8"},
    {"multicast 224.0.0.0/4", "224.0.0.0/4"},
    {"broadcast 255.255.255.255", "255.255.255.255/32"},
    {"unspecified address ::", "::/128"},
    {"loopback ::1", "::1/128"},
    {"link-local fe80::/10", "fe80::/10"},
    {"unique local range fc00::/7", "fc00::/7"},
    {"multicast ff00::/8", "ff00::/8"},
    {"documentation range 2001:db8::/32", "2001:db8::/32"},
};

// kReservedRanges parsed once, by the matcher's reading of IP blocks.
const std::vector<std::pair<std::string_view, pattern::IpNetwork>>& ReservedNetworks() {
  static const auto* networks = [] {
    auto* parsed = new std::vector<std::pair<std::string_view, pattern::IpNetwork>>();
    for (const Range& range : kReservedRanges) {
      Result<pattern::IpNetwork> network = pattern::ParseIpNetwork(range.cidr, true);
      assert(network.ok() && "the reserved ranges are constant and valid");
      if (network.ok()) parsed->emplace_back(range.block, *network);
    }
    return parsed;
  }();
  return *networks;
}

// Names every network touches: operating system updates, search, mail,
// social networks, content delivery, certificate checks.
constexpr std::array<std::string_view, 40> kCommonDomains = {
    "google.com",        "googleapis.com", "gstatic.com",   "youtube.com",    "gmail.com",     "microsoft.com",
    "windowsupdate.com", "windows.com",    "live.com",      "office.com",     "office365.com", "outlook.com",
    "msftncsi.com",      "bing.com",       "azure.com",     "apple.com",      "icloud.com",    "amazon.com",
    "amazonaws.com",     "cloudfront.net", "akamai.net",    "akamaiedge.net", "akamaihd.net",  "cloudflare.com",
    "facebook.com",      "fbcdn.net",      "instagram.com", "whatsapp.net",   "twitter.com",   "linkedin.com",
    "wikipedia.org",     "yandex.ru",      "mail.ru",       "vk.com",         "baidu.com",     "digicert.com",
    "letsencrypt.org",   "mozilla.org",    "github.com",    "localhost",
};

std::optional<std::string_view> IpWarning(std::string_view value) {
  Result<pattern::IpNetwork> address = pattern::ParseIpNetwork(value, false);
  if (!address.ok()) return std::nullopt;
  for (const auto& [block, network] : ReservedNetworks()) {
    if (network.Contains(*address)) return block;
  }
  return std::nullopt;
}

std::optional<std::string_view> DomainWarning(std::string_view name) {
  for (std::string_view common : kCommonDomains) {
    if (name == common) return "very common domain";
    if (name.size() > common.size() && name.ends_with(common) && name[name.size() - common.size() - 1] == '.') {
      return "very common domain";
    }
  }
  return std::nullopt;
}

// A URL naming nothing but a common domain's home page ("https://www.google.com/").
std::optional<std::string_view> UrlWarning(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string_view host = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? "" : rest.substr(end);
  if (!tail.empty() && tail != "/") return std::nullopt;
  return DomainWarning(host);
}

// The digits after a country code of `country_digits`: all one digit, or a
// run going up or down by one (1234567890, 9876543210).
bool PlaceholderSubscriber(std::string_view digits) {
  if (digits.size() < 6) return false;
  bool same = true, up = true, down = true;
  for (size_t i = 1; i < digits.size(); ++i) {
    int step = (digits[i] - digits[i - 1] + 10) % 10;
    same = same && step == 0;
    up = up && step == 1;
    down = down && step == 9;
  }
  return same || up || down;
}

std::optional<std::string_view> PhoneWarning(std::string_view number) {
  if (!number.starts_with('+')) return std::nullopt;
  std::string_view digits = number.substr(1);
  // E.164 country codes take one to three digits; the number is a
  // placeholder whichever of them it has.
  for (size_t country_digits = 0; country_digits <= 3 && country_digits < digits.size(); ++country_digits) {
    if (PlaceholderSubscriber(digits.substr(country_digits))) return "placeholder number";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> WarningFor(const observable::CorrelationKey& key) {
  if (key.kind == "ipv4-addr" || key.kind == "ipv6-addr") return IpWarning(key.value);
  if (key.kind == "domain-name") return DomainWarning(key.value);
  if (key.kind == "url") return UrlWarning(key.value);
  if (key.kind == "phone-number") return PhoneWarning(key.value);
  return std::nullopt;
}

}  // namespace kenes::correlate
