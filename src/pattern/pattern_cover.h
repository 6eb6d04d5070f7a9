// The cover of a pattern: a set of atoms such that the pattern cannot match a set of observations
// in which an observation takes part unless one of that observation's observables satisfies one
// of the atoms. The indicator index files each pattern under its cover.
//
// Two kinds of atom:
// - a value atom, (object type, path, value key): the observable has that type and the value
//   at that path has that key (value_key.h). It comes from an `=` or `IN` comparison that is not
//   negated, whose literals are strings, numbers or booleans, on a path with no `_hex`/`_bin`
//   step (the matcher reads those as bytes, which a string literal compares with differently);
// - a type atom, (object type): the observable has that type. Every comparison has one, since
//   the matcher tests a comparison only on observables of its object type, whatever the operator
//   and NOT; it is the cover of last resort.
// Within brackets, AND takes the cheapest operand's cover (a type atom weighs as much as
// kTypeAtomWeight value atoms) and OR the union; between observations, AND, OR and FOLLOWEDBY all
// take the union, since the new observation may be the one that satisfies any operand;
// qualifiers change nothing. `x IN ()` has an empty cover: it never holds.
//
// Pure functions of the tree: call from any thread.
#pragma once

#include <string>
#include <vector>

#include "pattern/ast.h"

namespace kenes::pattern {

struct CoverAtom {
  std::string object_type;
  std::vector<PathStep> steps;  // empty for a type atom
  std::string value_key;        // a value atom's key; empty for a type atom

  bool IsTypeAtom() const { return steps.empty(); }
};

// How many value atoms one type atom is worth when AND picks the operand to cover it: a type atom
// makes a pattern a candidate for every observation with an observable of the type.
inline constexpr size_t kTypeAtomWeight = 1000;

// A text naming `steps`, equal for equal paths only: the index's name for a path.
std::string StepsKey(const std::vector<PathStep>& steps);

// The cover of `pattern`, without duplicate atoms.
std::vector<CoverAtom> CoverOf(const Pattern& pattern);

}  // namespace kenes::pattern
