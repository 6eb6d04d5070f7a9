// Tests for the hand-written lexical scanners the validator uses instead of
// regular expressions.
#include <gtest/gtest.h>

#include "stix/validation/lexical.h"

namespace kenes::stix::validation {
namespace {

TEST(Lexical, UuidVersionAndVariant) {
  EXPECT_EQ(UuidVersion("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), 4);
  EXPECT_EQ(UuidVersion("5f4b9f8e-2d3c-5a1b-9c8d-7e6f5a4b3c2d"), 5);
  EXPECT_EQ(UuidVersion("8E2E2D2B-17D4-4CBF-B38F-98EE46B3CD3F"), 4);
  EXPECT_EQ(UuidVersion("8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f"), 0);  // version 6 is not RFC 4122
  EXPECT_EQ(UuidVersion("8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f"), 0);  // Microsoft variant
  EXPECT_EQ(UuidVersion("8e2e2d2b17d4-4cbf-938f-98ee46b3cd3f0"), 0);
  EXPECT_EQ(UuidVersion("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3"), 0);
}

TEST(Lexical, IdentifierSplitsAtTheLastSeparator) {
  std::string_view type, uuid;
  ASSERT_TRUE(SplitIdentifier("x-kenes-asset--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", type, uuid));
  EXPECT_EQ(type, "x-kenes-asset");
  EXPECT_EQ(uuid, "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
  EXPECT_FALSE(SplitIdentifier("ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", type, uuid));  // type too short
  EXPECT_FALSE(SplitIdentifier("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", type, uuid));
}

TEST(Lexical, Names) {
  EXPECT_TRUE(IsTypeName("x-kenes-phone-number"));
  EXPECT_FALSE(IsTypeName("x--kenes"));
  EXPECT_FALSE(IsTypeName("-kenes"));
  EXPECT_FALSE(IsTypeName("Kenes"));
  EXPECT_FALSE(IsTypeName("xy"));
  EXPECT_TRUE(IsCustomPropertyName("x_kenes_region"));
  EXPECT_FALSE(IsCustomPropertyName("x-kenes"));
  EXPECT_FALSE(IsCustomPropertyName(std::string(251, 'a')));
  EXPECT_TRUE(IsDictionaryKey("Content-Type"));
  EXPECT_FALSE(IsDictionaryKey(""));
  EXPECT_FALSE(IsDictionaryKey("a b"));
}

TEST(Lexical, HexAndBase64) {
  EXPECT_TRUE(IsHex("00ffAB"));
  EXPECT_FALSE(IsHex("0ff"));
  EXPECT_FALSE(IsHex("0g"));
  EXPECT_TRUE(IsBase64("aGVsbG8="));
  EXPECT_TRUE(IsBase64("aGVsbG8h"));
  EXPECT_TRUE(IsBase64(""));
  EXPECT_FALSE(IsBase64("aGVsbG8"));
  EXPECT_FALSE(IsBase64("aG=sbG8="));
  EXPECT_FALSE(IsBase64("a==="));
}

TEST(Lexical, Ipv4) {
  EXPECT_TRUE(IsIpv4Address("0.0.0.0"));
  EXPECT_TRUE(IsIpv4Address("255.255.255.255/32"));
  EXPECT_FALSE(IsIpv4Address("256.1.1.1"));
  EXPECT_FALSE(IsIpv4Address("01.1.1.1"));
  EXPECT_FALSE(IsIpv4Address("1.1.1"));
  EXPECT_FALSE(IsIpv4Address("1.1.1.1.1"));
  EXPECT_FALSE(IsIpv4Address("1.1.1.1/"));
}

TEST(Lexical, Ipv6) {
  EXPECT_TRUE(IsIpv6Address("::"));
  EXPECT_TRUE(IsIpv6Address("::1"));
  EXPECT_TRUE(IsIpv6Address("fe80::"));
  EXPECT_TRUE(IsIpv6Address("2001:db8::8a2e:370:7334/64"));
  EXPECT_TRUE(IsIpv6Address("::ffff:192.0.2.1"));
  EXPECT_TRUE(IsIpv6Address("2001:0db8:0000:0000:0000:0000:1428:57ab"));
  EXPECT_FALSE(IsIpv6Address("2001:0db8:0000:0000:0000:0000:1428"));
  EXPECT_FALSE(IsIpv6Address("1::2::3"));
  EXPECT_FALSE(IsIpv6Address(":1:2:3:4:5:6:7"));
  EXPECT_FALSE(IsIpv6Address("1:2:3:4:5:6:7:"));
  EXPECT_FALSE(IsIpv6Address("12345::"));
  EXPECT_FALSE(IsIpv6Address("::/129"));
}

TEST(Lexical, MacDomainEmailUrl) {
  EXPECT_TRUE(IsMacAddress("0a:1b:2c:3d:4e:5f"));
  EXPECT_FALSE(IsMacAddress("0A:1B:2C:3D:4E:5F"));
  EXPECT_TRUE(IsDomainName("mail.gov.kz."));
  EXPECT_FALSE(IsDomainName(std::string(64, 'a') + ".kz"));
  EXPECT_TRUE(IsEmailAddress("soc@mail.gov.kz"));
  EXPECT_FALSE(IsEmailAddress("@mail.gov.kz"));
  EXPECT_TRUE(IsUrl("hxxp://example.com"));
  EXPECT_TRUE(IsUrl("urn:isbn:0451450523"));
  EXPECT_FALSE(IsUrl("://example.com"));
  EXPECT_FALSE(IsUrl("1http://example.com"));
}

}  // namespace
}  // namespace kenes::stix::validation
