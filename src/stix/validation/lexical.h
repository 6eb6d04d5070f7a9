// Lexical rules of STIX 2.1: the shape of identifiers, type and property
// names, dictionary keys, hex and base64 text, and network addresses.
//
// Hand-written scanners rather than regular expressions because they run for
// every property of every ingested object. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace kenes::stix::validation {

// A type name: a-z, 0-9 and '-', 3-250 characters, no "--" (section 3.1).
bool IsTypeName(std::string_view text);

// 8-4-4-4-12 hex digits with an RFC 4122 variant (8, 9, a or b) and a
// version 1-5. Returns the version digit, or 0 when `text` is not one.
int UuidVersion(std::string_view text);

// "type--uuid" parts; false when there is no "--" after a valid type name.
bool SplitIdentifier(std::string_view identifier, std::string_view& type, std::string_view& uuid);

// A custom property name: a-z, 0-9 and '_', 3-250 characters (section 11.1).
bool IsCustomPropertyName(std::string_view text);

// A dictionary key: a-z, A-Z, 0-9, '-' and '_', 1-250 characters (section 3.3).
bool IsDictionaryKey(std::string_view text);

// Even-length hexadecimal text ("hex" type, section 2.6).
bool IsHex(std::string_view text);

// RFC 4648 base64 with padding ("binary" type, section 2.1).
bool IsBase64(std::string_view text);

// Dotted quad, optionally with a /0-32 CIDR suffix.
bool IsIpv4Address(std::string_view text);

// RFC 4291 text form (with "::" and embedded IPv4), optionally /0-128.
bool IsIpv6Address(std::string_view text);

// Lower-case colon-delimited MAC-48 with leading zeros: "0a:1b:2c:3d:4e:5f".
bool IsMacAddress(std::string_view text);

// A DNS name (RFC 1034, with RFC 5890 internationalised labels): labels of
// 1-63 bytes of letters, digits, '-', '_' or UTF-8, at most 253 bytes.
bool IsDomainName(std::string_view text);

// An RFC 5322 addr-spec in its plain form: local-part@domain, no spaces.
bool IsEmailAddress(std::string_view text);

// An RFC 3986 URI: a scheme, ':', and no spaces or control characters.
bool IsUrl(std::string_view text);

// An RFC 5646 language tag in its common form: a 2-8 letter primary
// subtag, then '-'-separated subtags of 1-8 letters or digits ("en",
// "kk-Cyrl-KZ", "zh-Hans").
bool IsLanguageTag(std::string_view text);

// A CPE 2.3 formatted string: "cpe:2.3:" and ten more ':'-separated
// components, where "\:" does not separate.
bool IsCpe23(std::string_view text);

}  // namespace kenes::stix::validation
