// The values an object path may select in an observable, for the indicator index to look up.
//
// The walk is deliberately generous, so that it never misses a value the matcher selects: a
// `_ref` step follows the reference (and a `_refs` step each of its references) through
// ObservationSet::Resolve; `[n]` is taken as `[*]`; an index step on something that is not a list
// passes it through and a key step on a list applies to each element; a selected list yields its
// elements too. Extra values only add candidates, which the matcher then rejects.
//
// Pure function: call from any thread while the set is not being filled.
#pragma once

#include <cstddef>
#include <vector>

#include "pattern/ast.h"
#include "pattern/observation.h"

namespace kenes::pattern {

// Appends to `values` what `steps` may select in `object`, an observable of observation `index`.
void ValuesAtPath(const ObservationSet& set, size_t index, const JsonValue& object, const std::vector<PathStep>& steps,
                  std::vector<const JsonValue*>* values);

}  // namespace kenes::pattern
