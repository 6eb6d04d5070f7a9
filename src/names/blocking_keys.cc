#include "names/blocking_keys.h"

#include <algorithm>

#include "names/folding.h"

namespace kenes::names {

namespace {

// Where the next consonant at or after `at` is; text.size() when none is.
size_t NextConsonant(std::string_view text, size_t at) {
  while (at < text.size() && IsFoldedVowel(text[at])) ++at;
  return at;
}

}  // namespace

std::string Skeleton(std::string_view fold) {
  std::string skeleton;
  for (char c : fold) {
    if (!IsFoldedVowel(c)) skeleton.push_back(c);
  }
  return skeleton.empty() ? std::string(fold) : skeleton;
}

bool SameSkeleton(std::string_view left, std::string_view right) {
  size_t l = NextConsonant(left, 0);
  size_t r = NextConsonant(right, 0);
  if (l == left.size() || r == right.size()) return l == left.size() && r == right.size() && left == right;
  while (l < left.size() && r < right.size()) {
    if (left[l] != right[r]) return false;
    l = NextConsonant(left, l + 1);
    r = NextConsonant(right, r + 1);
  }
  return l == left.size() && r == right.size();
}

std::vector<std::string> BlockingKeys(const PersonName& name) {
  std::vector<std::string> keys;
  const NameToken* previous = nullptr;
  for (const NameToken& token : name.tokens) {
    if (token.patronymic) continue;
    for (const std::string& fold : token.folds) keys.push_back(Skeleton(fold));
    // The matcher may join two neighbours into one token (person_name.h).
    if (previous != nullptr) {
      for (const std::string& fold : JoinedToken(*previous, token).folds) keys.push_back(Skeleton(fold));
    }
    previous = &token;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace kenes::names
