// Which keys the warning lists hold, and which they must not.
#include "correlate/warning_list.h"

#include <gtest/gtest.h>

#include <string>

namespace kenes::correlate {
namespace {

struct Case {
  std::string kind, value;
  std::string warning;  // empty: may correlate
  friend void PrintTo(const Case& c, std::ostream* out) { *out << c.kind << " " << c.value; }
};

class WarningListTest : public ::testing::TestWithParam<Case> {};

TEST_P(WarningListTest, SaysWhyOrNothing) {
  const Case& c = GetParam();
  std::optional<std::string_view> warning = WarningFor({c.kind, c.value});
  EXPECT_EQ(std::string(warning.value_or("")), c.warning) << c.kind << " " << c.value;
}

INSTANTIATE_TEST_SUITE_P(
    Keys, WarningListTest,
    ::testing::Values(
        Case{"ipv4-addr", "10.20.30.40", "private range 10.0.0.0/8"},
        Case{"ipv4-addr", "172.31.255.255", "private range 172.16.0.0/12"}, Case{"ipv4-addr", "172.32.0.1", ""},
        Case{"ipv4-addr", "192.168.0.0/24", "private range 192.168.0.0/16"},
        Case{"ipv4-addr", "192.0.0.0/8", ""},  // wider than any listed range
        Case{"ipv4-addr", "127.0.0.1", "loopback 127.0.0.0/8"},
        Case{"ipv4-addr", "169.254.10.1", "link-local 169.254.0.0/16"},
        Case{"ipv4-addr", "100.64.0.1", "carrier-grade NAT 100.64.0.0/10"}, Case{"ipv4-addr", "100.128.0.1", ""},
        Case{"ipv4-addr", "192.0.2.7", "documentation range TEST-NET-1 192.0.2.0/24"},
        Case{"ipv4-addr", "198.51.100.7", "documentation range TEST-NET-2 198.51.100.0/24"},
        Case{"ipv4-addr", "203.0.113.7", "documentation range TEST-NET-3 203.0.113.0/24"},
        Case{"ipv4-addr", "239.1.2.3", "multicast 224.0.0.0/4"},
        Case{"ipv4-addr", "255.255.255.255", "broadcast 255.255.255.255"},
        Case{"ipv4-addr", "0.0.0.0", "this network 0.0.0.0/8"}, Case{"ipv4-addr", "95.59.10.20", ""},
        Case{"ipv6-addr", "::1", "loopback ::1"}, Case{"ipv6-addr", "fe80::1", "link-local fe80::/10"},
        Case{"ipv6-addr", "fd12:3456::1", "unique local range fc00::/7"},
        Case{"ipv6-addr", "ff02::1", "multicast ff00::/8"},
        Case{"ipv6-addr", "2001:db8::/48", "documentation range 2001:db8::/32"}, Case{"ipv6-addr", "2a00:1450::1", ""},
        Case{"domain-name", "google.com", "very common domain"},
        Case{"domain-name", "update.microsoft.com", "very common domain"},
        Case{"domain-name", "download.windowsupdate.com", "very common domain"},
        Case{"domain-name", "notgoogle.com", ""}, Case{"domain-name", "google.com.evil.kz", ""},
        Case{"url", "https://www.google.com/", "very common domain"},
        Case{"url", "https://docs.google.com/document/d/abc", ""},
        Case{"phone-number", "+70000000000", "placeholder number"},
        Case{"phone-number", "+71234567890", "placeholder number"},
        Case{"phone-number", "+9989876543210", "placeholder number"}, Case{"phone-number", "+996555123456", ""},
        Case{"phone-number", "+996555555555", "placeholder number"}, Case{"phone-number", "+77011234567", ""},
        Case{"phone-number", "+992931234567", ""}, Case{"iban", "KZ86125KZT5004100100", ""}));

}  // namespace
}  // namespace kenes::correlate
