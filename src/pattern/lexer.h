// Lexer: splits STIX pattern text into tokens on demand, one at a time.
//
// Follows the lexical rules of the OASIS grammar (STIXPattern.g4): longest
// match, case-sensitive keywords, Unicode white space, /* */ and // comments.
// Literals with a prefix (t'', b'', h'') are checked in full here, so a bad
// timestamp or base64 payload is reported where it starts. No allocation.
//
// One Lexer reads one text from one thread; it keeps a view of the text, which
// must outlive it.
#pragma once

#include <cstddef>
#include <string_view>

#include "pattern/ast.h"
#include "pattern/token.h"

namespace kenes::pattern {

class Lexer {
 public:
  Lexer(std::string_view text, StixVersion version) : text_(text), version_(version) {}

  // The next token; kEnd at the end of the text, and again on every later call.
  Token Next();

 private:
  // Moves past white space and comments.
  void SkipIgnored();
  Token Make(TokenKind kind, size_t start, size_t end);
  Token Invalid(size_t start, size_t end, const char* error);
  Token LexNumber(size_t start);
  Token LexWord(size_t start);
  Token LexString(size_t start);
  Token LexPrefixedLiteral(size_t start);

  std::string_view text_;
  StixVersion version_;
  size_t position_ = 0;
};

}  // namespace kenes::pattern
