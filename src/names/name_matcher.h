// The person-name matcher: are two analysed names (name_analyzer.h) the same
// person's name, however they were written?
//
// Tokens are aligned one to one in whatever order pairs them best (family
// and given name in either order; when one side has one token more, two
// neighbours may be read as one: Abdul Aziz, Абдулазиз). A patronymic
// present on one side only is ignored; on both sides it must agree. Each
// aligned pair scores the Jaro-Winkler similarity of its best pair of folded
// forms; the name scores its weakest pair. Different people with look-alike
// names score low on purpose: a token without a counterpart, a man's and a
// woman's form of a name (-ov/-ova, Aleksandr/Aleksandra), different
// patronymics, or no aligned pair with the same consonant skeleton
// (blocking_keys.h) halve the score.
//
// MatchNames is a pure function of its arguments: safe from any thread.
#pragma once

#include <string>

#include "names/person_name.h"

namespace kenes::names {

// Tuned on the shared pairs and tests/names/cases/pairs.tsv: every spelling
// of one name there folds alike and scores 1, while the nearest different
// names score at most 0.971 (Atambaev, Atabaev); halfway between, so that
// one letter more or less still counts in all but the longest tokens.
inline constexpr double kSameNameThreshold = 0.985;

struct MatchResult {
  double score = 0;         // 0..1
  bool same = false;        // score >= kSameNameThreshold
  std::string folded_left;  // the folded forms compared, in the order written; patronymics in ()
  std::string folded_right;
  std::string reason;  // why the names differ, for people; empty when same
};

MatchResult MatchNames(const PersonName& left, const PersonName& right);

}  // namespace kenes::names
