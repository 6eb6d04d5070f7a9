#include "pattern/value_comparison.h"

#include <fmt/format.h>

#include <compare>

#include "base/timestamp.h"

namespace kenes::pattern {
namespace {

// The next code point of UTF-8 `text` at `position` (advanced past it). Input from simdjson and the
// parser is valid UTF-8.
uint32_t NextCodePoint(std::string_view text, size_t& position) {
  const auto lead = static_cast<unsigned char>(text[position++]);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  uint32_t code = lead & (0x3F >> extra);
  for (int i = 0; i < extra && position < text.size(); ++i) {
    code = (code << 6) | (static_cast<unsigned char>(text[position++]) & 0x3F);
  }
  return code;
}

bool IsLatin1(std::string_view text) {
  for (size_t position = 0; position < text.size();) {
    if (NextCodePoint(text, position) > 0xFF) return false;
  }
  return true;
}

// Bytes against text read as Latin-1; nullopt when the text is not Latin-1.
std::optional<int> CompareBytesWithLatin1(std::string_view bytes, std::string_view text) {
  if (!IsLatin1(text)) return std::nullopt;
  size_t position = 0;
  for (const char byte : bytes) {
    if (position == text.size()) return 1;
    const uint32_t code = NextCodePoint(text, position);
    const auto value = static_cast<unsigned char>(byte);
    if (value != code) return value < code ? -1 : 1;
  }
  return position == text.size() ? 0 : -1;
}

int SignOf(std::strong_ordering order) { return order < 0 ? -1 : order > 0 ? 1 : 0; }

int CompareBytes(std::string_view a, std::string_view b) {
  const int c = a.compare(b);  // std::string_view compares as unsigned char
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// Python compares int and float exactly; long double holds every int64 and every double.
int CompareNumbers(const JsonValue& value, const PreparedLiteral& literal) {
  const long double left = value.kind == JsonValue::Kind::kInteger ? static_cast<long double>(value.integer)
                                                                   : static_cast<long double>(value.real);
  const long double right = literal.kind == LiteralKind::kInteger ? static_cast<long double>(literal.integer)
                                                                   : static_cast<long double>(literal.real);
  return left < right ? -1 : left > right ? 1 : 0;
}

bool IsJsonNumber(const ObservedValue& value) {
  return value.IsJson(JsonValue::Kind::kInteger) || value.IsJson(JsonValue::Kind::kFloat);
}

Result<int64_t> ValueAsTimestamp(const ObservedValue& value) {
  const std::optional<int64_t> instant = TimestampMicroseconds(value.json->text);
  if (!instant) return Status::InvalidArgument(fmt::format("invalid timestamp in JSON: {}", value.json->text));
  return *instant;
}

}  // namespace

std::optional<int64_t> TimestampMicroseconds(std::string_view text) {
  const std::optional<Timestamp> timestamp = ParseTimestamp(text);
  if (!timestamp) return std::nullopt;
  return timestamp->TotalMicroseconds();
}

Result<PreparedLiteral> PrepareLiteral(const Literal& literal) {
  PreparedLiteral prepared;
  prepared.kind = literal.kind;
  prepared.integer = literal.integer;
  prepared.real = literal.real;
  prepared.boolean = literal.boolean;
  prepared.text = literal.text;
  if (literal.kind == LiteralKind::kString && IsLatin1(literal.text)) {
    std::string bytes;
    for (size_t position = 0; position < literal.text.size();) {
      bytes.push_back(static_cast<char>(NextCodePoint(literal.text, position)));
    }
    prepared.latin1 = std::move(bytes);
  }
  if (literal.kind == LiteralKind::kTimestamp) {
    if (!literal.timestamp) return Status::InvalidArgument(fmt::format("invalid timestamp literal t'{}'", literal.text));
    prepared.microseconds = literal.timestamp->TotalMicroseconds();
  }
  return prepared;
}

Result<bool> LiteralEquals(const PreparedLiteral& literal, const ObservedValue& value) {
  switch (literal.kind) {
    case LiteralKind::kInteger:
    case LiteralKind::kFloat:
      return IsJsonNumber(value) && CompareNumbers(*value.json, literal) == 0;
    case LiteralKind::kString:
      if (value.IsJson(JsonValue::Kind::kString)) return value.json->text == literal.text;
      return value.kind == ObservedValue::Kind::kBytes && literal.latin1 && value.bytes == *literal.latin1;
    case LiteralKind::kBoolean:
      return value.IsJson(JsonValue::Kind::kBoolean) && value.json->boolean == literal.boolean;
    case LiteralKind::kTimestamp: {
      if (!value.IsJson(JsonValue::Kind::kString)) return false;
      KENES_ASSIGN_OR_RETURN(const int64_t instant, ValueAsTimestamp(value));
      return instant == literal.microseconds;
    }
    case LiteralKind::kBinary:
    case LiteralKind::kHex:
      if (value.kind == ObservedValue::Kind::kBytes) return value.bytes == literal.text;
      return value.IsJson(JsonValue::Kind::kString) && CompareBytesWithLatin1(literal.text, value.json->text) == 0;
  }
  return false;
}

Result<Ordering> OrderAgainst(const PreparedLiteral& literal, const ObservedValue& value) {
  Ordering ordering;
  auto ordered = [&ordering](int sign) {
    ordering.outcome = Ordering::Outcome::kOrdered;
    ordering.sign = sign;
    return ordering;
  };
  auto latin1 = [&ordering, &ordered](std::optional<int> sign) {
    if (sign) return ordered(*sign);
    ordering.outcome = Ordering::Outcome::kUncomparable;
    return ordering;
  };
  switch (literal.kind) {
    case LiteralKind::kInteger:
    case LiteralKind::kFloat:
      if (IsJsonNumber(value)) return ordered(CompareNumbers(*value.json, literal));
      break;
    case LiteralKind::kString:
      if (value.IsJson(JsonValue::Kind::kString)) return ordered(CompareBytes(value.json->text, literal.text));
      if (value.kind == ObservedValue::Kind::kBytes) {
        if (!literal.latin1) return latin1(std::nullopt);
        return ordered(CompareBytes(value.bytes, *literal.latin1));
      }
      break;
    case LiteralKind::kTimestamp:
      if (value.IsJson(JsonValue::Kind::kString)) {
        KENES_ASSIGN_OR_RETURN(const int64_t instant, ValueAsTimestamp(value));
        return ordered(SignOf(instant <=> literal.microseconds));
      }
      break;
    case LiteralKind::kBinary:
    case LiteralKind::kHex:
      if (value.kind == ObservedValue::Kind::kBytes) return ordered(CompareBytes(value.bytes, literal.text));
      if (value.IsJson(JsonValue::Kind::kString)) {
        const std::optional<int> sign = CompareBytesWithLatin1(literal.text, value.json->text);
        return latin1(sign ? std::optional<int>(-*sign) : std::nullopt);
      }
      break;
    case LiteralKind::kBoolean:
      break;
  }
  return ordering;
}

Result<bool> SetContains(const std::vector<PreparedLiteral>& set, const ObservedValue& value) {
  if (set.empty()) return false;
  if (set.front().kind == LiteralKind::kTimestamp) {
    if (!value.IsJson(JsonValue::Kind::kString)) return false;
    KENES_ASSIGN_OR_RETURN(const int64_t instant, ValueAsTimestamp(value));
    for (const PreparedLiteral& member : set) {
      if (member.microseconds == instant) return true;
    }
    return false;
  }
  for (const PreparedLiteral& member : set) {
    // Python's set membership: True == 1 and False == 0, across bool, int and float.
    if (value.IsJson(JsonValue::Kind::kBoolean) || IsJsonNumber(value)) {
      const long double number = value.IsJson(JsonValue::Kind::kBoolean) ? (value.json->boolean ? 1 : 0)
                                 : value.json->kind == JsonValue::Kind::kInteger
                                     ? static_cast<long double>(value.json->integer)
                                     : static_cast<long double>(value.json->real);
      if (member.kind == LiteralKind::kBoolean && number == (member.boolean ? 1 : 0)) return true;
      if (member.kind == LiteralKind::kInteger && number == static_cast<long double>(member.integer)) return true;
      if (member.kind == LiteralKind::kFloat && number == static_cast<long double>(member.real)) return true;
    } else if (value.IsJson(JsonValue::Kind::kString)) {
      if (member.kind == LiteralKind::kString && member.text == value.json->text) return true;
    } else if (value.kind == ObservedValue::Kind::kBytes) {
      if (member.IsBytes() && member.text == value.bytes) return true;
    }
  }
  return false;
}

}  // namespace kenes::pattern
