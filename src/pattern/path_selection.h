// Path selection: the values an object path selects in one observable, with
// the reference matcher's rules: a key step looks into objects only, an index
// step into lists only (a negative index selects nothing), [*] takes every
// element; a key ending in _hex or _bin yields the bytes its text encodes; a
// key ending in _ref is replaced by the object it names, one ending in _refs by
// the list of objects it names (names the set does not hold are skipped).
//
// Stateless; thread-safe as long as each thread has its own buffers.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/observation.h"
#include "pattern/observed_value.h"

namespace kenes::pattern {

// Where references found in an observable are looked up: observation `observation` of `set`.
struct ReferenceScope {
  const ObservationSet* set = nullptr;
  size_t observation = 0;
};

// Replaces `out` with the values `steps` select from `root`. `frontier` is a buffer the caller
// reuses. Errors: InvalidArgument where the reference raises (a _ref value that is not a string, a
// _refs value that is not a list of strings, _hex/_bin text that does not decode).
Status SelectPathValues(const std::vector<PathStep>& steps, const JsonValue& root, const ReferenceScope& scope,
                        ValueArena& arena, std::vector<ObservedValue>& frontier, std::vector<ObservedValue>& out);

}  // namespace kenes::pattern
