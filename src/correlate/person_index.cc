#include "correlate/person_index.h"

#include <algorithm>
#include <set>

namespace kenes::correlate {

Result<std::unique_ptr<PersonIndex>> PersonIndex::Create() {
  KENES_ASSIGN_OR_RETURN(names::NameAnalyzer analyzer, names::NameAnalyzer::Create());
  return std::unique_ptr<PersonIndex>(new PersonIndex(std::move(analyzer)));
}

std::vector<PersonMatch> PersonIndex::MatchesLocked(const names::PersonName& name) {
  std::set<size_t> candidates;
  for (const std::string& key : names::BlockingKeys(name)) {
    auto found = by_blocking_key_.find(key);
    if (found != by_blocking_key_.end()) candidates.insert(found->second.begin(), found->second.end());
  }
  std::vector<PersonMatch> matches;
  for (size_t place : candidates) {
    if (!people_[place]) continue;
    names::MatchResult match = names::MatchNames(name, people_[place]->name);
    if (match.same) matches.push_back({people_[place]->holding, people_[place]->name.text, match.score});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const PersonMatch& a, const PersonMatch& b) { return a.score > b.score; });
  return matches;
}

void PersonIndex::RemoveLocked(std::string_view object_id) {
  auto found = by_object_.find(std::string(object_id));
  if (found == by_object_.end()) return;
  for (size_t place : found->second) people_[place].reset();
  by_object_.erase(found);
}

std::vector<CrossBorderLink> PersonIndex::Add(const Holding& holding, std::string_view name) {
  std::lock_guard lock(mutex_);
  std::vector<size_t>& places = by_object_[holding.object_id];
  for (size_t place : places) {
    if (people_[place]->holding == holding) {
      if (people_[place]->name.text == name) return {};
      people_[place].reset();
    }
  }
  std::erase_if(places, [this](size_t place) { return !people_[place]; });
  names::PersonName analysed = analyzer_.Analyze(name);
  std::vector<CrossBorderLink> links;
  for (PersonMatch& match : MatchesLocked(analysed)) {
    if (match.holding.organisation == holding.organisation) continue;
    links.push_back({{"person-name", std::string(name)}, holding, {std::move(match.holding)}, match.score});
  }
  size_t place = people_.size();
  for (const std::string& key : names::BlockingKeys(analysed)) by_blocking_key_[key].push_back(place);
  people_.push_back(Person{holding, std::move(analysed)});
  places.push_back(place);
  return links;
}

void PersonIndex::Remove(std::string_view object_id) {
  std::lock_guard lock(mutex_);
  RemoveLocked(object_id);
}

std::vector<PersonMatch> PersonIndex::Matches(std::string_view name) {
  std::lock_guard lock(mutex_);
  return MatchesLocked(analyzer_.Analyze(name));
}

std::optional<std::string> PersonIndex::NameOf(std::string_view object_id) {
  std::lock_guard lock(mutex_);
  auto found = by_object_.find(std::string(object_id));
  if (found == by_object_.end() || found->second.empty()) return std::nullopt;
  return people_[found->second.front()]->name.text;
}

size_t PersonIndex::size() {
  std::lock_guard lock(mutex_);
  return std::count_if(people_.begin(), people_.end(), [](const auto& person) { return person.has_value(); });
}

}  // namespace kenes::correlate
