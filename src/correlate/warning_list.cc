#include "correlate/warning_list.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

namespace kenes::correlate {
namespace {

struct Range {
  std::string_view block;  // for the reason given
  std::array<uint8_t, 16> network;
  int prefix;
};

// Address and prefix of an IP key ("10.1.2.3", "10.0.0.0/8", "fe80::1"); the
// IPv4 forms as 4 bytes, IPv6 as 16. False for text that is neither.
bool ParseIpKey(std::string_view text, bool v6, std::array<uint8_t, 16>& address, int& prefix) {
  size_t slash = text.find('/');
  std::string host(text.substr(0, slash));
  prefix = v6 ? 128 : 32;
  if (slash != std::string_view::npos) {
    std::string digits(text.substr(slash + 1));
    if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos)
      return false;
    prefix = std::stoi(digits);
  }
  address.fill(0);
  return inet_pton(v6 ? AF_INET6 : AF_INET, host.c_str(), address.data()) == 1;
}

bool Within(const std::array<uint8_t, 16>& address, int prefix, const Range& range) {
  if (prefix < range.prefix) return false;  // a block wider than the range reaches outside it
  int full_bytes = range.prefix / 8;
  if (std::memcmp(address.data(), range.network.data(), full_bytes) != 0) return false;
  int rest = range.prefix % 8;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (address[full_bytes] & mask) == (range.network[full_bytes] & mask);
}

Range V4(std::string_view block, uint8_t a, uint8_t b, uint8_t c, uint8_t d, int prefix) {
  return {block, {a, b, c, d}, prefix};
}

const std::array kIpv4Ranges = {
    V4("private range 10.0.0.0/8", 10, 0, 0, 0, 8),
    V4("private range 172.16.0.0/12", 172, 16, 0, 0, 12),
    V4("private range 192.168.0.0/16", 192, 168, 0, 0, 16),
    V4("loopback 127.0.0.0/8", 127, 0, 0, 0, 8),
    V4("link-local 169.254.0.0/16", 169, 254, 0, 0, 16),
    V4("carrier-grade NAT 100.64.0.0/10", 100, 64, 0, 0, 10),
    V4("documentation range TEST-NET-1 192.0.2.0/24", 192, 0, 2, 0, 24),
    V4("documentation range TEST-NET-2 198.51.100.0/24", 198, 51, 100, 0, 24),
    V4("documentation range TEST-NET-3 203.0.113.0/24", 203, 0, 113, 0, 24),
    V4("this network 0.0.0.0/8", 0, 0, 0, 0, 8),
    V4("multicast 224.0.0.0/4", 224, 0, 0, 0, 4),
    V4("broadcast 255.255.255.255", 255, 255, 255, 255, 32),
};

const std::array kIpv6Ranges = {
    Range{"unspecified address ::", {}, 128},
    Range{"loopback ::1", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128},
    Range{"link-local fe80::/10", {0xfe, 0x80}, 10},
    Range{"unique local range fc00::/7", {0xfc}, 7},
    Range{"multicast ff00::/8", {0xff}, 8},
    Range{"documentation range 2001:db8::/32", {0x20, 0x01, 0x0d, 0xb8}, 32},
};

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

std::optional<std::string_view> IpWarning(std::string_view value, bool v6) {
  std::array<uint8_t, 16> address;
  int prefix = 0;
  if (!ParseIpKey(value, v6, address, prefix)) return std::nullopt;
  for (const Range& range : v6 ? std::span<const Range>(kIpv6Ranges) : std::span<const Range>(kIpv4Ranges)) {
    if (Within(address, prefix, range)) return range.block;
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
  if (key.kind == "ipv4-addr") return IpWarning(key.value, false);
  if (key.kind == "ipv6-addr") return IpWarning(key.value, true);
  if (key.kind == "domain-name") return DomainWarning(key.value);
  if (key.kind == "url") return UrlWarning(key.value);
  if (key.kind == "phone-number") return PhoneWarning(key.value);
  return std::nullopt;
}

}  // namespace kenes::correlate
