// Token: one lexical unit of a STIX pattern, as the lexer hands it to the parser.
//
// A token is a kind, a byte offset and a view of its source text; it owns
// nothing and is valid while the pattern text is. Literal tokens have been
// checked against the grammar's lexical rules but not yet decoded.
#pragma once

#include <cstdint>
#include <string_view>

namespace kenes::pattern {

enum class TokenKind : uint8_t {
  kEnd,
  kInvalid,  // text the grammar has no token for; Token::error says why
  // Literals.
  kInteger,  // [+-]?(0|[1-9][0-9]*)
  kFloat,    // [+-]?[0-9]*.[0-9]+
  kString,   // '...' with \' and \\ escapes
  kBoolean,  // true, false
  kTimestamp,
  kBinary,
  kHex,
  // Names: object types may contain '-', property names may not.
  kIdentifier,
  kIdentifierWithHyphen,
  // Keywords (case-sensitive).
  kAnd,
  kOr,
  kNot,
  kFollowedBy,
  kLike,
  kMatches,
  kIsSuperset,
  kIsSubset,
  kExists,  // STIX 2.1 only; an identifier in 2.0
  kLast,    // reserved by the grammar, used by no rule
  kIn,
  kStart,
  kStop,
  kSeconds,
  kWithin,
  kRepeats,
  kTimes,
  // Punctuation.
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kColon,
  kDot,
  kComma,
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kAsterisk,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  uint32_t offset = 0;     // bytes from the start of the pattern
  std::string_view text;   // the source text, quotes and prefixes included
  const char* error = "";  // kInvalid only: what is wrong, e.g. "unterminated string"
};

}  // namespace kenes::pattern
