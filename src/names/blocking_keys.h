// Blocking keys: a few short strings per name such that two names the
// matcher judges the same (name_matcher.h) always share at least one, so an
// index can fetch candidates by key and run the matcher on those alone.
//
// A key is the consonant skeleton of one folded form of one non-patronymic
// token (Seitkaziev: "stksv"), or of two neighbours joined (JoinedToken in
// person_name.h); the matcher only calls two names the same when an aligned
// pair of their tokens, joined or not, shares a skeleton, which is what makes
// the promise hold. Pure functions: safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "names/person_name.h"

namespace kenes::names {

// The fold without its vowels; the fold itself when it is all vowels.
std::string Skeleton(std::string_view fold);

// Skeleton(left) == Skeleton(right), without building either.
bool SameSkeleton(std::string_view left, std::string_view right);

// Distinct, sorted; empty only for a name without a non-patronymic token.
std::vector<std::string> BlockingKeys(const PersonName& name);

}  // namespace kenes::names
