#include "pattern/binding_stream.h"

#include <algorithm>
#include <deque>
#include <functional>

namespace kenes::pattern {
namespace {

bool Disjoint(const Binding& a, const Binding& b) {
  for (const Instance& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return false;
  }
  return true;
}

Binding Concat(const Binding& a, const Binding& b) {
  Binding joined;
  joined.reserve(a.size() + b.size());
  joined.insert(joined.end(), a.begin(), a.end());
  joined.insert(joined.end(), b.begin(), b.end());
  return joined;
}

int64_t LatestFirstObserved(const Binding& binding, std::span<const ObservationTimes> times) {
  int64_t latest = INT64_MIN;
  for (const Instance& instance : binding) latest = std::max(latest, times[instance.observation].first_observed);
  return latest;
}

int64_t EarliestLastObserved(const Binding& binding, std::span<const ObservationTimes> times) {
  int64_t earliest = INT64_MAX;
  for (const Instance& instance : binding) earliest = std::min(earliest, times[instance.observation].last_observed);
  return earliest;
}

using JoinTest = std::function<bool(const Binding& left, const Binding& right)>;

// The reference's join of two generators: each new binding of one side meets every binding the
// other side has produced so far, the sides taking turns (right first); joined bindings list the
// left side's instances first.
Generator<Binding> JoinOf(Generator<Binding> left, Generator<Binding> right, JoinTest test, SearchBudget& budget) {
  struct Side {
    Generator<Binding>* source;
    bool is_left;
    std::vector<Binding> seen;
    Binding next;
    bool has_next = false;
    void Advance() {
      has_next = source->Next();
      if (has_next) next = source->value();
    }
  };
  Side sides[2] = {{&right, false, {}, {}}, {&left, true, {}, {}}};
  for (Side& side : sides) side.Advance();
  if (!sides[0].has_next || !sides[1].has_next) co_return;
  while (sides[0].has_next || sides[1].has_next) {
    for (int turn = 0; turn < 2; ++turn) {
      Side& side = sides[turn];
      if (!side.has_next) continue;
      for (const Binding& seen : sides[1 - turn].seen) {
        if (!budget.Spend()) co_return;
        const Binding& earlier = side.is_left ? side.next : seen;
        const Binding& later = side.is_left ? seen : side.next;
        if (test(earlier, later)) co_yield Concat(earlier, later);
      }
      side.seen.push_back(std::move(side.next));
      side.Advance();
    }
  }
}

// An upper bound on how many pairwise disjoint bindings `bindings` can provide (the reference's
// _bound_largest_combination): smaller bindings are counted first, as they use fewer instances.
int64_t LargestCombinationBound(const std::vector<const Binding*>& bindings) {
  if (bindings.empty()) return 0;
  size_t largest = 0;
  for (const Binding* binding : bindings) largest = std::max(largest, binding->size());
  std::vector<std::vector<Instance>> by_size(largest + 1);
  for (const Binding* binding : bindings) {
    by_size[binding->size()].insert(by_size[binding->size()].end(), binding->begin(), binding->end());
  }
  std::vector<Instance> consumed;
  int64_t count = 0;
  for (size_t size = 1; size <= largest; ++size) {
    std::vector<Instance>& instances = by_size[size];
    std::sort(instances.begin(), instances.end());
    instances.erase(std::unique(instances.begin(), instances.end()), instances.end());
    std::vector<Instance> available;
    std::set_difference(instances.begin(), instances.end(), consumed.begin(), consumed.end(),
                        std::back_inserter(available));
    const int64_t n = static_cast<int64_t>(available.size());
    const int64_t per = static_cast<int64_t>(size);
    // Only the largest size rounds down: a partial smaller binding still uses its instances.
    count += size < largest ? (n + per - 1) / per : n / per;
    std::vector<Instance> merged;
    std::merge(consumed.begin(), consumed.end(), available.begin(), available.end(), std::back_inserter(merged));
    consumed = std::move(merged);
  }
  return count;
}

// Combinations of `count` pairwise disjoint bindings of `bindings`, in list order, flattened (the
// reference's _filtered_combinations_from_list). Each is yielded as `prefix` with the combination
// appended, so that the levels of the recursion share one buffer instead of copying. When it can
// tell early that too few exist it stops and sets *missing to how many bindings it lacks, which
// lets its caller prune too. The bindings pointed to must outlive the generator.
Generator<Binding> CombinationsOf(std::vector<const Binding*> bindings, int64_t count, int64_t* missing,
                                  SearchBudget& budget, Binding& prefix) {
  const size_t mark = prefix.size();
  if (count == 1) {
    for (const Binding* binding : bindings) {
      prefix.insert(prefix.end(), binding->begin(), binding->end());
      co_yield prefix;
      prefix.resize(mark);
    }
    co_return;
  }
  if (const int64_t bound = LargestCombinationBound(bindings); bound < count) {
    *missing = count - bound;
    co_return;
  }
  const int64_t last_start = static_cast<int64_t>(bindings.size()) + 1 - count;
  for (int64_t i = 0; i < last_start; ++i) {
    const Binding& head = *bindings[i];
    std::vector<const Binding*> rest;
    for (size_t j = i + 1; j < bindings.size(); ++j) {
      if (!budget.Spend()) co_return;
      if (Disjoint(head, *bindings[j])) rest.push_back(bindings[j]);
    }
    const int64_t dropped = static_cast<int64_t>(bindings.size() - (i + 1) - rest.size());
    int64_t sub_missing = 0;
    bool yielded = false;
    prefix.insert(prefix.end(), head.begin(), head.end());
    Generator<Binding> tails = CombinationsOf(std::move(rest), count - 1, &sub_missing, budget, prefix);
    while (tails.Next()) {
      co_yield tails.value();
      yielded = true;
    }
    prefix.resize(mark);
    if (sub_missing == 0 || yielded) continue;
    // The bindings dropped for meeting `head` could add at most this many to a combination.
    const int64_t could_add = std::min(dropped, static_cast<int64_t>(head.size()));
    const int64_t still_missing = sub_missing + 1 - could_add;
    if (still_missing > 0) {
      if (i == 0) *missing = still_missing;
      co_return;
    }
  }
}

}  // namespace

Generator<Binding> InstancesOf(std::span<const uint32_t> observations, std::span<const ObservationTimes> times,
                               SearchBudget& budget) {
  Binding binding(1);
  for (const uint32_t observation : observations) {
    for (int64_t copy = 0; copy < times[observation].number_observed; ++copy) {
      if (!budget.Spend()) co_return;
      binding[0] = Instance{observation, static_cast<uint32_t>(copy)};
      co_yield binding;
    }
  }
}

Generator<Binding> EitherOf(Generator<Binding> left, Generator<Binding> right, SearchBudget& budget) {
  bool has_left = left.Next();
  bool has_right = right.Next();
  while ((has_left || has_right) && budget.Spend()) {
    if (has_left) {
      co_yield left.value();
      has_left = left.Next();
    }
    if (has_right) {
      co_yield right.value();
      has_right = right.Next();
    }
  }
}

Generator<Binding> BothOf(Generator<Binding> left, Generator<Binding> right, SearchBudget& budget) {
  return JoinOf(std::move(left), std::move(right), Disjoint, budget);
}

Generator<Binding> FollowedBy(Generator<Binding> left, Generator<Binding> right, std::span<const ObservationTimes> times,
                              SearchBudget& budget) {
  // The most favourable choice of times: the left side as early, the right side as late as allowed.
  return JoinOf(std::move(left), std::move(right), [times](const Binding& earlier, const Binding& later) {
    return Disjoint(earlier, later) && LatestFirstObserved(earlier, times) <= EarliestLastObserved(later, times);
  }, budget);
}

Generator<Binding> Repeated(Generator<Binding> bindings, int64_t count, SearchBudget& budget) {
  if (count == 1) {
    while (bindings.Next()) co_yield bindings.value();
    co_return;
  }
  std::deque<Binding> seen;  // a deque: the combinations point into it while it grows
  for (int64_t i = 0; i < count - 1 && bindings.Next(); ++i) seen.push_back(bindings.value());
  while (bindings.Next()) {
    const Binding newest = bindings.value();
    std::vector<const Binding*> compatible;
    for (const Binding& binding : seen) {
      if (!budget.Spend()) co_return;
      if (Disjoint(binding, newest)) compatible.push_back(&binding);
    }
    int64_t missing = 0;
    Binding combination;
    Generator<Binding> heads = CombinationsOf(std::move(compatible), count - 1, &missing, budget, combination);
    while (heads.Next()) {
      // heads.value() is `combination`, which the generator trims back when resumed.
      combination.insert(combination.end(), newest.begin(), newest.end());
      co_yield combination;
      combination.resize(combination.size() - newest.size());
    }
    seen.push_back(newest);
  }
}

Generator<Binding> Within(Generator<Binding> bindings, int64_t microseconds, std::span<const ObservationTimes> times,
                          SearchBudget& budget) {
  while (bindings.Next() && budget.Spend()) {
    const Binding& binding = bindings.value();
    // Some window of that length meets every interval iff it can start at the earliest last_observed.
    if (LatestFirstObserved(binding, times) <= EarliestLastObserved(binding, times) + microseconds) {
      co_yield binding;
    }
  }
}

Generator<Binding> StartStop(Generator<Binding> bindings, int64_t start, int64_t stop,
                             std::span<const ObservationTimes> times, SearchBudget& budget) {
  if (start >= stop) co_return;
  while (bindings.Next() && budget.Spend()) {
    const Binding& binding = bindings.value();
    const bool inside = std::all_of(binding.begin(), binding.end(), [&](const Instance& instance) {
      const ObservationTimes& interval = times[instance.observation];
      return interval.first_observed < stop && start <= interval.last_observed;
    });
    if (inside) co_yield binding;
  }
}

}  // namespace kenes::pattern
