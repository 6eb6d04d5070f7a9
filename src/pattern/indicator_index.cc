#include "pattern/indicator_index.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pattern/path_values.h"
#include "pattern/pattern_cover.h"
#include "pattern/value_key.h"

namespace kenes::pattern {
namespace {

using Handle = IndicatorIndex::Handle;

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// The handles filed under one key. Nearly every value is named by one indicator, so the first
// handle is kept inline and only the others take an allocation.
class HandleList {
 public:
  explicit HandleList(Handle first) : first_(first) {}

  void Add(Handle handle) {
    if (!more_) more_ = std::make_unique<std::vector<Handle>>();
    more_->push_back(handle);
  }
  // Returns true when the list is left empty.
  bool Remove(Handle handle) {
    if (!more_ || more_->empty()) return handle == first_;
    if (handle == first_) {
      first_ = more_->back();
      more_->pop_back();
    } else {
      std::erase(*more_, handle);
    }
    return false;
  }
  void AppendTo(std::vector<Handle>* out) const {
    out->push_back(first_);
    if (more_) out->insert(out->end(), more_->begin(), more_->end());
  }
  size_t HeapBytes() const { return more_ ? sizeof(*more_) + more_->capacity() * sizeof(Handle) : 0; }

 private:
  Handle first_;
  std::unique_ptr<std::vector<Handle>> more_;
};

// One path of one object type that value atoms name, with the values they name.
struct IndexedPath {
  std::string steps_key;
  std::vector<PathStep> steps;
  TextMap<HandleList> values;
};

struct TypeEntry {
  std::vector<std::unique_ptr<IndexedPath>> paths;  // few per type: the walk visits each
  std::vector<Handle> any_value;                     // patterns filed under a type atom
};

// Where one handle is filed, so that Remove finds it without the pattern. Node-based maps keep
// these addresses stable while other entries come and go.
struct Placement {
  TypeEntry* type;
  IndexedPath* path;         // null for a type atom
  const std::string* value;  // the key in path->values
};

// The heap an unordered_map's nodes and buckets take, beyond what the values own.
template <typename Map>
size_t MapBytes(const Map& map) {
  // A node holds the next pointer, the value and the cached hash.
  const size_t node = sizeof(void*) + sizeof(typename Map::value_type) + sizeof(size_t);
  return map.size() * node + map.bucket_count() * sizeof(void*);
}

size_t StringHeapBytes(const std::string& text) { return text.capacity() > 15 ? text.capacity() + 1 : 0; }

}  // namespace

struct IndicatorIndex::State {
  TextMap<TypeEntry> types;
  std::unordered_map<Handle, std::vector<Placement>> filed;
  size_t unindexed = 0;  // patterns with a type atom

  IndexedPath& PathOf(TypeEntry& type, const std::vector<PathStep>& steps) {
    std::string key = StepsKey(steps);
    for (const auto& path : type.paths) {
      if (path->steps_key == key) return *path;
    }
    auto& path = type.paths.emplace_back(std::make_unique<IndexedPath>());
    path->steps_key = std::move(key);
    path->steps = steps;
    return *path;
  }

