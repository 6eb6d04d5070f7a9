#include "correlate/correlation_index.h"

#include <algorithm>
#include <fstream>
#include <mutex>

#include "correlate/warning_list.h"

namespace kenes::correlate {
namespace {

constexpr std::string_view kSeparator = "--";
constexpr size_t kUuidLength = 36;  // 8-4-4-4-12 hex digits

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // upper case too: STIX ids are written in lower case, and the index gives them back so
}

// The 16 bytes of a lower-case UUID, or false.
bool PackUuid(std::string_view uuid, std::string& out) {
  if (uuid.size() != kUuidLength) return false;
  int high = -1;
  for (size_t i = 0; i < uuid.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (uuid[i] != '-') return false;
      continue;
    }
    int digit = HexDigit(uuid[i]);
    if (digit < 0) return false;
    if (high < 0) {
      high = digit;
    } else {
      out += static_cast<char>(high << 4 | digit);
      high = -1;
    }
  }
  return true;
}

void AppendUuid(std::string_view bytes, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    auto byte = static_cast<unsigned char>(bytes[i]);
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
}

// The position of `name` in `names`, appending it when absent.
size_t NumberOf(std::vector<std::string>& names, std::string_view name) {
  auto found = std::find(names.begin(), names.end(), name);
  if (found != names.end()) return found - names.begin();
  names.emplace_back(name);
  return names.size() - 1;
}

std::optional<size_t> FindNumber(const std::vector<std::string>& names, std::string_view name) {
  auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return found - names.begin();
}

}  // namespace

CorrelationIndex::CorrelationIndex(IndexLimits limits) : limits_(limits) {}

Status CorrelationIndex::ObjectText(std::string_view object_id, std::string& text) {
  size_t separator = object_id.find(kSeparator);
  if (separator != std::string_view::npos && separator > 0) {
    size_t type = NumberOf(object_types_, object_id.substr(0, separator));
    text.assign({static_cast<char>(type & 0xff), static_cast<char>(type >> 8)});
    if (type <= UINT16_MAX && PackUuid(object_id.substr(separator + kSeparator.size()), text)) return Status::Ok();
  }
  return Status::InvalidArgument("'" + std::string(object_id) + "' is not a STIX id (type--UUID in lower case)");
}

std::optional<std::string> CorrelationIndex::FindObjectText(std::string_view object_id) const {
  size_t separator = object_id.find(kSeparator);
  if (separator == std::string_view::npos) return std::nullopt;
  std::optional<size_t> type = FindNumber(object_types_, object_id.substr(0, separator));
  if (!type) return std::nullopt;
  std::string text{static_cast<char>(*type & 0xff), static_cast<char>(*type >> 8)};
  if (!PackUuid(object_id.substr(separator + kSeparator.size()), text)) return std::nullopt;
  return text;
}

std::string CorrelationIndex::ObjectId(uint32_t object) const {
  std::string_view text = objects_.Text(object);
  size_t type = static_cast<unsigned char>(text[0]) | static_cast<unsigned char>(text[1]) << 8;
  std::string id = object_types_[type];
  id += kSeparator;
  AppendUuid(text.substr(2), id);
  return id;
}

std::optional<std::string> CorrelationIndex::FindKeyText(const observable::CorrelationKey& key) const {
  std::optional<size_t> kind = FindNumber(kinds_, key.kind);
  if (!kind) return std::nullopt;
  return static_cast<char>(*kind) + key.value;
}

observable::CorrelationKey CorrelationIndex::KeyOf(uint32_t key) const {
  std::string_view text = keys_.Text(key);
  return {kinds_[static_cast<unsigned char>(text[0])], std::string(text.substr(1))};
}

uint16_t CorrelationIndex::InternOrganisation(const std::string& organisation) {
  auto [found, added] = organisation_numbers_.try_emplace(organisation, organisations_.size());
  if (added) organisations_.push_back(organisation);
  return found->second;
}

void CorrelationIndex::HoldingsOf(const KeyEntry& entry, std::vector<PackedHolding>& holdings) const {
  holdings.assign(entry.inline_holdings, entry.inline_holdings + std::min<size_t>(entry.count, 2));
  if (entry.more != kNone) {
    const std::vector<PackedHolding>& more = more_holdings_[entry.more];
    holdings.insert(holdings.end(), more.begin(), more.end());
  }
}

