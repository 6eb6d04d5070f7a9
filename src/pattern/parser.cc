#include "pattern/parser.h"

#include <fmt/format.h>

#include <charconv>
#include <utility>

#include "pattern/source_location.h"

namespace kenes::pattern {
namespace {

// Deep enough for any real indicator, shallow enough that hostile input cannot exhaust the stack.
constexpr int kMaxNesting = 200;

bool IsComparisonOperator(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEqual:
    case TokenKind::kNotEqual:
    case TokenKind::kLess:
    case TokenKind::kLessOrEqual:
    case TokenKind::kGreater:
    case TokenKind::kGreaterOrEqual:
    case TokenKind::kIn:
    case TokenKind::kLike:
    case TokenKind::kMatches:
    case TokenKind::kIsSubset:
    case TokenKind::kIsSuperset: return true;
    default: return false;
  }
}

ComparisonOperator OperatorOf(TokenKind kind) {
  switch (kind) {
    case TokenKind::kNotEqual: return ComparisonOperator::kNotEqual;
    case TokenKind::kLess: return ComparisonOperator::kLess;
    case TokenKind::kLessOrEqual: return ComparisonOperator::kLessOrEqual;
    case TokenKind::kGreater: return ComparisonOperator::kGreater;
    case TokenKind::kGreaterOrEqual: return ComparisonOperator::kGreaterOrEqual;
    case TokenKind::kIn: return ComparisonOperator::kIn;
    case TokenKind::kLike: return ComparisonOperator::kLike;
    case TokenKind::kMatches: return ComparisonOperator::kMatches;
    case TokenKind::kIsSubset: return ComparisonOperator::kIsSubset;
    case TokenKind::kIsSuperset: return ComparisonOperator::kIsSuperset;
    default: return ComparisonOperator::kEqual;
  }
}

// The body of a quoted token: what lies between the first and the last quote.
std::string_view QuotedBody(std::string_view token_text) {
  const size_t open = token_text.find('\'');
  return token_text.substr(open + 1, token_text.size() - open - 2);
}

// The lexer has checked that only \' and \\ occur.
std::string Unescape(std::string_view body) {
  std::string text;
  text.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\') ++i;
    text.push_back(body[i]);
  }
  return text;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

std::string DecodeHex(std::string_view body) {
  std::string bytes;
  bytes.reserve(body.size() / 2);
  for (size_t i = 0; i + 1 < body.size(); i += 2) {
    bytes.push_back(static_cast<char>(HexValue(body[i]) * 16 + HexValue(body[i + 1])));
  }
  return bytes;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;
}

// The lexer has checked the form: groups of four, '=' only as padding.
std::string DecodeBase64(std::string_view body) {
  std::string bytes;
  bytes.reserve(body.size() / 4 * 3);
  uint32_t bits = 0;
  int bit_count = 0;
  for (char c : body) {
    if (c == '=') break;
    bits = (bits << 6) | static_cast<uint32_t>(Base64Value(c));
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      bytes.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
    }
  }
  return bytes;
}

// Number tokens may carry a '+' that from_chars does not accept.
std::string_view WithoutPlus(std::string_view number) {
  return !number.empty() && number.front() == '+' ? number.substr(1) : number;
}

}  // namespace

Parser::Parser(std::string_view text, StixVersion version) : text_(text), version_(version), lexer_(text, version) {}

Result<Pattern> Parser::ParsePattern() {
  Advance();
  Pattern pattern;
  pattern.version = version_;
  KENES_RETURN_IF_ERROR(ParseFollowedBy(pattern.root));
  if (current_.kind != TokenKind::kEnd) return ErrorExpected("end of pattern");
  return pattern;
}

Status Parser::ParseFollowedBy(ObservationExpression& out) {
  return ParseChain(out, TokenKind::kFollowedBy, ObservationExpressionKind::kFollowedBy, &Parser::ParseObservationOr);
}

