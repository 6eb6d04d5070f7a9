// The STIX patterning language: turning the text of an indicator's `pattern`
// into a syntax tree (ast.h) that the matcher evaluates.
//
// Both dialects are understood: STIX 2.1 (EXISTS, START/STOP with timestamp
// literals, one qualifier of each kind per observation) and STIX 2.0 (START/STOP
// with plain strings, no EXISTS). Parse accepts what the grammar accepts, as
// the OASIS reference matcher does; CheckSyntax adds the checks of meaning the
// reference validator makes (reference_rules.h), so its verdicts are the
// validator's.
//
// Stateless and thread-safe: call from any thread; the returned tree is the
// caller's and holds no reference to `text`.
#pragma once

#include <string_view>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/pattern_text.h"

namespace kenes::pattern {

// Parses a whole pattern by the grammar of `version`.
// Errors: Status::InvalidArgument("line L, column C: ...") with 1-based line and column (columns
// count characters, not bytes), saying what was expected and what was found.
Result<Pattern> Parse(std::string_view text, StixVersion version = StixVersion::k21);

// Syntax and the validator-level checks of meaning (hash value forms; in 2.1 no qualifier kind twice
// on one observation), with errors like Parse's; used by the STIX object validator.
Status CheckSyntax(std::string_view text, StixVersion version = StixVersion::k21);

}  // namespace kenes::pattern