std::vector<CorrelationIndex::PackedHolding> CorrelationIndex::HoldingsOf(const KeyEntry& entry) const {
  std::vector<PackedHolding> holdings;
  HoldingsOf(entry, holdings);
  return holdings;
}

void CorrelationIndex::AddHolding(KeyEntry& entry, PackedHolding holding) {
  if (entry.count < 2) {
    entry.inline_holdings[entry.count] = holding;
  } else {
    if (entry.more == kNone) {
      if (free_more_holdings_.empty()) {
        entry.more = static_cast<uint32_t>(more_holdings_.size());
        more_holdings_.emplace_back();
      } else {
        entry.more = free_more_holdings_.back();
        free_more_holdings_.pop_back();
      }
    }
    more_holdings_[entry.more].push_back(holding);
  }
  ++entry.count;
  ++holdings_;
}

void CorrelationIndex::RemoveObjectHoldings(KeyEntry& entry, uint32_t object) {
  std::vector<PackedHolding> holdings = HoldingsOf(entry);
  size_t before = holdings.size();
  std::erase_if(holdings, [object](PackedHolding holding) { return holding.object == object; });
  holdings_ -= before - holdings.size();
  if (entry.more != kNone) {
    std::vector<PackedHolding>().swap(more_holdings_[entry.more]);
    free_more_holdings_.push_back(entry.more);
    entry.more = kNone;
  }
  entry.count = 0;
  for (PackedHolding holding : holdings) {
    AddHolding(entry, holding);
    --holdings_;  // AddHolding counted it again
  }
}

std::vector<uint32_t> CorrelationIndex::KeysHeldBy(uint32_t object) const {
  const ObjectEntry& entry = object_entries_[object];
  std::vector<uint32_t> keys;
  if (entry.first_key != kNone) keys.push_back(entry.first_key);
  if (entry.more != kNone) keys.insert(keys.end(), more_keys_[entry.more].begin(), more_keys_[entry.more].end());
  return keys;
}

void CorrelationIndex::ForgetKeysOfObject(uint32_t object) {
  ObjectEntry& entry = object_entries_[object];
  entry.first_key = kNone;
  if (entry.more != kNone) std::vector<uint32_t>().swap(more_keys_[entry.more]);  // the slot stays the object's
}

void CorrelationIndex::AddKeyOfObject(uint32_t object, uint32_t key) {
  ObjectEntry& entry = object_entries_[object];
  if (entry.first_key == kNone) {
    entry.first_key = key;
    return;
  }
  if (entry.first_key == key) return;
  if (entry.more == kNone) {
    entry.more = static_cast<uint32_t>(more_keys_.size());
    more_keys_.emplace_back();
  }
  std::vector<uint32_t>& more = more_keys_[entry.more];
  if (std::find(more.begin(), more.end(), key) == more.end()) more.push_back(key);
}

Holding CorrelationIndex::Unpack(PackedHolding holding) const {
  return {ObjectId(holding.object), organisations_[holding.organisation]};
}

Result<std::vector<CrossBorderLink>> CorrelationIndex::Add(const Holding& holding,
                                                           std::span<const observable::CorrelationKey> keys) {
  std::unique_lock lock(mutex_);
  return AddLocked(holding, keys);
}

Result<std::vector<CrossBorderLink>> CorrelationIndex::Replace(const Holding& holding,
                                                               std::span<const observable::CorrelationKey> keys) {
  std::unique_lock lock(mutex_);
  uint32_t object = FindObject(holding.object_id);
  if (object != kNone) {
    std::vector<uint32_t> kept;
    for (uint32_t key : KeysHeldBy(object)) {
      bool still_held = std::any_of(keys.begin(), keys.end(),
                                    [&](const observable::CorrelationKey& wanted) { return KeyOf(key) == wanted; });
      if (still_held) {
        kept.push_back(key);
      } else {
        RemoveObjectHoldings(key_entries_[key], object);
      }
    }
    ForgetKeysOfObject(object);
    for (uint32_t key : kept) AddKeyOfObject(object, key);
  }
  return AddLocked(holding, keys);
}

