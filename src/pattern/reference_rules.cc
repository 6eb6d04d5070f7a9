#include "pattern/reference_rules.h"

#include <fmt/format.h>

#include "pattern/hash_rule.h"
#include "pattern/source_location.h"

namespace kenes::pattern {
namespace {

const char* QualifierName(QualifierKind kind) {
  switch (kind) {
    case QualifierKind::kWithin: return "WITHIN";
    case QualifierKind::kRepeats: return "REPEATS";
    case QualifierKind::kStartStop: return "START/STOP";
  }
  return "";
}

Status CheckComparisons(const ComparisonExpression& expression, std::string_view text) {
  if (expression.kind != ComparisonExpressionKind::kComparison) {
    for (const ComparisonExpression& operand : expression.operands) {
      KENES_RETURN_IF_ERROR(CheckComparisons(operand, text));
    }
    return Status::Ok();
  }
  const std::string problem = HashValueProblem(expression.comparison);
  return problem.empty() ? Status::Ok() : ErrorAtOffset(text, expression.comparison.offset, problem);
}

Status CheckObservations(const ObservationExpression& expression, StixVersion version, std::string_view text) {
  for (const ObservationExpression& operand : expression.operands) {
    KENES_RETURN_IF_ERROR(CheckObservations(operand, version, text));
  }
  if (expression.kind != ObservationExpressionKind::kObservation) return Status::Ok();
  KENES_RETURN_IF_ERROR(CheckComparisons(expression.comparison, text));
  if (version != StixVersion::k21) return Status::Ok();
  const std::vector<Qualifier>& qualifiers = expression.qualifiers;
  for (size_t later = 1; later < qualifiers.size(); ++later) {
    for (size_t earlier = 0; earlier < later; ++earlier) {
      if (qualifiers[earlier].kind == qualifiers[later].kind) {
        return ErrorAtOffset(text, qualifiers[later].offset,
                             fmt::format("duplicate {} qualifier on one observation; put the observation in "
                                         "parentheses to qualify it again",
                                         QualifierName(qualifiers[later].kind)));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckReferenceRules(const Pattern& pattern, std::string_view text) {
  return CheckObservations(pattern.root, pattern.version, text);
}

}  // namespace kenes::pattern
