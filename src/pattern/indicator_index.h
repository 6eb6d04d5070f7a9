// IndicatorIndex: finds, for one observation, the few patterns among many that
// can match it, so that the matcher runs only on those.
//
// Each pattern is reduced to its atoms (pattern_cover.h): `=` and `IN` comparisons on an object
// path, e.g. ipv4-addr:value = '198.51.100.7' or file:hashes.'SHA-256' IN (...); the text a LIKE
// fixes at its start or end; the block of an ISSUBSET; the literals a MATCHES regex needs
// (regex_filter.h); and, for every other comparison, its object type. A pattern is filed under a
// set of atoms (a "cover") such that it cannot match a set of observations in which the
// observation takes part unless one of that observation's observables satisfies one of the atoms:
// - in a comparison expression, AND needs the cover of one operand (the cheapest: a type atom
//   weighs as much as many value atoms), OR the union of its operands' covers;
// - between observations, AND, OR and FOLLOWEDBY all take the union, since the
//   new observation may be the one that satisfies any operand;
// - a comparison that is negated, or uses another operator, or whose literal the matcher reads
//   rather than compares as text (timestamps, binary, hex, `_hex`/`_bin` properties), gives only
//   its object type: the matcher tests a comparison only on observables of that type. Patterns
//   filed under such a type atom are "unindexed": candidates for every observation with an
//   observable of that type, to be evaluated in full.
// Candidates are a superset of the patterns that match: the caller evaluates
// each with its Matcher. Values are compared as the matcher compares them with
// `=` (strings exactly, numbers by value across integer and float), addresses as its
// ParseIpNetwork reads them; strings beyond ASCII, which the matcher puts in NFC before LIKE and
// MATCHES, make every LIKE and MATCHES on their path a candidate.
//
// Not thread-safe for Add/Remove; Candidates is const and may run on many
// threads at once while no one writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "pattern/ast.h"
#include "pattern/observation.h"

namespace kenes::pattern {

class IndicatorIndex {
 public:
  using Handle = uint32_t;  // the caller's name for a pattern, e.g. a position in its own table

  IndicatorIndex();
  ~IndicatorIndex();
  IndicatorIndex(IndicatorIndex&&) noexcept;
  IndicatorIndex& operator=(IndicatorIndex&&) noexcept;

  // Files `pattern` under `handle`. REQUIRES: `handle` is not in the index.
  void Add(Handle handle, const Pattern& pattern);
  // Takes `handle` out; unknown handles are ignored.
  void Remove(Handle handle);

  // Appends to `out`, without duplicates, every handle whose pattern can match a set of
  // observations in which observation `index` of `set` takes part: those with an atom one of
  // its observables satisfies (for unindexed patterns, just by its type).
  void Candidates(const ObservationSet& set, size_t index, std::vector<Handle>* out) const;

  size_t size() const;            // patterns filed
  size_t unindexed_size() const;  // of which filed under a type atom (candidates for every observable of the type)
  size_t MemoryBytes() const;     // an estimate of the heap the index holds

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kenes::pattern