uint32_t CorrelationIndex::FindObject(std::string_view object_id) const {
  std::optional<std::string> text = FindObjectText(object_id);
  uint32_t object = text ? objects_.Find(*text) : InternedTexts::kAbsent;
  return object == InternedTexts::kAbsent ? kNone : object;
}

Result<std::vector<CrossBorderLink>> CorrelationIndex::AddLocked(const Holding& holding,
                                                                 std::span<const observable::CorrelationKey> keys) {
  KENES_RETURN_IF_ERROR(ObjectText(holding.object_id, scratch_text_));
  std::vector<CrossBorderLink> links;
  if (keys.empty()) return links;  // objects without keys are not worth their bytes
  uint32_t object = objects_.Intern(scratch_text_);
  if (object == object_entries_.size()) object_entries_.emplace_back();
  PackedHolding packed{object, InternOrganisation(holding.organisation)};
  // Scratch buffers reused under the exclusive lock: Add runs for every
  // object ingested, and allocating per call showed in its cost.
  std::vector<PackedHolding>& holders = scratch_holders_;
  for (const observable::CorrelationKey& key : keys) {
    if (WarningFor(key)) continue;
    scratch_text_.assign(1, static_cast<char>(NumberOf(kinds_, key.kind)));
    scratch_text_ += key.value;
    uint32_t number = keys_.Intern(scratch_text_);
    if (number == key_entries_.size()) key_entries_.emplace_back();
    KeyEntry& entry = key_entries_[number];
    if (entry.over_correlated) continue;
    HoldingsOf(entry, holders);
    if (std::find(holders.begin(), holders.end(), packed) != holders.end()) continue;
    if (entry.count >= limits_.max_holdings_per_key) {
      entry.over_correlated = true;
      ++over_correlated_keys_;
      continue;
    }
    AddHolding(entry, packed);
    AddKeyOfObject(object, number);
    bool organisation_held_it = std::any_of(
        holders.begin(), holders.end(), [&](PackedHolding other) { return other.organisation == packed.organisation; });
    std::erase_if(holders, [&](PackedHolding other) { return other.organisation == packed.organisation; });
    if (organisation_held_it || holders.empty()) continue;
    CrossBorderLink link{key, holding, {}, 1.0};
    for (PackedHolding other : holders) link.others.push_back(Unpack(other));
    links.push_back(std::move(link));
  }
  return links;
}

void CorrelationIndex::Remove(std::string_view object_id) {
  std::unique_lock lock(mutex_);
  uint32_t object = FindObject(object_id);
  if (object == kNone) return;
  for (uint32_t key : KeysHeldBy(object)) RemoveObjectHoldings(key_entries_[key], object);
  ForgetKeysOfObject(object);
}

KeyHolders CorrelationIndex::Holders(const observable::CorrelationKey& key) const {
  KeyHolders result;
  result.warning = WarningFor(key);
  if (result.warning) return result;
  std::shared_lock lock(mutex_);
  std::optional<std::string> text = FindKeyText(key);
  uint32_t number = text ? keys_.Find(*text) : InternedTexts::kAbsent;
  if (number == InternedTexts::kAbsent) return result;
  const KeyEntry& entry = key_entries_[number];
  result.over_correlated = entry.over_correlated;
  for (PackedHolding holding : HoldingsOf(entry)) result.holdings.push_back(Unpack(holding));
  return result;
}

std::vector<observable::CorrelationKey> CorrelationIndex::KeysOf(std::string_view object_id) const {
  std::shared_lock lock(mutex_);
  uint32_t object = FindObject(object_id);
  std::vector<observable::CorrelationKey> keys;
  if (object == kNone) return keys;
  for (uint32_t key : KeysHeldBy(object)) keys.push_back(KeyOf(key));
  return keys;
}

IndexSize CorrelationIndex::Size() const {
  std::shared_lock lock(mutex_);
  IndexSize size{keys_.size(), objects_.size(), holdings_, over_correlated_keys_, 0};
  size.memory_bytes = keys_.MemoryBytes() + objects_.MemoryBytes() + key_entries_.capacity() * sizeof(KeyEntry) +
                      object_entries_.capacity() * sizeof(ObjectEntry);
  for (const std::vector<PackedHolding>& more : more_holdings_) {
    size.memory_bytes += sizeof(more) + more.capacity() * sizeof(PackedHolding);
  }
  for (const std::vector<uint32_t>& more : more_keys_) size.memory_bytes += sizeof(more) + more.capacity() * 4;
  return size;
}

}  // namespace kenes::correlate

