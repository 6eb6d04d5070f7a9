// Matcher: evaluates a parsed pattern against a set of observations with the
// semantics of the STIX 2.1 specification (section 9) and of the OASIS
// reference matcher (stix2-matcher), for STIX 2.0 and 2.1 patterns alike.
//
// - Comparisons follow the reference's type rules: numbers compare across
//   integer and float; a string compares with a string, a timestamp literal
//   with a string holding a timestamp, binary/hex with base64 strings; other
//   combinations do not match, and a few are errors, as in the reference.
// - ISSUBSET/ISSUPERSET compare IPv4/IPv6 addresses and CIDR blocks, LIKE is
//   SQL LIKE (% and _), MATCHES is a regular expression run with RE2. RE2 has
//   no backreferences, lookahead/lookbehind, possessive quantifiers or atomic
//   groups: a pattern using them is refused by Create with an error naming the
//   construct, never silently matched differently.
// - An observation expression matches a set of observed-data objects; AND,
//   OR and FOLLOWEDBY combine them; WITHIN, START/STOP and REPEATS restrict
//   them by first_observed/last_observed and number_observed.
//
// Create once, match many times: Match is const and may be called from any
// number of threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/observation.h"

namespace kenes::pattern {

// A match: the observations (indexes into ObservationSet::observed_data()) that together satisfy
// the pattern, each once, in ascending order.
struct Match {
  std::vector<size_t> observations;
};

class Matcher {
 public:
  // Prepares `pattern`: compiles its regular expressions and checks what the reference checks
  // before matching. Errors: InvalidArgument naming the problem and where it is in the pattern.
  static Result<Matcher> Create(Pattern pattern);

  // The first match of the pattern among all observations of `set`, or nullopt when it does not
  // match. Errors: InvalidArgument where the reference matcher raises an error at match time (a
  // timestamp literal compared with a value that is not a valid timestamp, WITHIN 0 SECONDS, ...);
  // ResourceExhausted when the ways to bind observations are too many to search (REPEATS over many
  // observations can explode combinatorially; the search stops after a fixed number of steps).
  Result<std::optional<Match>> Evaluate(const ObservationSet& set) const;

  // As above, among the observations `among` (indexes into set.observed_data()) only.
  Result<std::optional<Match>> Evaluate(const ObservationSet& set, std::span<const size_t> among) const;

  const Pattern& pattern() const;

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

 private:
  struct Compiled;
  explicit Matcher(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace kenes::pattern
