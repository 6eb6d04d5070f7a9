#include "stix/validation/lexical.h"

namespace kenes::stix::validation {
namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses a decimal number of up to `max_digits` digits in [0, max]; no leading zeros.
bool ParseSmallNumber(std::string_view text, int max, int& out) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return false;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return value <= max;
}

bool IsDottedQuad(std::string_view text) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    int value;
    if (!ParseSmallNumber(part, 255, value)) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

// Splits off an optional "/prefix" and checks it against `max_prefix`.
bool SplitPrefix(std::string_view& text, int max_prefix) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return true;
  int prefix;
  if (!ParseSmallNumber(text.substr(slash + 1), max_prefix, prefix)) return false;
  text = text.substr(0, slash);
  return true;
}

bool HasSpaceOrControl(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

bool IsTypeName(std::string_view text) {
  if (text.size() < 3 || text.size() > 250) return false;
  char previous = '-';
  for (char c : text) {
    if (c == '-') {
      if (previous == '-') return false;
    } else if (!IsLowerAlnum(c)) {
      return false;
    }
    previous = c;
  }
  return text.front() != '-';
}

int UuidVersion(std::string_view text) {
  if (text.size() != 36) return 0;
  for (size_t i = 0; i < 36; ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !IsHexDigit(text[i])) return 0;
  }
  char variant = text[19];
  if (!(variant == '8' || variant == '9' || variant == 'a' || variant == 'b' || variant == 'A' || variant == 'B')) {
    return 0;
  }
  char version = text[14];
  return version >= '1' && version <= '5' ? version - '0' : 0;
}

bool SplitIdentifier(std::string_view identifier, std::string_view& type, std::string_view& uuid) {
  // The UUID part has no "--", so the last one separates the parts.
  if (identifier.size() < 38) return false;
  size_t separator = identifier.size() - 38;
  if (identifier.compare(separator, 2, "--") != 0) return false;
  type = identifier.substr(0, separator);
  uuid = identifier.substr(separator + 2);
  return IsTypeName(type);
}

bool IsCustomPropertyName(std::string_view text) {
  if (text.size() < 3 || text.size() > 250) return false;
  for (char c : text) {
    if (!IsLowerAlnum(c) && c != '_') return false;
  }
  return true;
}

bool IsDictionaryKey(std::string_view text) {
  if (text.empty() || text.size() > 250) return false;
  for (char c : text) {
    if (!IsLowerAlnum(c) && !(c >= 'A' && c <= 'Z') && c != '_' && c != '-') return false;
  }
  return true;
}

bool IsHex(std::string_view text) {
  if (text.size() % 2 != 0) return false;
  for (char c : text) {
    if (!IsHexDigit(c)) return false;
  }
  return true;
}

bool IsBase64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  size_t padding = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '=') {
      ++padding;
      continue;
    }
    bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '+' || c == '/';
    if (!alphabet || padding > 0) return false;  // '=' only at the end
  }
  return padding <= 2;
}

bool IsIpv4Address(std::string_view text) { return SplitPrefix(text, 32) && IsDottedQuad(text); }

bool IsIpv6Address(std::string_view text) {
  if (!SplitPrefix(text, 128) || text.empty()) return false;
  int groups = 0;
  bool compressed = false;
  size_t position = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    position = 2;
    if (text.size() == 2) return true;
  } else if (text[0] == ':') {
    return false;
  }
  while (position < text.size()) {
    size_t end = position;
    while (end < text.size() && IsHexDigit(text[end])) ++end;
    if (end < text.size() && text[end] == '.') {
      // An embedded IPv4 address ends the text and counts as two groups.
      if (!IsDottedQuad(text.substr(position))) return false;
      groups += 2;
      position = text.size();
      break;
    }
    if (end == position || end - position > 4) return false;
    ++groups;
    position = end;
    if (position == text.size()) break;
    if (text[position] != ':') return false;
    ++position;
    if (position < text.size() && text[position] == ':') {
      if (compressed) return false;
      compressed = true;
      ++position;
    } else if (position == text.size()) {
      return false;  // a single trailing ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

bool IsDomainName(std::string_view text) {
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);  // the root label
  if (text.empty() || text.size() > 253) return false;
  size_t label = 0;
  for (char c : text) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    bool allowed =
        IsLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    if (!allowed || ++label > 63) return false;
  }
  return label > 0;
}

bool IsEmailAddress(std::string_view text) {
  size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || HasSpaceOrControl(text)) return false;
  std::string_view domain = text.substr(at + 1);
  // A domain literal such as [192.0.2.1] is allowed by RFC 5322.
  return IsDomainName(domain) || (domain.size() > 2 && domain.front() == '[' && domain.back() == ']');
}

bool IsUrl(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || HasSpaceOrControl(text)) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = text[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(letter || (i > 0 && (IsDigit(c) || c == '+' || c == '-' || c == '.')))) return false;
  }
  return colon + 1 < text.size();
}

bool IsLanguageTag(std::string_view text) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t dash = text.find('-', start);
    std::string_view subtag =
        text.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    if (subtag.empty() || subtag.size() > 8 || (first && subtag.size() < 2)) return false;
    for (char c : subtag) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (first || !IsDigit(c))) return false;
    }
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
    first = false;
  }
}

bool IsCpe23(std::string_view text) {
  constexpr std::string_view kPrefix = "cpe:2.3:";
  if (text.substr(0, kPrefix.size()) != kPrefix || HasSpaceOrControl(text)) return false;
  int separators = 0;
  for (size_t i = kPrefix.size(); i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;  // an escaped character, possibly ':'
    } else if (text[i] == ':') {
      ++separators;
    }
  }
  // part, vendor, product, version, update, edition, language, sw_edition,
  // target_sw, target_hw, other: eleven components after the prefix.
  return separators == 10;
}

bool IsMacAddress(std::string_view text) {
  if (text.size() != 17) return false;
  for (size_t i = 0; i < 17; ++i) {
    char c = text[i];
    if (i % 3 == 2 ? c != ':' : !(IsDigit(c) || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace kenes::stix::validation
