#include "pattern/indicator_index.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pattern/ip_network.h"
#include "pattern/path_values.h"
#include "pattern/pattern_cover.h"
#include "pattern/regex_filter.h"
#include "pattern/value_key.h"
#include "pattern/value_table.h"

namespace kenes::pattern {
namespace {

using Handle = IndicatorIndex::Handle;
using Kind = CoverAtom::Kind;

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// How many atoms use each length of text (prefix, suffix) or of network prefix: a lookup tries
// each length in use.
class LengthsInUse {
 public:
  void Add(uint32_t length) {
    const auto found = Find(length);
    if (found != counts_.end()) {
      ++found->second;
    } else {
      counts_.emplace_back(length, 1);
    }
  }
  void Remove(uint32_t length) {
    const auto found = Find(length);
    if (--found->second == 0) counts_.erase(found);
  }
  template <typename Visit>
  void ForEach(Visit visit) const {
    for (const auto& [length, count] : counts_) visit(length);
  }
  bool empty() const { return counts_.empty(); }
  size_t HeapBytes() const { return counts_.capacity() * sizeof(counts_[0]); }

 private:
  std::vector<std::pair<uint32_t, uint32_t>>::iterator Find(uint32_t length) {
    return std::find_if(counts_.begin(), counts_.end(), [&](const auto& entry) { return entry.first == length; });
  }
  std::vector<std::pair<uint32_t, uint32_t>> counts_;
};

// A network atom's length, with the family: IPv4 /n is n, IPv6 /n is 256 + n.
constexpr uint32_t NetworkLength(bool v6, int prefix) { return (v6 ? 256u : 0u) + static_cast<uint32_t>(prefix); }

struct TypeEntry;

// One path of one object type that finer-than-type atoms name, with what they name.
struct IndexedPath {
  TypeEntry* type;
  std::string steps_key;
  std::vector<PathStep> steps;
  // Value keys, and apart from them prefix, suffix and network keys (value_key.h): a string is
  // looked up under several of those, and their table, usually small, then stays in cache.
  ValueTable values, texts;
  LengthsInUse prefixes, suffixes, networks;
  RegexFilter regexes;
  size_t atoms = 0;  // filed here: the path goes when the last one does
  // Patterns with prefix or suffix atoms here, for strings the matcher would NFC-normalise (not
  // ASCII), and with network atoms, for strings ParseIpNetwork refuses (the matcher then errs):
  // those are evaluated rather than looked up.
  std::vector<Handle> text_fallback, network_fallback;
};

struct TypeEntry {
  std::vector<std::unique_ptr<IndexedPath>> paths;  // few per type: the walk visits each
  std::vector<Handle> any_value;                     // patterns filed under a type atom
};

// Where one atom of a handle is filed, so that Remove finds it without the pattern. A node-based
// map and unique_ptrs keep these addresses stable while other entries come and go.
struct Placement {
  void* place;      // the TypeEntry of a type atom, the IndexedPath of the others
  uint32_t entry;   // in IndexedPath::values (kValue) or texts
  uint16_t length;  // of a prefix or suffix (at most kMaxAffix) or network atom (LengthsInUse)
  Kind kind;
};
static_assert(kMaxAffix <= UINT16_MAX && NetworkLength(true, 128) <= UINT16_MAX);

// The placements of one handle: nearly always one, kept inline.
class Filing {
 public:
  void Add(const Placement& placement) {
    if (count_++ == 0) {
      first_ = placement;
      return;
    }
    if (!more_) more_ = std::make_unique<std::vector<Placement>>();
    more_->push_back(placement);
  }
  template <typename Visit>
  void ForEach(Visit visit) const {
    if (count_ > 0) visit(first_);
    if (more_) std::for_each(more_->begin(), more_->end(), visit);
  }
  size_t HeapBytes() const { return more_ ? sizeof(*more_) + more_->capacity() * sizeof(Placement) : 0; }

 private:
  Placement first_{};
  uint32_t count_ = 0;
  std::unique_ptr<std::vector<Placement>> more_;
};

void AddOnce(std::vector<Handle>& handles, Handle handle) {
  if (std::find(handles.begin(), handles.end(), handle) == handles.end()) handles.push_back(handle);
}

// The heap an unordered_map's nodes and buckets take, beyond what the values own.
template <typename Map>
size_t MapBytes(const Map& map) {
  // A node holds the next pointer, the value and the cached hash.
  const size_t node = sizeof(void*) + sizeof(typename Map::value_type) + sizeof(size_t);
  return map.size() * node + map.bucket_count() * sizeof(void*);
}

size_t StringHeapBytes(const std::string& text) { return text.capacity() > 15 ? text.capacity() + 1 : 0; }

// What Candidates gathers for one observation. Each list it appends holds a handle once, so with
// a single list appended there is nothing to deduplicate.
struct Gathering {
  std::vector<Handle>* out;
  size_t lists = 0;
  std::string key;

