#include "names/person_name.h"

#include <algorithm>

#include "names/folding.h"

namespace kenes::names {

NameToken JoinedToken(const NameToken& first, const NameToken& second) {
  NameToken joined{first.text + " " + second.text, {}, false, second.gender};
  for (const std::string& head : first.folds) {
    for (const std::string& tail : second.folds) {
      std::string fold = head + tail;
      if (joined.folds.size() < kMaxFolds &&
          std::find(joined.folds.begin(), joined.folds.end(), fold) == joined.folds.end()) {
        joined.folds.push_back(std::move(fold));
      }
    }
  }
  return joined;
}

}  // namespace kenes::names
