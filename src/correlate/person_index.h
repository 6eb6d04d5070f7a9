// PersonIndex: people named in more than one organisation's objects
// (identities of individuals, threat actors), across scripts and
// transliterations: "Сейтказиев Нурлан" from one council and "SEITKAZIEV
// NURLAN" from another are one person's name. Names are filed under their
// blocking keys (names/blocking_keys.h); a new name is matched
// (names/name_matcher.h) against the names sharing a key, and each name of
// another organisation judged the same makes a link with the matcher's
// score, keyed ("person-name", the new name as written).
//
// Re-alerting: a holding alerts for each other organisation's matching
// object when it is added, and again only when its object comes back with a
// different name; the same name again (a new version that changed something
// else) changes nothing.
//
// Thread-safety: every method may be called from any thread; calls are
// serialised (the name analyser is not thread-safe).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "correlate/cross_border_link.h"
#include "names/names.h"

namespace kenes::correlate {

struct PersonMatch {
  Holding holding;
  std::string name;  // as that object writes it
  double score = 0;
};

class PersonIndex {
 public:
  // ICU's failures to create the transliterators.
  static Result<std::unique_ptr<PersonIndex>> Create();

  // Files `name` as held by `holding`; returns its links (above).
  std::vector<CrossBorderLink> Add(const Holding& holding, std::string_view name);

  // Forgets `object_id`'s name; unknown ids are no-ops.
  void Remove(std::string_view object_id);

  // The filed names judged the same as `name`, best score first.
  std::vector<PersonMatch> Matches(std::string_view name);

  // The name `object_id` is filed with, if any.
  std::optional<std::string> NameOf(std::string_view object_id);

  size_t size();

 private:
  struct Person {
    Holding holding;
    names::PersonName name;
  };
  explicit PersonIndex(names::NameAnalyzer analyzer) : analyzer_(std::move(analyzer)) {}

  // REQUIRES: mutex_ held.
  std::vector<PersonMatch> MatchesLocked(const names::PersonName& name);
  void RemoveLocked(std::string_view object_id);

  std::mutex mutex_;
  names::NameAnalyzer analyzer_;
  std::vector<std::optional<Person>> people_;  // removed people leave an empty place
  std::unordered_map<std::string, std::vector<size_t>> by_blocking_key_;
  std::unordered_map<std::string, std::vector<size_t>> by_object_;  // one place per holding organisation
};

}  // namespace kenes::correlate
