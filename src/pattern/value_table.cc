#include "pattern/value_table.h"

#include <algorithm>
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
    if (slot.hash == hash && entries_[slot.entry].key == key) return i;
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
}

uint32_t ValueTable::Add(std::string_view key, Handle handle) {
  // At most 5/8 full: a failed lookup then probes about three slots, nearly always one cache line.
  if ((size_ + 1) * 8 > slots_.size() * 5) Grow();
  const uint32_t hash = Hash(key);
  const size_t i = Find(key, hash);
  if (slots_[i].entry != kFree) {
    Entry& entry = entries_[slots_[i].entry];
    if (!entry.more) entry.more = std::make_unique<std::vector<Handle>>();
    entry.more->push_back(handle);
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
  entries_[number].key.assign(key);
  entries_[number].first = handle;
  slots_[i] = {hash, number};
  ++size_;
  return number;
}

void ValueTable::Remove(uint32_t number, Handle handle) {
  Entry& entry = entries_[number];
  if (entry.more && !entry.more->empty()) {
    if (entry.first == handle) {
      entry.first = entry.more->back();
      entry.more->pop_back();
    } else {
      std::erase(*entry.more, handle);
    }
    return;
  }
  Release(number);
}

void ValueTable::Release(uint32_t number) {
  Entry& entry = entries_[number];
  const size_t mask = slots_.size() - 1;
  size_t hole = Find(entry.key, Hash(entry.key));
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
  entry.key.clear();
  entry.key.shrink_to_fit();
  entry.more.reset();
  free_entries_.push_back(number);
  --size_;
}

bool ValueTable::AppendHandles(std::string_view key, std::vector<Handle>* out) const {
  if (size_ == 0) return false;
  const size_t i = Find(key, Hash(key));
  if (slots_[i].entry == kFree) return false;
  const Entry& entry = entries_[slots_[i].entry];
  out->push_back(entry.first);
  if (entry.more) out->insert(out->end(), entry.more->begin(), entry.more->end());
  return true;
}

size_t ValueTable::MemoryBytes() const {
  size_t bytes = slots_.capacity() * sizeof(Slot) + entries_.capacity() * sizeof(Entry) +
                 free_entries_.capacity() * sizeof(uint32_t);
  for (const Entry& entry : entries_) {
    // Short keys live inside the string itself.
    if (entry.key.capacity() > 15) bytes += entry.key.capacity() + 1;
    if (entry.more) bytes += sizeof(*entry.more) + entry.more->capacity() * sizeof(Handle);
  }
  return bytes;
}

}  // namespace kenes::pattern
