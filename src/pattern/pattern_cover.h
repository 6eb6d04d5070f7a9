// The cover of a pattern: a set of atoms such that the pattern cannot match a set of observations
// in which an observation takes part unless one of that observation's observables satisfies one
// of the atoms. The indicator index files each pattern under its cover.
//
// The atoms, from the most to the least selective:
// - a value atom: the value at a path has a key (value_key.h). From an `=` or `IN` comparison
//   whose literals are strings, numbers or booleans;
// - a prefix or suffix atom: the string at a path starts (ends) with a text. From LIKE, whose
//   literal fixes the text before its first wildcard and after its last (at most kMaxAffix
//   characters of it); only ASCII texts, which the matcher's NFC normalisation leaves alone;
// - a network atom: the IP address or block at a path lies within a block. From ISSUBSET;
// - a regex atom: the string at a path may match a regular expression (regex_filter.h). From
//   MATCHES;
// - a type atom: the observable has the type. Every comparison has one, since the matcher tests a
//   comparison only on observables of its object type, whatever the operator and NOT; it is the
//   cover of last resort, for negated comparisons, the other operators, timestamp, binary and hex
//   literals (which the matcher reads rather than compares as text) and paths through a `_hex` or
//   `_bin` property (which the matcher reads as bytes).
// Within brackets, AND takes the cheapest operand's cover (weights below) and OR the union;
// between observations, AND, OR and FOLLOWEDBY all take the union, since the new observation may
// be the one that satisfies any operand; qualifiers change nothing. `x IN ()` has an empty cover:
// it never holds.
//
// Pure functions of the tree: call from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pattern/ast.h"
#include "pattern/ip_network.h"

namespace kenes::pattern {

struct CoverAtom {
  enum class Kind : uint8_t { kValue, kPrefix, kSuffix, kNetwork, kRegex, kType };
  Kind kind = Kind::kType;
  std::string object_type;
  std::vector<PathStep> steps;  // empty for a type atom
  std::string text;             // kValue: the value key; kPrefix, kSuffix: the text; kRegex: the regex
  IpNetwork network;            // kNetwork

  bool IsTypeAtom() const { return kind == Kind::kType; }
};

// What AND weighs operands' covers by, in value atoms: an atom is worth the share of observations
// it makes a pattern a candidate for, roughly; a type atom, all with an observable of the type.
inline constexpr size_t kTextAtomWeight = 20;  // prefix, suffix, network and regex atoms
inline constexpr size_t kTypeAtomWeight = 1000;

// The longest text a prefix or suffix atom keeps.
inline constexpr size_t kMaxAffix = 64;

// A text naming `steps`, equal for equal paths only: the index's name for a path.
std::string StepsKey(const std::vector<PathStep>& steps);

// The cover of `pattern`, without duplicate atoms.
std::vector<CoverAtom> CoverOf(const Pattern& pattern);

}  // namespace kenes::pattern
