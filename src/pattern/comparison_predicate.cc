#include "pattern/comparison_predicate.h"

#include <fmt/format.h>

namespace kenes::pattern {
namespace {

// Python's type() of a literal, for the reference's "homogeneous set" rule: binary and hex are
// both bytes.
int PythonType(LiteralKind kind) { return kind == LiteralKind::kHex ? static_cast<int>(LiteralKind::kBinary) : static_cast<int>(kind); }

Status CheckHomogeneous(const std::vector<Literal>& values) {
  bool same_type = true;
  bool all_numbers = true;
  for (const Literal& value : values) {
    same_type = same_type && PythonType(value.kind) == PythonType(values.front().kind);
    all_numbers = all_numbers && (value.kind == LiteralKind::kInteger || value.kind == LiteralKind::kFloat);
  }
  if (same_type || all_numbers) return Status::Ok();
  return Status::InvalidArgument("an IN set mixes values of different types");
}

bool ApplyOrder(ComparisonOperator op, int sign) {
  switch (op) {
    case ComparisonOperator::kLess: return sign < 0;
    case ComparisonOperator::kLessOrEqual: return sign <= 0;
    case ComparisonOperator::kGreater: return sign > 0;
    default: return sign >= 0;
  }
}

Status AtOffset(const Comparison& comparison, const Status& status) {
  return Status::InvalidArgument(fmt::format("at offset {}: {}", comparison.offset, status.message()));
}

}  // namespace

Result<ComparisonPredicate> ComparisonPredicate::Create(const Comparison& comparison) {
  ComparisonPredicate predicate(comparison);
  auto failed = [&comparison](const Status& status) { return AtOffset(comparison, status); };
  switch (comparison.op) {
    case ComparisonOperator::kExists:
      break;
    case ComparisonOperator::kIn: {
      if (Status status = CheckHomogeneous(comparison.values); !status.ok()) return failed(status);
      for (const Literal& value : comparison.values) {
        Result<PreparedLiteral> prepared = PrepareLiteral(value);
        if (!prepared.ok()) return failed(prepared.status());
        predicate.set_.push_back(std::move(prepared).value());
      }
      break;
    }
    case ComparisonOperator::kLike:
    case ComparisonOperator::kMatches: {
      Result<TextRegex> regex = comparison.op == ComparisonOperator::kLike ? TextRegex::ForLike(comparison.value.text)
                                                                          : TextRegex::ForMatches(comparison.value.text);
      if (!regex.ok()) return failed(regex.status());
      predicate.regex_.emplace(std::move(regex).value());
      break;
    }
    case ComparisonOperator::kIsSubset:
    case ComparisonOperator::kIsSuperset: {
      Result<IpNetwork> network =
          ParseIpNetwork(comparison.value.text, comparison.op == ComparisonOperator::kIsSubset);
      if (network.ok()) {
        predicate.network_ = network.value();
      } else {
        predicate.network_error_ = failed(network.status());
      }
      break;
    }
    default: {
      Result<PreparedLiteral> prepared = PrepareLiteral(comparison.value);
      if (!prepared.ok()) return failed(prepared.status());
      predicate.literal_ = std::move(prepared).value();
    }
  }
  return predicate;
}

Result<bool> ComparisonPredicate::Test(const ObservedValue& value, std::string& buffer) const {
  const ComparisonOperator op = comparison_->op;
  if (op == ComparisonOperator::kLess || op == ComparisonOperator::kLessOrEqual || op == ComparisonOperator::kGreater ||
      op == ComparisonOperator::kGreaterOrEqual) {
    KENES_ASSIGN_OR_RETURN(const Ordering ordering, OrderAgainst(literal_, value));
    // The reference returns false before applying NOT when the types have no order at all.
    if (ordering.outcome == Ordering::Outcome::kUnordered) return false;
    const bool result = ordering.outcome == Ordering::Outcome::kOrdered && ApplyOrder(op, ordering.sign);
    return result != comparison_->negated;
  }
  KENES_ASSIGN_OR_RETURN(const bool result, TestOperator(value, buffer));
  return result != comparison_->negated;
}

Result<bool> ComparisonPredicate::TestOperator(const ObservedValue& value, std::string& buffer) const {
  switch (comparison_->op) {
    case ComparisonOperator::kEqual:
      return LiteralEquals(literal_, value);
    case ComparisonOperator::kNotEqual: {
      KENES_ASSIGN_OR_RETURN(const bool equal, LiteralEquals(literal_, value));
      return !equal;
    }
    case ComparisonOperator::kIn:
      return SetContains(set_, value);
    case ComparisonOperator::kLike:
    case ComparisonOperator::kMatches:
      if (value.IsJson(JsonValue::Kind::kString)) return regex_->MatchesText(value.json->text, buffer);
      if (value.kind == ObservedValue::Kind::kBytes) return regex_->MatchesBytes(value.bytes, buffer);
      return false;
    case ComparisonOperator::kIsSubset:
    case ComparisonOperator::kIsSuperset:
      return TestNetwork(value);
    default:
      return false;
  }
}

Result<bool> ComparisonPredicate::TestNetwork(const ObservedValue& value) const {
  if (!value.IsJson(JsonValue::Kind::kString)) return false;
  const bool subset = comparison_->op == ComparisonOperator::kIsSubset;
  // The value is the inner network of ISSUBSET and the outer one of ISSUPERSET.
  Result<IpNetwork> observed = ParseIpNetwork(value.json->text, !subset);
  if (!observed.ok()) return observed.status();
  if (!network_) return network_error_;
  return subset ? network_->Contains(observed.value()) : observed->Contains(*network_);
}

}  // namespace kenes::pattern
