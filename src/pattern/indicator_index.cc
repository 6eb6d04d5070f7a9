#include "pattern/indicator_index.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pattern/path_values.h"
#include "pattern/pattern_cover.h"
#include "pattern/value_key.h"
#include "pattern/value_table.h"

namespace kenes::pattern {
namespace {

using Handle = IndicatorIndex::Handle;

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// One path of one object type that value atoms name, with the values they name.
struct IndexedPath {
  std::string steps_key;
  std::vector<PathStep> steps;
  ValueTable values;
};

struct TypeEntry {
  std::vector<std::unique_ptr<IndexedPath>> paths;  // few per type: the walk visits each
  std::vector<Handle> any_value;                     // patterns filed under a type atom
};

// Where one handle is filed, so that Remove finds it without the pattern. A node-based map and
// unique_ptrs keep these addresses stable while other entries come and go.
struct Placement {
  TypeEntry* type;
  IndexedPath* path;  // null for a type atom
  uint32_t entry;     // in path->values
};

// The heap an unordered_map's nodes and buckets take, beyond what the values own.
template <typename Map>
size_t MapBytes(const Map& map) {
  // A node holds the next pointer, the value and the cached hash.
  const size_t node = sizeof(void*) + sizeof(typename Map::value_type) + sizeof(size_t);
  return map.size() * node + map.bucket_count() * sizeof(void*);
}

size_t StringHeapBytes(const std::string& text) { return text.capacity() > 15 ? text.capacity() + 1 : 0; }

// Appends `handles` to `out`, counting the lists appended: one list needs no deduplication.
void AppendList(const std::vector<Handle>& handles, std::vector<Handle>* out, size_t* lists) {
  out->insert(out->end(), handles.begin(), handles.end());
  ++*lists;
}

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
    path.values.Remove(placement.entry, handle);
    if (path.values.size() != 0) return;
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
      placements.push_back({&type->second, nullptr, 0});
      by_type = true;
      continue;
    }
    IndexedPath& path = state.PathOf(type->second, atom.steps);
    placements.push_back({&type->second, &path, path.values.Add(atom.value_key, handle)});
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
  size_t lists = 0;
  for (const JsonValue* object : set.ObjectsOf(index)) {
    const JsonValue* type_name = object->Member("type");
    if (type_name == nullptr || type_name->kind != JsonValue::Kind::kString) continue;
    const auto type = state.types.find(type_name->text);
    if (type == state.types.end()) continue;
    const TypeEntry& entry = type->second;
    if (!entry.any_value.empty() && std::find(types_seen.begin(), types_seen.end(), &entry) == types_seen.end()) {
      types_seen.push_back(&entry);
      AppendList(entry.any_value, out, &lists);
    }
    for (const auto& path : entry.paths) {
      values.clear();
      ValuesAtPath(set, index, *object, path->steps, &values);
      for (const JsonValue* value : values) {
        if (ObservedValueKey(*value, &key) && path->values.AppendHandles(key, out)) ++lists;
      }
    }
  }
  // Each list holds a handle once; the same handle may be in several.
  if (lists > 1) {
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
      bytes += sizeof(IndexedPath) + StringHeapBytes(path->steps_key) + path->values.MemoryBytes();
      for (const PathStep& step : path->steps) bytes += sizeof(PathStep) + StringHeapBytes(step.key);
    }
  }
  for (const auto& [handle, placements] : state.filed) bytes += placements.capacity() * sizeof(Placement);
  return bytes;
}

}  // namespace kenes::pattern
