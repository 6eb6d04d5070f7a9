// ReferenceRules: the checks of meaning that the OASIS reference validator
// (stix2-patterns) makes on a pattern that is already grammatical, so that
// CheckSyntax gives the reference's verdict:
//   - a value compared with a known hash algorithm has that algorithm's form;
//   - in STIX 2.1, one observation carries at most one WITHIN, one REPEATS and
//     one START/STOP (a parenthesised group may be qualified again).
// The reference matcher does not make these checks, so Parse does not either.
// Pure function; thread-safe.
#pragma once

#include <string_view>

#include "base/status.h"
#include "pattern/ast.h"

namespace kenes::pattern {

// `text` is what `pattern` was parsed from; errors point into it ("line L, column C: ...").
Status CheckReferenceRules(const Pattern& pattern, std::string_view text);

}  // namespace kenes::pattern
