#include "pattern/pattern_text.h"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

namespace kenes::pattern {
namespace {

bool IsKeyword(std::string_view word) {
  static constexpr std::string_view kKeywords[] = {
      "AND", "OR",    "NOT",  "FOLLOWEDBY", "LIKE",   "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST",
      "IN",  "START", "STOP", "SECONDS",    "WITHIN", "REPEATS", "TIMES",      "true",     "false"};
  for (std::string_view keyword : kKeywords) {
    if (word == keyword) return true;
  }
  return false;
}

// A key that may be written without quotes: a property-name identifier that is no keyword.
bool IsPlainName(std::string_view key) {
  if (key.empty() || !((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_')) {
    return false;
  }
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return !IsKeyword(key);
}

// The shortest digits that read back as the same double, in the grammar's fixed notation: it has no
// exponents.
std::string FixedNotation(double value) {
  std::string number = fmt::format("{}", value);
  const size_t exponent_at = number.find('e');
  if (exponent_at != std::string::npos) {
    const int exponent = std::stoi(number.substr(exponent_at + 1));
    std::string mantissa = number.substr(0, exponent_at);
    const bool negative = mantissa.front() == '-';
    if (negative) mantissa.erase(0, 1);
    std::string digits;
    for (char c : mantissa) {
      if (c != '.') digits.push_back(c);
    }
    // The mantissa has one digit before its point, so the point moves to 1 + exponent.
    const int point = 1 + exponent;
    if (point <= 0) {
      digits = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (static_cast<size_t>(point) >= digits.size()) {
      digits += std::string(static_cast<size_t>(point) - digits.size(), '0');
    } else {
      digits.insert(static_cast<size_t>(point), ".");
    }
    number = (negative ? "-" : "") + digits;
  }
  return number;
}

// Always with a point, so that a float never reads back as an integer.
void AppendFloat(std::string& out, double value) {
  const std::string number = FixedNotation(value);
  out += number;
  if (number.find('.') == std::string::npos) out += ".0";
}

void AppendQuoted(std::string& out, std::string_view text) {
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

void AppendBase64(std::string& out, std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t group = static_cast<uint8_t>(bytes[i]) << 16 | static_cast<uint8_t>(bytes[i + 1]) << 8 |
                           static_cast<uint8_t>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(group >> shift) & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return;
  uint32_t group = static_cast<uint8_t>(bytes[i]) << 16;
  if (rest == 2) group |= static_cast<uint8_t>(bytes[i + 1]) << 8;
  out.push_back(kAlphabet[(group >> 18) & 63]);
  out.push_back(kAlphabet[(group >> 12) & 63]);
  out.append(rest == 2 ? std::string(1, kAlphabet[(group >> 6) & 63]) + "=" : "==");
}

void AppendLiteral(std::string& out, const Literal& literal) {
  switch (literal.kind) {
    case LiteralKind::kInteger: fmt::format_to(std::back_inserter(out), "{}", literal.integer); break;
    case LiteralKind::kFloat: AppendFloat(out, literal.real); break;
    case LiteralKind::kString: AppendQuoted(out, literal.text); break;
    case LiteralKind::kBoolean: out += literal.boolean ? "true" : "false"; break;
    case LiteralKind::kTimestamp: out += "t'" + literal.text + "'"; break;
    case LiteralKind::kBinary:
      out += "b'";
      AppendBase64(out, literal.text);
      out.push_back('\'');
      break;
    case LiteralKind::kHex:
      out += "h'";
      for (char c : literal.text) fmt::format_to(std::back_inserter(out), "{:02x}", static_cast<uint8_t>(c));
      out.push_back('\'');
      break;
  }
}

void AppendPath(std::string& out, const ObjectPath& path) {
  out += path.object_type;
  out.push_back(':');
  bool first = true;
  for (const PathStep& step : path.steps) {
    switch (step.kind) {
      case PathStep::Kind::kKey:
        if (!first) out.push_back('.');
        if (IsPlainName(step.key)) {
          out += step.key;
        } else {
          AppendQuoted(out, step.key);
        }
        break;
      case PathStep::Kind::kIndex: fmt::format_to(std::back_inserter(out), "[{}]", step.index); break;
      case PathStep::Kind::kAnyIndex: out += "[*]"; break;
    }
    first = false;
  }
}

const char* OperatorText(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kEqual: return "=";
    case ComparisonOperator::kNotEqual: return "!=";
    case ComparisonOperator::kLess: return "<";
    case ComparisonOperator::kLessOrEqual: return "<=";
    case ComparisonOperator::kGreater: return ">";
    case ComparisonOperator::kGreaterOrEqual: return ">=";
    case ComparisonOperator::kIn: return "IN";
    case ComparisonOperator::kLike: return "LIKE";
    case ComparisonOperator::kMatches: return "MATCHES";
    case ComparisonOperator::kIsSubset: return "ISSUBSET";
    case ComparisonOperator::kIsSuperset: return "ISSUPERSET";
    case ComparisonOperator::kExists: return "EXISTS";
  }
  return "";
}

void AppendComparison(std::string& out, const Comparison& comparison) {
  if (comparison.op == ComparisonOperator::kExists) {
    out += "EXISTS ";
    AppendPath(out, comparison.path);
    return;
  }
  AppendPath(out, comparison.path);
  out += comparison.negated ? " NOT " : " ";
  out += OperatorText(comparison.op);
  out.push_back(' ');
  if (comparison.op != ComparisonOperator::kIn) {
    AppendLiteral(out, comparison.value);
    return;
  }
  out.push_back('(');
  for (size_t i = 0; i < comparison.values.size(); ++i) {
    if (i > 0) out += ", ";
    AppendLiteral(out, comparison.values[i]);
  }
  out.push_back(')');
}

void AppendQualifier(std::string& out, const Qualifier& qualifier) {
  switch (qualifier.kind) {
    case QualifierKind::kWithin:
      out += " WITHIN ";
      // Whole numbers of seconds read best as integers, but only those an integer literal can hold.
      if (qualifier.seconds == std::floor(qualifier.seconds) && qualifier.seconds < 9.2e18) {
        out += FixedNotation(qualifier.seconds);
      } else {
        AppendFloat(out, qualifier.seconds);
      }
      out += " SECONDS";
      break;
    case QualifierKind::kRepeats: fmt::format_to(std::back_inserter(out), " REPEATS {} TIMES", qualifier.times); break;
    case QualifierKind::kStartStop:
      out += " START ";
      AppendLiteral(out, qualifier.start);
      out += " STOP ";
      AppendLiteral(out, qualifier.stop);
      break;
  }
}

// Describe writes operator chains in prefix form, "(AND a b c)"; ToPatternText writes them as the
// grammar does, "a AND b AND c".
enum class Style { kPrefix, kPattern };

template <typename Expression, typename AppendOperand>
void AppendChain(std::string& out, std::string_view operator_name, const Expression& chain, Style style,
                 AppendOperand append_operand) {
  if (style == Style::kPrefix) {
    out += "(";
    out += operator_name;
  }
  for (size_t i = 0; i < chain.operands.size(); ++i) {
    if (style == Style::kPrefix || i > 0) out.push_back(' ');
    if (style == Style::kPattern && i > 0) {
      out += operator_name;
      out.push_back(' ');
    }
    append_operand(chain.operands[i]);
  }
  if (style == Style::kPrefix) out.push_back(')');
}

void AppendComparisonExpression(std::string& out, const ComparisonExpression& expression, Style style,
                                bool is_operand) {
  if (expression.kind == ComparisonExpressionKind::kComparison) {
    AppendComparison(out, expression.comparison);
    return;
  }
  // Inside brackets parentheses make no node, so a chain within a chain needs them to read back.
  const bool parenthesise = style == Style::kPattern && is_operand;
  if (parenthesise) out.push_back('(');
  AppendChain(out, expression.kind == ComparisonExpressionKind::kAnd ? "AND" : "OR", expression, style,
              [&](const ComparisonExpression& operand) { AppendComparisonExpression(out, operand, style, true); });
  if (parenthesise) out.push_back(')');
}

void AppendObservationExpression(std::string& out, const ObservationExpression& expression, Style style) {
  const auto append_operand = [&](const ObservationExpression& operand) {
    AppendObservationExpression(out, operand, style);
  };
  switch (expression.kind) {
    case ObservationExpressionKind::kObservation:
      out.push_back('[');
      AppendComparisonExpression(out, expression.comparison, style, false);
      out.push_back(']');
      break;
    case ObservationExpressionKind::kGroup:
      out.push_back('(');
      append_operand(expression.operands[0]);
      out.push_back(')');
      break;
    // Between observations a chain's operands are observations, groups or chains of operators that
    // bind tighter, so the pattern form needs no added parentheses.
    case ObservationExpressionKind::kAnd: AppendChain(out, "AND", expression, style, append_operand); break;
    case ObservationExpressionKind::kOr: AppendChain(out, "OR", expression, style, append_operand); break;
    case ObservationExpressionKind::kFollowedBy:
      AppendChain(out, "FOLLOWEDBY", expression, style, append_operand);
      break;
  }
  for (const Qualifier& qualifier : expression.qualifiers) AppendQualifier(out, qualifier);
}

}  // namespace

std::string Describe(const Pattern& pattern) {
  std::string out;
  AppendObservationExpression(out, pattern.root, Style::kPrefix);
  return out;
}

std::string ToPatternText(const Pattern& pattern) {
  std::string out;
  AppendObservationExpression(out, pattern.root, Style::kPattern);
  return out;
}

}  // namespace kenes::pattern