  void Append(const std::vector<Handle>& handles) {
    if (handles.empty()) return;
    out->insert(out->end(), handles.begin(), handles.end());
    ++lists;
  }
  void LookUp(const ValueTable& table) {
    if (table.AppendHandles(key, out)) ++lists;
  }

  void Texts(const IndexedPath& path, const std::string& text) {
    if (!IsAscii(text)) return Append(path.text_fallback);
    path.prefixes.ForEach([&](uint32_t length) {
      if (length > text.size()) return;
      PrefixKey(std::string_view(text).substr(0, length), &key);
      LookUp(path.texts);
    });
    // LIKE's pattern ends like Python's '$', which also matches before a final newline.
    const std::string_view before_newline =
        text.ends_with('\n') ? std::string_view(text).substr(0, text.size() - 1) : std::string_view();
    path.suffixes.ForEach([&](uint32_t length) {
      for (std::string_view end : {std::string_view(text), before_newline}) {
        if (length > end.size()) continue;
        SuffixKey(end.substr(end.size() - length), &key);
        LookUp(path.texts);
      }
    });
  }

  void Networks(const IndexedPath& path, const std::string& text) {
    Result<IpNetwork> network = ParseIpNetwork(text, false);
    if (!network.ok()) return Append(path.network_fallback);
    path.networks.ForEach([&](uint32_t length) {
      const int prefix = static_cast<int>(length & 255);
      if (NetworkLength(network->v6, prefix) != length || prefix > network->prefix) return;
      NetworkKey(*network, prefix, &key);
      LookUp(path.texts);
    });
  }

  void Value(const IndexedPath& path, const JsonValue& value) {
    if (ObservedValueKey(value, &key)) LookUp(path.values);
    if (value.kind != JsonValue::Kind::kString) return;
    if (!path.prefixes.empty() || !path.suffixes.empty()) Texts(path, value.text);
    if (!path.networks.empty()) Networks(path, value.text);
    if (!path.regexes.empty() && path.regexes.AppendCandidates(value.text, out)) ++lists;
  }
};

}  // namespace

struct IndicatorIndex::State {
  TextMap<TypeEntry> types;
  std::unordered_map<Handle, Filing> filed;
  size_t unindexed = 0;  // patterns with a type atom

  IndexedPath& PathOf(TypeEntry& type, const std::vector<PathStep>& steps) {
    std::string key = StepsKey(steps);
    for (const auto& path : type.paths) {
      if (path->steps_key == key) return *path;
    }
    auto& path = type.paths.emplace_back(std::make_unique<IndexedPath>());
    path->type = &type;
    path->steps_key = std::move(key);
    path->steps = steps;
    return *path;
  }

  Placement File(Handle handle, CoverAtom& atom) {
    auto type = types.find(atom.object_type);
    if (type == types.end()) type = types.emplace(std::move(atom.object_type), TypeEntry{}).first;
    if (atom.IsTypeAtom()) {
      type->second.any_value.push_back(handle);
      return {&type->second, 0, 0, atom.kind};
    }
    IndexedPath& path = PathOf(type->second, atom.steps);
    ++path.atoms;
    std::string key;
    uint32_t length = 0;
    switch (atom.kind) {
      case Kind::kValue:
        key = std::move(atom.text);
        break;
      case Kind::kPrefix:
      case Kind::kSuffix:
        length = static_cast<uint32_t>(atom.text.size());
        (atom.kind == Kind::kPrefix ? PrefixKey : SuffixKey)(atom.text, &key);
        (atom.kind == Kind::kPrefix ? path.prefixes : path.suffixes).Add(length);
        AddOnce(path.text_fallback, handle);
        break;
      case Kind::kNetwork:
        length = NetworkLength(atom.network.v6, atom.network.prefix);
        NetworkKey(atom.network, atom.network.prefix, &key);
        path.networks.Add(length);
        AddOnce(path.network_fallback, handle);
        break;
      case Kind::kRegex:
        path.regexes.Add(handle, atom.text);
        return {&path, 0, 0, atom.kind};
      case Kind::kType:
        break;
    }
    ValueTable& table = atom.kind == Kind::kValue ? path.values : path.texts;
    return {&path, table.Add(key, handle), static_cast<uint16_t>(length), atom.kind};
  }