namespace kenes::correlate {
namespace {

constexpr uint64_t kSnapshotMagic = 0x3149434e454b;  // "KENCI1": bump when the layout changes

template <typename T>
void SaveLists(SnapshotWriter& out, const std::vector<std::vector<T>>& lists) {
  out.Value<uint64_t>(lists.size());
  for (const std::vector<T>& list : lists) out.Values(list);
}

template <typename T>
void LoadLists(SnapshotReader& in, std::vector<std::vector<T>>& lists) {
  uint64_t size = 0;
  in.Value(size);
  lists.clear();
  for (uint64_t i = 0; i < size && in.ok(); ++i) in.Values(lists.emplace_back());
}

void SaveTexts(SnapshotWriter& out, const std::vector<std::string>& texts) {
  out.Value<uint64_t>(texts.size());
  for (const std::string& text : texts) out.Text(text);
}

void LoadTexts(SnapshotReader& in, std::vector<std::string>& texts) {
  uint64_t size = 0;
  in.Value(size);
  texts.clear();
  for (uint64_t i = 0; i < size && in.ok(); ++i) in.Text(texts.emplace_back());
}

}  // namespace

void CorrelationIndex::Reset() {
  keys_ = InternedTexts();
  objects_ = InternedTexts(kObjectTextWidth);
  key_entries_.clear();
  object_entries_.clear();
  more_holdings_.clear();
  free_more_holdings_.clear();
  more_keys_.clear();
  kinds_.clear();
  object_types_.clear();
  organisations_.clear();
  organisation_numbers_.clear();
  holdings_ = 0;
  over_correlated_keys_ = 0;
}

Status CorrelationIndex::Save(const std::filesystem::path& path, const std::string& marker) const {
  std::shared_lock lock(mutex_);
  std::filesystem::path temporary = path;
  temporary += ".new";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    SnapshotWriter out(file);
    out.Value(kSnapshotMagic);
    out.Text(marker);
    keys_.Save(out);
    objects_.Save(out);
    out.Values(key_entries_);
    out.Values(object_entries_);
    SaveLists(out, more_holdings_);
    out.Values(free_more_holdings_);
    SaveLists(out, more_keys_);
    SaveTexts(out, kinds_);
    SaveTexts(out, object_types_);
    SaveTexts(out, organisations_);
    out.Value<uint64_t>(holdings_);
    out.Value<uint64_t>(over_correlated_keys_);
    file.flush();
    if (!file) return Status::IoError("cannot write the correlation snapshot " + temporary.string());
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return Status::IoError("cannot rename " + temporary.string() + ": " + error.message());
  return Status::Ok();
}

Result<std::string> CorrelationIndex::Load(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound("no correlation snapshot " + path.string());
  std::unique_lock lock(mutex_);
  SnapshotReader in(file);
  uint64_t magic = 0;
  std::string marker;
  in.Value(magic);
  in.Text(marker);
  bool loaded = in.ok() && magic == kSnapshotMagic && keys_.Load(in) && objects_.Load(in);
  uint64_t holdings = 0, over_correlated_keys = 0;
  if (loaded) {
    in.Values(key_entries_);
    in.Values(object_entries_);
    LoadLists(in, more_holdings_);
    in.Values(free_more_holdings_);
    LoadLists(in, more_keys_);
    LoadTexts(in, kinds_);
    LoadTexts(in, object_types_);
    LoadTexts(in, organisations_);
    in.Value(holdings);
    in.Value(over_correlated_keys);
    loaded = in.ok() && key_entries_.size() == keys_.size() && object_entries_.size() == objects_.size();
  }
  organisation_numbers_.clear();
  for (size_t i = 0; loaded && i < organisations_.size(); ++i) organisation_numbers_.emplace(organisations_[i], i);
  if (!loaded) {
    Reset();
    return Status::Corruption("the correlation snapshot " + path.string() + " cannot be read; rebuilding");
  }
  holdings_ = holdings;
  over_correlated_keys_ = over_correlated_keys;
  return marker;
}

}  // namespace kenes::correlate