  void Unfile(Handle handle, const Placement& placement) {
    if (placement.path == nullptr) {
      std::erase(placement.type->any_value, handle);
      return;
    }
    IndexedPath& path = *placement.path;
    const auto found = path.values.find(*placement.value);
    if (!found->second.Remove(handle)) return;
    path.values.erase(found);
    if (!path.values.empty()) return;
    std::erase_if(placement.type->paths, [&](const auto& held) { return held.get() == &path; });
  }
};

IndicatorIndex::IndicatorIndex() : state_(std::make_unique<State>()) {}
IndicatorIndex::~IndicatorIndex() = default;
IndicatorIndex::IndicatorIndex(IndicatorIndex&&) noexcept = default;
IndicatorIndex& IndicatorIndex::operator=(IndicatorIndex&&) noexcept = default;

void IndicatorIndex::Add(Handle handle, const Pattern& pattern) {
  State& state = *state_;
  std::vector<Placement>& placements = state.filed[handle];
  bool by_type = false;
  for (CoverAtom& atom : CoverOf(pattern)) {
    auto type = state.types.find(atom.object_type);
    if (type == state.types.end()) type = state.types.emplace(std::move(atom.object_type), TypeEntry{}).first;
    if (atom.IsTypeAtom()) {
      type->second.any_value.push_back(handle);
      placements.push_back({&type->second, nullptr, nullptr});
      by_type = true;
      continue;
    }
    IndexedPath& path = state.PathOf(type->second, atom.steps);
    auto [value, inserted] = path.values.try_emplace(std::move(atom.value_key), handle);
    if (!inserted) value->second.Add(handle);
    placements.push_back({&type->second, &path, &value->first});
  }
  placements.shrink_to_fit();
  if (by_type) ++state.unindexed;
}

void IndicatorIndex::Remove(Handle handle) {
  State& state = *state_;
  const auto found = state.filed.find(handle);
  if (found == state.filed.end()) return;
  bool by_type = false;
  for (const Placement& placement : found->second) {
    by_type |= placement.path == nullptr;
    state.Unfile(handle, placement);
  }
  if (by_type) --state.unindexed;
  state.filed.erase(found);
}

void IndicatorIndex::Candidates(const ObservationSet& set, size_t index, std::vector<Handle>* out) const {
  const State& state = *state_;
  const size_t start = out->size();
  std::string key;
  std::vector<const JsonValue*> values;
  std::vector<const TypeEntry*> types_seen;
  for (const JsonValue* object : set.ObjectsOf(index)) {
    const JsonValue* type_name = object->Member("type");
    if (type_name == nullptr || type_name->kind != JsonValue::Kind::kString) continue;
    const auto type = state.types.find(type_name->text);
    if (type == state.types.end()) continue;
    const TypeEntry& entry = type->second;
    if (!entry.any_value.empty() && std::find(types_seen.begin(), types_seen.end(), &entry) == types_seen.end()) {
      types_seen.push_back(&entry);
      out->insert(out->end(), entry.any_value.begin(), entry.any_value.end());
    }
    for (const auto& path : entry.paths) {
      values.clear();
      ValuesAtPath(set, index, *object, path->steps, &values);
      for (const JsonValue* value : values) {
        if (!ObservedValueKey(*value, &key)) continue;
        const auto found = path->values.find(key);
        if (found != path->values.end()) found->second.AppendTo(out);
      }
    }
  }
  if (out->size() - start > 1) {
    std::sort(out->begin() + static_cast<std::ptrdiff_t>(start), out->end());
    out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(start), out->end()), out->end());
  }
}

size_t IndicatorIndex::size() const { return state_->filed.size(); }

size_t IndicatorIndex::unindexed_size() const { return state_->unindexed; }

size_t IndicatorIndex::MemoryBytes() const {
  const State& state = *state_;
  size_t bytes = MapBytes(state.types) + MapBytes(state.filed);
  for (const auto& [name, type] : state.types) {
    bytes += StringHeapBytes(name) + type.paths.capacity() * sizeof(void*) + type.any_value.capacity() * sizeof(Handle);
    for (const auto& path : type.paths) {
      bytes += sizeof(IndexedPath) + StringHeapBytes(path->steps_key) + MapBytes(path->values);
      for (const PathStep& step : path->steps) bytes += sizeof(PathStep) + StringHeapBytes(step.key);
      for (const auto& [value, handles] : path->values) bytes += StringHeapBytes(value) + handles.HeapBytes();
    }
  }
  for (const auto& [handle, placements] : state.filed) bytes += placements.capacity() * sizeof(Placement);
  return bytes;
}

}  // namespace kenes::pattern