Status Parser::ParseObservationOr(ObservationExpression& out) {
  return ParseChain(out, TokenKind::kOr, ObservationExpressionKind::kOr, &Parser::ParseObservationAnd);
}

Status Parser::ParseObservationAnd(ObservationExpression& out) {
  return ParseChain(out, TokenKind::kAnd, ObservationExpressionKind::kAnd, &Parser::ParseQualifiedObservation);
}

Status Parser::ParseQualifiedObservation(ObservationExpression& out) {
  if (Accept(TokenKind::kLeftBracket)) {
    out.kind = ObservationExpressionKind::kObservation;
    KENES_RETURN_IF_ERROR(ParseEnclosed(out.comparison, &Parser::ParseComparisonOr, TokenKind::kRightBracket, "']'"));
  } else if (Accept(TokenKind::kLeftParen)) {
    out.kind = ObservationExpressionKind::kGroup;
    out.operands.resize(1);
    KENES_RETURN_IF_ERROR(ParseEnclosed(out.operands[0], &Parser::ParseFollowedBy, TokenKind::kRightParen, "')'"));
  } else {
    return ErrorExpected("'[' or '('");
  }
  while (current_.kind == TokenKind::kWithin || current_.kind == TokenKind::kRepeats ||
         current_.kind == TokenKind::kStart) {
    Qualifier& qualifier = out.qualifiers.emplace_back();
    qualifier.offset = current_.offset;
    KENES_RETURN_IF_ERROR(ParseQualifier(qualifier));
  }
  return Status::Ok();
}

Status Parser::ParseQualifier(Qualifier& out) {
  if (Accept(TokenKind::kWithin)) {
    out.kind = QualifierKind::kWithin;
    const bool is_number = current_.kind == TokenKind::kInteger || current_.kind == TokenKind::kFloat;
    if (!is_number || current_.text.front() == '-') return ErrorExpected("a positive number of seconds");
    Literal seconds;
    KENES_RETURN_IF_ERROR(ParseLiteral(seconds));
    out.seconds = seconds.kind == LiteralKind::kInteger ? static_cast<double>(seconds.integer) : seconds.real;
    return Expect(TokenKind::kSeconds, "'SECONDS'");
  }
  if (Accept(TokenKind::kRepeats)) {
    out.kind = QualifierKind::kRepeats;
    if (current_.kind != TokenKind::kInteger || current_.text.front() == '-') {
      return ErrorExpected("a positive whole number of times");
    }
    Literal times;
    KENES_RETURN_IF_ERROR(ParseLiteral(times));
    out.times = times.integer;
    return Expect(TokenKind::kTimes, "'TIMES'");
  }
  KENES_RETURN_IF_ERROR(Expect(TokenKind::kStart, "'WITHIN', 'REPEATS' or 'START'"));
  out.kind = QualifierKind::kStartStop;
  KENES_RETURN_IF_ERROR(ParseTimeBound(out.start));
  KENES_RETURN_IF_ERROR(Expect(TokenKind::kStop, "'STOP'"));
  return ParseTimeBound(out.stop);
}

Status Parser::ParseTimeBound(Literal& out) {
  // STIX 2.0 wrote the bounds as plain strings; its reference validator also takes t'...'.
  const bool allowed =
      current_.kind == TokenKind::kTimestamp || (version_ == StixVersion::k20 && current_.kind == TokenKind::kString);
  if (!allowed) {
    return ErrorExpected(version_ == StixVersion::k20 ? "a timestamp or string" : "a timestamp t'...'");
  }
  return ParseLiteral(out);
}

Status Parser::ParseComparisonOr(ComparisonExpression& out) {
  return ParseChain(out, TokenKind::kOr, ComparisonExpressionKind::kOr, &Parser::ParseComparisonAnd);
}

Status Parser::ParseComparisonAnd(ComparisonExpression& out) {
  return ParseChain(out, TokenKind::kAnd, ComparisonExpressionKind::kAnd, &Parser::ParsePropertyTest);
}

