// Binding streams: the observation-expression half of matching. A binding
// assigns observation instances to the bracketed observations of a pattern;
// each operator and qualifier turns the streams of its operands into its own,
// exactly as the OASIS reference matcher (stix2-matcher) does:
//
// - an observed-data with number_observed N stands for N instances;
// - AND and FOLLOWEDBY join bindings that share no instance (FOLLOWEDBY also
//   needs the left side's latest first_observed <= the right side's earliest
//   last_observed), in the reference's interleaved order;
// - OR yields one side's bindings at a time, alternating;
// - REPEATS n TIMES yields combinations of n pairwise disjoint bindings, with
//   the reference's pruning;
// - WITHIN and START/STOP filter by the instances' time intervals.
//
// The order matters: the first binding is the match Evaluate reports. Streams
// are lazy, so a match stops the search. Not thread-safe; each Evaluate builds
// its own streams over data it owns and keeps alive while they run.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "pattern/generator.h"

namespace kenes::pattern {

// One of the number_observed instances of an observation, the observation being a position in the
// list the caller evaluates.
struct Instance {
  uint32_t observation = 0;
  uint32_t copy = 0;
  friend bool operator==(const Instance&, const Instance&) = default;
  friend auto operator<=>(const Instance&, const Instance&) = default;
};

using Binding = std::vector<Instance>;

// Bounds the work of one search, so that a pattern whose bindings explode (REPEATS over many
// observations, say) fails instead of running for hours: each binding a stream examines costs a
// unit, and once the units are spent every stream ends early.
struct SearchBudget {
  int64_t remaining = 0;
  bool Spend() { return --remaining >= 0; }  // false once exhausted
  bool exhausted() const { return remaining < 0; }
};

// An observation's interval, in microseconds since the epoch (the reference's precision).
struct ObservationTimes {
  int64_t first_observed = 0;
  int64_t last_observed = 0;
  int64_t number_observed = 1;
};

// Every instance of each observation in `observations`, in that order, as one-instance bindings.
Generator<Binding> InstancesOf(std::span<const uint32_t> observations, std::span<const ObservationTimes> times,
                               SearchBudget& budget);

Generator<Binding> EitherOf(Generator<Binding> left, Generator<Binding> right, SearchBudget& budget);
Generator<Binding> BothOf(Generator<Binding> left, Generator<Binding> right, SearchBudget& budget);
Generator<Binding> FollowedBy(Generator<Binding> left, Generator<Binding> right, std::span<const ObservationTimes> times,
                              SearchBudget& budget);

// REQUIRES: count >= 1.
Generator<Binding> Repeated(Generator<Binding> bindings, int64_t count, SearchBudget& budget);

// Bindings whose instances can all be observed within `microseconds` of each other.
Generator<Binding> Within(Generator<Binding> bindings, int64_t microseconds, std::span<const ObservationTimes> times,
                          SearchBudget& budget);

// Bindings whose every instance may have been observed in [start, stop).
Generator<Binding> StartStop(Generator<Binding> bindings, int64_t start, int64_t stop,
                             std::span<const ObservationTimes> times, SearchBudget& budget);

}  // namespace kenes::pattern
