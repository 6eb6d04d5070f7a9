#include "pattern/value_table.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace kenes::pattern {

uint32_t ValueTable::Hash(std::string_view key) {
  const uint64_t hash = std::hash<std::string_view>{}(key);
  return static_cast<uint32_t>(hash ^ (hash >> 32));
}

size_t ValueTable::Find(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == kFree) return i;
    if (slot.hash == hash && KeyOf(entries_[slot.entry]) == key) return i;
  }
}

void ValueTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(16, old.size() * 2), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == kFree) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].entry != kFree) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  RebuildFilter();
}

void ValueTable::RebuildFilter() {
  const size_t bits = slots_.size() * 16;
  filter_.assign(bits / 64, 0);
  filter_shift_ = 64 - std::countr_zero(bits);
  for (const Slot& slot : slots_) {
    if (slot.entry != kFree) Mark(slot.hash);
  }
  removed_since_rebuild_ = 0;
}

uint32_t ValueTable::Add(std::string_view key, Handle handle) {
  // At most 5/8 full: a failed lookup then probes about three slots, nearly always one cache line.
  if ((size_ + 1) * 8 > slots_.size() * 5) Grow();
  const uint32_t hash = Hash(key);
  const size_t i = Find(key, hash);
  if (slots_[i].entry != kFree) {
    Entry& entry = entries_[slots_[i].entry];
    if (entry.more == 0) {
      if (free_more_.empty()) {
        more_.emplace_back();
        entry.more = static_cast<uint32_t>(more_.size());
      } else {
        entry.more = free_more_.back() + 1;
        free_more_.pop_back();
      }
    }
    more_[entry.more - 1].push_back(handle);
    return slots_[i].entry;
  }
  uint32_t number;
  if (free_entries_.empty()) {
    number = static_cast<uint32_t>(entries_.size());
    entries_.emplace_back();
  } else {
    number = free_entries_.back();
    free_entries_.pop_back();
  }
  entries_[number] = {static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), handle, 0};
  keys_.append(key);
  slots_[i] = {hash, number};
  Mark(hash);
  ++size_;
  return number;
}

void ValueTable::Remove(uint32_t number, Handle handle) {
  Entry& entry = entries_[number];
  if (entry.more == 0) return Release(number);
  std::vector<Handle>& more = more_[entry.more - 1];
  if (entry.first == handle) {
    entry.first = more.back();
    more.pop_back();
  } else {
    std::erase(more, handle);
  }
  if (!more.empty()) return;
  more.shrink_to_fit();
  free_more_.push_back(entry.more - 1);
  entry.more = 0;
}

void ValueTable::Release(uint32_t number) {
  Entry& entry = entries_[number];
  const size_t mask = slots_.size() - 1;
  size_t hole = Find(KeyOf(entry), Hash(KeyOf(entry)));
  // Backward shift: pull later slots of the probe run into the hole unless that would put them
  // before their home slot, so that no search stops early at the hole.
  for (size_t next = (hole + 1) & mask; slots_[next].entry != kFree; next = (next + 1) & mask) {
    const size_t home = slots_[next].hash & mask;
    const bool home_after_hole = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
    if (home_after_hole) continue;
    slots_[hole] = slots_[next];
    hole = next;
  }
  slots_[hole] = Slot{};
  removed_key_bytes_ += entry.key_size;
  entry = Entry{};
  free_entries_.push_back(number);
  --size_;
  // Bits of removed keys only let lookups through to the slots; many of them would let most.
  if (++removed_since_rebuild_ > size_ / 2 + 64) RebuildFilter();
  if (removed_key_bytes_ > 4096 && removed_key_bytes_ * 2 > keys_.size()) CompactKeys();
}

void ValueTable::CompactKeys() {
  std::string kept;
  kept.reserve(keys_.size() - removed_key_bytes_);
  for (Entry& entry : entries_) {
    if (entry.key_size == 0) continue;
    const std::string_view key = KeyOf(entry);
    entry.key_offset = static_cast<uint32_t>(kept.size());
    kept.append(key);
  }
  keys_ = std::move(kept);
  removed_key_bytes_ = 0;
}

bool ValueTable::AppendHandles(std::string_view key, std::vector<Handle>* out) const {
  if (size_ == 0) return false;
  const uint32_t hash = Hash(key);
  if (!MayHold(hash)) return false;
  const size_t i = Find(key, hash);
  if (slots_[i].entry == kFree) return false;
  const Entry& entry = entries_[slots_[i].entry];
  out->push_back(entry.first);
  if (entry.more != 0) out->insert(out->end(), more_[entry.more - 1].begin(), more_[entry.more - 1].end());
  return true;
}

size_t ValueTable::MemoryBytes() const {
  size_t bytes = slots_.capacity() * sizeof(Slot) + filter_.capacity() * sizeof(uint64_t) +
                 entries_.capacity() * sizeof(Entry) + keys_.capacity() +
                 (free_entries_.capacity() + free_more_.capacity()) * sizeof(uint32_t) +
                 more_.capacity() * sizeof(more_[0]);
  for (const std::vector<Handle>& more : more_) bytes += more.capacity() * sizeof(Handle);
  return bytes;
}

}  // namespace kenes::pattern
