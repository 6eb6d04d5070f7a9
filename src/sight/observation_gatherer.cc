#include "sight/observation_gatherer.h"

#include <simdjson.h>

namespace kenes::sight {
namespace {

constexpr int kReferenceDepth = 3;  // observed-data -> observable -> observable -> observable
constexpr size_t kIdsPerQuery = 500;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Appends the object ids that `_ref` and `_refs` properties anywhere in
// `value` name; not the author and markings, which patterns never follow.
void CollectReferences(simdjson::dom::element value, std::vector<std::string>& out) {
  if (value.is_array()) {
    for (simdjson::dom::element item : value.get_array()) CollectReferences(item, out);
    return;
  }
  if (!value.is_object()) return;
  for (simdjson::dom::key_value_pair field : value.get_object()) {
    std::string_view key = field.key;
    if (key == "created_by_ref" || key == "object_marking_refs") continue;
    std::string_view id;
    if (EndsWith(key, "_ref") && field.value.get(id) == simdjson::SUCCESS) {
      if (id.find("--") != std::string_view::npos) out.emplace_back(id);
    } else if (EndsWith(key, "_refs") && field.value.is_array()) {
      for (simdjson::dom::element item : field.value.get_array()) {
        if (item.get(id) == simdjson::SUCCESS && id.find("--") != std::string_view::npos) out.emplace_back(id);
      }
    } else {
      CollectReferences(field.value, out);
    }
  }
}

}  // namespace

bool ObservationGatherer::AddObservedData(std::string_view json) {
  if (!set_.AddJson(json).ok()) return false;
  unresolved_jsons_.emplace_back(json);
  return true;
}

Status ObservationGatherer::ResolveReferences() {
  for (int depth = 0; depth < kReferenceDepth && !unresolved_jsons_.empty(); ++depth) {
    std::vector<std::string> jsons;
    jsons.swap(unresolved_jsons_);
    for (const std::string& json : jsons) QueueReferences(json);
    KENES_RETURN_IF_ERROR(AddQueued());
  }
  unresolved_jsons_.clear();
  return Status::Ok();
}

void ObservationGatherer::QueueReferences(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element value;
  if (parser.parse(json.data(), json.size()).get(value) != simdjson::SUCCESS) return;
  std::vector<std::string> ids;
  CollectReferences(value, ids);
  for (std::string& id : ids) {
    if (held_.insert(id).second) queued_.push_back(std::move(id));
  }
}

Status ObservationGatherer::AddQueued() {
  std::vector<std::string> from_store;
  for (std::string& id : queued_) {
    const stix::Object* local = nullptr;
    if (local_ != nullptr) {
      auto found = local_->find(id);
      if (found != local_->end()) local = found->second;
    }
    if (local == nullptr) {
      from_store.push_back(std::move(id));
    } else if (set_.AddJson(local->json).ok()) {
      unresolved_jsons_.push_back(local->json);
    }
  }
  queued_.clear();
  for (size_t start = 0; start < from_store.size(); start += kIdsPerQuery) {
    store::ListQuery query;
    query.ids.assign(from_store.begin() + start,
                     from_store.begin() + std::min(from_store.size(), start + kIdsPerQuery));
    query.limit = kIdsPerQuery;
    // Every version, the latest picked here: asking the store for the latest costs a subquery per
    // row, and observables, nearly all that is referenced, have one version only.
    std::unordered_map<std::string, store::StoredVersion> latest;
    do {
      KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
      for (store::StoredVersion& version : page.versions) {
        auto [kept, inserted] = latest.try_emplace(version.id);
        if (inserted || kept->second.version < version.version) kept->second = std::move(version);
      }
      query.cursor = page.cursor;
      if (!page.more) break;
    } while (true);
    for (auto& [id, version] : latest) {
      if (set_.AddJson(version.json).ok()) unresolved_jsons_.push_back(std::move(version.json));
    }
  }
  return Status::Ok();
}

}  // namespace kenes::sight