  void Unfile(Handle handle, const Placement& placement) {
    if (placement.kind == Kind::kType) {
      std::erase(static_cast<TypeEntry*>(placement.place)->any_value, handle);
      return;
    }
    IndexedPath& path = *static_cast<IndexedPath*>(placement.place);
    switch (placement.kind) {
      case Kind::kPrefix:
      case Kind::kSuffix:
        (placement.kind == Kind::kPrefix ? path.prefixes : path.suffixes).Remove(placement.length);
        std::erase(path.text_fallback, handle);
        break;
      case Kind::kNetwork:
        path.networks.Remove(placement.length);
        std::erase(path.network_fallback, handle);
        break;
      case Kind::kRegex:
        // Takes all of the handle's regexes here at once; the next of its placements finds none.
        path.regexes.Remove(handle);
        break;
      case Kind::kValue:
      case Kind::kType:
        break;
    }
    if (placement.kind != Kind::kRegex) {
      (placement.kind == Kind::kValue ? path.values : path.texts).Remove(placement.entry, handle);
    }
    if (--path.atoms != 0) return;
    std::erase_if(path.type->paths, [&](const auto& held) { return held.get() == &path; });
  }
};

IndicatorIndex::IndicatorIndex() : state_(std::make_unique<State>()) {}
IndicatorIndex::~IndicatorIndex() = default;
IndicatorIndex::IndicatorIndex(IndicatorIndex&&) noexcept = default;
IndicatorIndex& IndicatorIndex::operator=(IndicatorIndex&&) noexcept = default;

void IndicatorIndex::Add(Handle handle, const Pattern& pattern) {
  State& state = *state_;
  Filing& filing = state.filed[handle];
  bool by_type = false;
  for (CoverAtom& atom : CoverOf(pattern)) {
    by_type |= atom.IsTypeAtom();
    filing.Add(state.File(handle, atom));
  }
  if (by_type) ++state.unindexed;
}

void IndicatorIndex::Remove(Handle handle) {
  State& state = *state_;
  const auto found = state.filed.find(handle);
  if (found == state.filed.end()) return;
  bool by_type = false;
  found->second.ForEach([&](const Placement& placement) {
    by_type |= placement.kind == Kind::kType;
    state.Unfile(handle, placement);
  });
  if (by_type) --state.unindexed;
  state.filed.erase(found);
}

void IndicatorIndex::Candidates(const ObservationSet& set, size_t index, std::vector<Handle>* out) const {
  const State& state = *state_;
  const size_t start = out->size();
  Gathering gathering{out, 0, {}};
  std::vector<const JsonValue*> objects;
  std::vector<const JsonValue*> values;
  std::vector<const TypeEntry*> types_seen;
  set.ObjectsOf(index, objects);
  for (const JsonValue* object : objects) {
    const JsonValue* type_name = object->Member("type");
    if (type_name == nullptr || type_name->kind != JsonValue::Kind::kString) continue;
    const auto type = state.types.find(type_name->text);
    if (type == state.types.end()) continue;
    const TypeEntry& entry = type->second;
    if (!entry.any_value.empty() && std::find(types_seen.begin(), types_seen.end(), &entry) == types_seen.end()) {
      types_seen.push_back(&entry);
      gathering.Append(entry.any_value);
    }
    for (const auto& path : entry.paths) {
      values.clear();
      ValuesAtPath(set, index, *object, path->steps, &values);
      for (const JsonValue* value : values) gathering.Value(*path, *value);
    }
  }
  if (gathering.lists > 1) {
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
      bytes += sizeof(IndexedPath) + StringHeapBytes(path->steps_key) + path->values.MemoryBytes() + path->texts.MemoryBytes() +
               path->prefixes.HeapBytes() + path->suffixes.HeapBytes() + path->networks.HeapBytes() +
               path->regexes.MemoryBytes() +
               (path->text_fallback.capacity() + path->network_fallback.capacity()) * sizeof(Handle);
      for (const PathStep& step : path->steps) bytes += sizeof(PathStep) + StringHeapBytes(step.key);
    }
  }
  for (const auto& [handle, filing] : state.filed) bytes += filing.HeapBytes();
  return bytes;
}

}  // namespace kenes::pattern
