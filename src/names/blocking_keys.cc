#include "names/blocking_keys.h"

#include <algorithm>

namespace kenes::names {

std::string Skeleton(std::string_view fold) {
  std::string skeleton;
  for (char c : fold) {
    if (c != 'a' && c != 'e' && c != 'i' && c != 'u') skeleton.push_back(c);
  }
  return skeleton.empty() ? std::string(fold) : skeleton;
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
