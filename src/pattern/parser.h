// Parser: the recursive-descent parser behind pattern::Parse, one function per
// rule of the OASIS grammar (STIXPattern.g4), with precedence FOLLOWEDBY < OR <
// AND < qualifiers between observations and OR < AND inside brackets.
//
// A Parser reads one text once, from one thread; it keeps a view of the text,
// which must outlive it. Internal to the pattern subsystem: use pattern.h.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/lexer.h"

namespace kenes::pattern {

class Parser {
 public:
  Parser(std::string_view text, StixVersion version);

  // REQUIRES: called once.
  Result<Pattern> ParsePattern();

 private:
  Status ParseFollowedBy(ObservationExpression& out);
  Status ParseObservationOr(ObservationExpression& out);
  Status ParseObservationAnd(ObservationExpression& out);
  Status ParseQualifiedObservation(ObservationExpression& out);
  Status ParseQualifier(Qualifier& out);
  Status ParseTimeBound(Literal& out);
  Status ParseComparisonOr(ComparisonExpression& out);
  Status ParseComparisonAnd(ComparisonExpression& out);
  Status ParsePropertyTest(ComparisonExpression& out);
  Status ParseComparison(Comparison& out);
  Status ParseObjectPath(ObjectPath& out);
  Status ParseSet(std::vector<Literal>& out);
  Status ParseLiteral(Literal& out);
  Status ParseStringLiteral(Literal& out);

  // `operand (operator_token operand)*`: the operand alone, or one node of `kind` holding them all.
  template <typename Expression, typename Kind>
  Status ParseChain(Expression& out, TokenKind operator_token, Kind kind, Status (Parser::*parse_operand)(Expression&));

  // Consumes the current token, which must be of `kind`; otherwise says `expected` was wanted.
  Status Expect(TokenKind kind, std::string_view expected);
  bool Accept(TokenKind kind);
  void Advance() { current_ = lexer_.Next(); }
  // What follows an opening bracket or parenthesis, then `close`; limits nesting so that hostile
  // input cannot exhaust the stack.
  template <typename Expression>
  Status ParseEnclosed(Expression& out, Status (Parser::*parse_inside)(Expression&), TokenKind close,
                       std::string_view close_text);

  // "line 1, column 17: expected ']' but found 'AND'", followed by what is wrong with the token
  // when the lexer could not make sense of it.
  Status ErrorExpected(std::string_view expected) const;
  Status ErrorAt(size_t offset, std::string_view message) const;

  std::string_view text_;
  StixVersion version_;
  Lexer lexer_;
  Token current_;
  int nesting_ = 0;
};

}  // namespace kenes::pattern
