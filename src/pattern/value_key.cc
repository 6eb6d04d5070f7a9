#include "pattern/value_key.h"

#include <algorithm>
#include <cstring>

namespace kenes::pattern {
namespace {

constexpr char kStringTag = 's';
constexpr char kNumberTag = 'n';
constexpr char kPrefixTag = '<';
constexpr char kSuffixTag = '>';
constexpr char kNetworkTag = '/';

void NumberKey(double number, std::string* key) {
  // -0.0 == 0.0, but their bits differ.
  if (number == 0) number = 0;
  char bytes[sizeof number];
  std::memcpy(bytes, &number, sizeof number);
  key->assign(1, kNumberTag);
  key->append(bytes, sizeof bytes);
}

void StringKey(const std::string& text, std::string* key) {
  key->assign(1, kStringTag);
  key->append(text);
}

}  // namespace

std::optional<std::string> LiteralKey(const Literal& literal) {
  std::string key;
  switch (literal.kind) {
    case LiteralKind::kString:
      StringKey(literal.text, &key);
      return key;
    case LiteralKind::kInteger:
      NumberKey(static_cast<double>(literal.integer), &key);
      return key;
    case LiteralKind::kFloat:
      NumberKey(literal.real, &key);
      return key;
    case LiteralKind::kBoolean:
      NumberKey(literal.boolean ? 1 : 0, &key);
      return key;
    case LiteralKind::kTimestamp:
    case LiteralKind::kBinary:
    case LiteralKind::kHex:
      return std::nullopt;
  }
  return std::nullopt;
}

bool ObservedValueKey(const JsonValue& value, std::string* key) {
  switch (value.kind) {
    case JsonValue::Kind::kString:
      StringKey(value.text, key);
      return true;
    case JsonValue::Kind::kInteger:
      NumberKey(static_cast<double>(value.integer), key);
      return true;
    case JsonValue::Kind::kFloat:
      NumberKey(value.real, key);
      return true;
    case JsonValue::Kind::kBoolean:
      NumberKey(value.boolean ? 1 : 0, key);
      return true;
    case JsonValue::Kind::kNull:
    case JsonValue::Kind::kArray:
    case JsonValue::Kind::kObject:
      return false;
  }
  return false;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void PrefixKey(std::string_view text, std::string* key) {
  key->assign(1, kPrefixTag);
  key->append(text);
}

void SuffixKey(std::string_view text, std::string* key) {
  key->assign(1, kSuffixTag);
  key->append(text);
}

void NetworkKey(const IpNetwork& network, int prefix, std::string* key) {
  key->assign(1, kNetworkTag);
  key->push_back(network.v6 ? '6' : '4');
  key->push_back(static_cast<char>(prefix));
  const int bytes = network.v6 ? 16 : 4;
  for (int i = 0; i < bytes; ++i) {
    const int kept = std::clamp(prefix - 8 * i, 0, 8);
    key->push_back(static_cast<char>(network.address[static_cast<size_t>(i)] & static_cast<uint8_t>(0xFF00 >> kept)));
  }
}

}  // namespace kenes::pattern
