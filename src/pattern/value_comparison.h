// Value comparison: how a pattern literal compares with an observed value for
// =, !=, <, <=, >, >= and IN, with the type rules of the OASIS reference matcher:
//
// - integers and floats compare with each other by value; booleans only with
//   booleans (except in IN, where Python's set membership makes true equal 1);
// - strings compare with strings by code point;
// - bytes (binary/hex literals, *_hex/*_bin properties) compare with bytes, and
//   with strings whose code points are all below 256, taken as Latin-1;
// - a timestamp literal turns a string value into a timestamp (an error when it
//   is not one) and compares instants to the microsecond;
// - any other pairing is unequal, and unordered.
//
// Literals are prepared once (PreparedLiteral) so comparisons allocate nothing.
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/observed_value.h"

namespace kenes::pattern {

struct PreparedLiteral {
  LiteralKind kind = LiteralKind::kInteger;
  int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  std::string text;  // kString: UTF-8 text; kBinary, kHex: the bytes
  // kString: the text as Latin-1 bytes, when every code point is below 256.
  std::optional<std::string> latin1;
  int64_t microseconds = 0;  // kTimestamp

  bool IsBytes() const { return kind == LiteralKind::kBinary || kind == LiteralKind::kHex; }
};

// Errors: InvalidArgument for a timestamp literal naming no real instant.
Result<PreparedLiteral> PrepareLiteral(const Literal& literal);

// The instant a STIX timestamp string names, in microseconds since the epoch (fraction digits beyond
// six are dropped, as the reference does), or nullopt.
std::optional<int64_t> TimestampMicroseconds(std::string_view text);

// = without NOT. Errors: InvalidArgument when a timestamp literal meets a string that is no timestamp.
Result<bool> LiteralEquals(const PreparedLiteral& literal, const ObservedValue& value);

// How `value` orders against `literal`.
struct Ordering {
  enum class Outcome {
    kUnordered,    // no order between these types: the comparison is false even under NOT
    kUncomparable, // string and bytes where the string is not Latin-1: false, but NOT applies
    kOrdered,
  };
  Outcome outcome = Outcome::kUnordered;
  int sign = 0;  // kOrdered: value <=> literal
};
Result<Ordering> OrderAgainst(const PreparedLiteral& literal, const ObservedValue& value);

// IN without NOT: Python's `value in set` over the literals (which the caller has checked are all of
// one type, or all numbers). Errors as LiteralEquals.
Result<bool> SetContains(const std::vector<PreparedLiteral>& set, const ObservedValue& value);

}  // namespace kenes::pattern
