#include "pattern/pattern.h"

#include "pattern/parser.h"
#include "pattern/reference_rules.h"

namespace kenes::pattern {

Result<Pattern> Parse(std::string_view text, StixVersion version) { return Parser(text, version).ParsePattern(); }

Status CheckSyntax(std::string_view text, StixVersion version) {
  KENES_ASSIGN_OR_RETURN(const Pattern pattern, Parse(text, version));
  return CheckReferenceRules(pattern, text);
}

}  // namespace kenes::pattern
