#include "pattern/ast.h"

#include <fmt/format.h>

namespace kenes::pattern {
namespace {

bool IsPlainName(std::string_view key) {
  if (key.empty() || !((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_')) {
    return false;
  }
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
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
    case LiteralKind::kFloat: {
      // Always with a point, so that a float never reads as an integer.
      const std::string number = fmt::format("{}", literal.real);
      out += number;
      if (number.find_first_of(".eni") == std::string::npos) out += ".0";
      break;
    }
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

void AppendComparisonExpression(std::string& out, const ComparisonExpression& expression) {
  if (expression.kind == ComparisonExpressionKind::kComparison) {
    AppendComparison(out, expression.comparison);
    return;
  }
  out += expression.kind == ComparisonExpressionKind::kAnd ? "(AND" : "(OR";
  for (const ComparisonExpression& operand : expression.operands) {
    out.push_back(' ');
    AppendComparisonExpression(out, operand);
  }
  out.push_back(')');
}

void AppendQualifier(std::string& out, const Qualifier& qualifier) {
  switch (qualifier.kind) {
    case QualifierKind::kWithin:
      fmt::format_to(std::back_inserter(out), " WITHIN {} SECONDS", qualifier.seconds);
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

void AppendObservationExpression(std::string& out, const ObservationExpression& expression) {
  switch (expression.kind) {
    case ObservationExpressionKind::kObservation:
      out.push_back('[');
      AppendComparisonExpression(out, expression.comparison);
      out.push_back(']');
      break;
    case ObservationExpressionKind::kGroup:
      out.push_back('(');
      AppendObservationExpression(out, expression.operands[0]);
      out.push_back(')');
      break;
    case ObservationExpressionKind::kAnd:
    case ObservationExpressionKind::kOr:
    case ObservationExpressionKind::kFollowedBy:
      out += expression.kind == ObservationExpressionKind::kAnd  ? "(AND"
             : expression.kind == ObservationExpressionKind::kOr ? "(OR"
                                                                 : "(FOLLOWEDBY";
      for (const ObservationExpression& operand : expression.operands) {
        out.push_back(' ');
        AppendObservationExpression(out, operand);
      }
      out.push_back(')');
      break;
  }
  for (const Qualifier& qualifier : expression.qualifiers) AppendQualifier(out, qualifier);
}

}  // namespace

bool PathStep::IsReference() const { return kind == Kind::kKey && (key.ends_with("_ref") || key.ends_with("_refs")); }

std::string Describe(const Pattern& pattern) {
  std::string out;
  AppendObservationExpression(out, pattern.root);
  return out;
}

}  // namespace kenes::pattern