Status Parser::ParsePropertyTest(ComparisonExpression& out) {
  if (Accept(TokenKind::kLeftParen)) {
    return ParseEnclosed(out, &Parser::ParseComparisonOr, TokenKind::kRightParen, "')'");
  }
  out.kind = ComparisonExpressionKind::kComparison;
  return ParseComparison(out.comparison);
}

Status Parser::ParseComparison(Comparison& out) {
  out.offset = current_.offset;
  if (Accept(TokenKind::kExists)) {
    out.op = ComparisonOperator::kExists;
    return ParseObjectPath(out.path);
  }
  KENES_RETURN_IF_ERROR(ParseObjectPath(out.path));
  out.negated = Accept(TokenKind::kNot);
  if (!IsComparisonOperator(current_.kind)) return ErrorExpected("a comparison operator");
  const TokenKind operator_kind = current_.kind;
  out.op = OperatorOf(operator_kind);
  Advance();
  switch (out.op) {
    case ComparisonOperator::kIn: KENES_RETURN_IF_ERROR(ParseSet(out.values)); break;
    case ComparisonOperator::kLike:
    case ComparisonOperator::kMatches:
    case ComparisonOperator::kIsSubset:
    case ComparisonOperator::kIsSuperset: KENES_RETURN_IF_ERROR(ParseStringLiteral(out.value)); break;
    case ComparisonOperator::kEqual:
    case ComparisonOperator::kNotEqual: KENES_RETURN_IF_ERROR(ParseLiteral(out.value)); break;
    default:
      // Order comparisons take every literal but booleans.
      if (current_.kind == TokenKind::kBoolean) return ErrorExpected("a literal that has an order");
      KENES_RETURN_IF_ERROR(ParseLiteral(out.value));
      break;
  }
  return Status::Ok();
}

Status Parser::ParseObjectPath(ObjectPath& out) {
  if (current_.kind != TokenKind::kIdentifier && current_.kind != TokenKind::kIdentifierWithHyphen) {
    return ErrorExpected("an object type");
  }
  out.object_type = std::string(current_.text);
  Advance();
  KENES_RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
  bool first = true;
  while (true) {
    if (first || Accept(TokenKind::kDot)) {
      PathStep& step = out.steps.emplace_back();
      if (current_.kind == TokenKind::kIdentifier) {
        step.key = std::string(current_.text);
        Advance();
      } else if (current_.kind == TokenKind::kString) {
        step.key = Unescape(QuotedBody(current_.text));
        Advance();
      } else {
        // Property names with '-' must be quoted: 'windows-pebinary-ext'.
        return ErrorExpected("a property name (quote names that contain '-')");
      }
    } else if (Accept(TokenKind::kLeftBracket)) {
      PathStep& step = out.steps.emplace_back();
      if (Accept(TokenKind::kAsterisk)) {
        step.kind = PathStep::Kind::kAnyIndex;
      } else if (current_.kind == TokenKind::kInteger) {
        Literal index;
        KENES_RETURN_IF_ERROR(ParseLiteral(index));
        step.kind = PathStep::Kind::kIndex;
        step.index = index.integer;
      } else {
        return ErrorExpected("an index or '*'");
      }
      KENES_RETURN_IF_ERROR(Expect(TokenKind::kRightBracket, "']'"));
    } else {
      return Status::Ok();
    }
    first = false;
  }
}

Status Parser::ParseSet(std::vector<Literal>& out) {
  KENES_RETURN_IF_ERROR(Expect(TokenKind::kLeftParen, "'('"));
  if (Accept(TokenKind::kRightParen)) return Status::Ok();
  do {
    KENES_RETURN_IF_ERROR(ParseLiteral(out.emplace_back()));
  } while (Accept(TokenKind::kComma));
  return Expect(TokenKind::kRightParen, "',' or ')'");
}

Status Parser::ParseStringLiteral(Literal& out) {
  if (current_.kind != TokenKind::kString) return ErrorExpected("a string");
  return ParseLiteral(out);
}

Status Parser::ParseLiteral(Literal& out) {
  const Token token = current_;
  switch (token.kind) {
    case TokenKind::kInteger: {
      out.kind = LiteralKind::kInteger;
      const std::string_view number = WithoutPlus(token.text);
      const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), out.integer);
      if (error != std::errc() || end != number.data() + number.size()) {
        return ErrorAt(token.offset, "integer out of range");
      }
      break;
    }
    case TokenKind::kFloat: {
      out.kind = LiteralKind::kFloat;
      const std::string_view number = WithoutPlus(token.text);
      const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), out.real);
      if (error != std::errc() || end != number.data() + number.size()) {
        return ErrorAt(token.offset, "number out of range");
      }
      break;
    }
    case TokenKind::kString:
      out.kind = LiteralKind::kString;
      out.text = Unescape(QuotedBody(token.text));
      break;
    case TokenKind::kBoolean:
      out.kind = LiteralKind::kBoolean;
      out.boolean = token.text == "true";
      break;
    case TokenKind::kTimestamp:
      out.kind = LiteralKind::kTimestamp;
      out.text = std::string(QuotedBody(token.text));
      out.timestamp = ParseTimestamp(out.text);
      break;
    case TokenKind::kBinary:
      out.kind = LiteralKind::kBinary;
      out.text = DecodeBase64(QuotedBody(token.text));
      break;
    case TokenKind::kHex:
      out.kind = LiteralKind::kHex;
      out.text = DecodeHex(QuotedBody(token.text));
      break;
    default: return ErrorExpected("a literal");
  }
  Advance();
  return Status::Ok();
}

template <typename Expression, typename Kind>
Status Parser::ParseChain(Expression& out, TokenKind operator_token, Kind kind,
                          Status (Parser::*parse_operand)(Expression&)) {
  KENES_RETURN_IF_ERROR((this->*parse_operand)(out));
  if (!Accept(operator_token)) return Status::Ok();
  Expression chain;
  chain.kind = kind;
  chain.operands.push_back(std::move(out));
  do {
    KENES_RETURN_IF_ERROR((this->*parse_operand)(chain.operands.emplace_back()));
  } while (Accept(operator_token));
  out = std::move(chain);
  return Status::Ok();
}

Status Parser::Expect(TokenKind kind, std::string_view expected) {
  if (current_.kind != kind) return ErrorExpected(expected);
  Advance();
  return Status::Ok();
}

bool Parser::Accept(TokenKind kind) {
  if (current_.kind != kind) return false;
  Advance();
  return true;
}

template <typename Expression>
Status Parser::ParseEnclosed(Expression& out, Status (Parser::*parse_inside)(Expression&), TokenKind close,
                             std::string_view close_text) {
  if (++nesting_ > kMaxNesting) {
    return ErrorAt(current_.offset, fmt::format("brackets nested deeper than {}", kMaxNesting));
  }
  KENES_RETURN_IF_ERROR((this->*parse_inside)(out));
  --nesting_;
  return Expect(close, close_text);
}

Status Parser::ErrorExpected(std::string_view expected) const {
  if (current_.kind == TokenKind::kEnd) {
    return ErrorAt(current_.offset, fmt::format("expected {} but found the end of the pattern", expected));
  }
  // Long literals are cut so that the message stays one readable line.
  constexpr size_t kShownLength = 40;
  const std::string_view shown = current_.text.substr(0, kShownLength);
  const bool is_invalid = current_.kind == TokenKind::kInvalid;
  return ErrorAt(current_.offset, fmt::format("expected {} but found '{}{}'{}{}", expected, shown,
                                              current_.text.size() > kShownLength ? "..." : "", is_invalid ? ": " : "",
                                              is_invalid ? current_.error : ""));
}

Status Parser::ErrorAt(size_t offset, std::string_view message) const { return ErrorAtOffset(text_, offset, message); }

}  // namespace kenes::pattern
