// ValueTable: the values the patterns filed under one object path compare it with, each with the
// handles of those patterns; the indicator index holds one per path.
//
// An open-addressing hash table (linear probing, backward-shift deletion) whose slots hold 32
// bits of the key's hash beside the entry's number. Most observed values are named by no
// pattern, so the lookup that matters is the one that fails: it reads the slots of one cache line
// and no key, where a node-based map reads a bucket and then a node in two other places. Keys
// live back to back in one buffer, compacted when removed ones take half of it: 16 bytes an
// entry and the key's bytes, not a string and a heap block each. In front of the slots, a bitset
// of 16 bits a slot (a Bloom filter with one hash) answers most failed lookups from a quarter of
// the slots' memory, which stays in cache where the slots would not.
//
// Not thread-safe for Add/Remove; lookups are const and may run on many threads at once while no
// one writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kenes::pattern {

class ValueTable {
 public:
  using Handle = uint32_t;

  // Files `handle` under `key` and returns the number of key's entry, which stays the same until
  // the entry's last handle is removed. REQUIRES: `handle` is not filed under `key` yet.
  uint32_t Add(std::string_view key, Handle handle);
  // Takes `handle` out of entry `entry`. REQUIRES: Add filed it there.
  void Remove(uint32_t entry, Handle handle);
  // Appends the handles filed under `key` to `out` (each once); returns false when there are none.
  bool AppendHandles(std::string_view key, std::vector<Handle>* out) const;

  size_t size() const { return size_; }  // keys held
  size_t MemoryBytes() const;

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint32_t hash = 0;
    uint32_t entry = kFree;
  };
  // Nearly every value is named by one pattern: its handle is inline, others go to a list.
  struct Entry {
    uint32_t key_offset = 0;  // in keys_
    uint32_t key_size = 0;    // 0: a free entry (keys are never empty: they start with a tag)
    Handle first = 0;
    uint32_t more = 0;  // 0, or 1 + the index of the other handles' list in more_
  };

  static uint32_t Hash(std::string_view key);
  std::string_view KeyOf(const Entry& entry) const { return std::string_view(keys_).substr(entry.key_offset, entry.key_size); }
  void CompactKeys();
  // The filter's bit for `hash`: from its high bits after mixing, where the slot comes from its low ones.
  size_t FilterBit(uint32_t hash) const { return (hash * uint64_t{0x9E3779B97F4A7C15}) >> filter_shift_; }
  bool MayHold(uint32_t hash) const { return (filter_[FilterBit(hash) / 64] >> (FilterBit(hash) % 64)) & 1; }
  void Mark(uint32_t hash) { filter_[FilterBit(hash) / 64] |= uint64_t{1} << (FilterBit(hash) % 64); }
  void RebuildFilter();
  // The slot holding entry `entry` or, with entry kFree, the key `key`; or the free slot where
  // the search ended.
  size_t Find(std::string_view key, uint32_t hash) const;
  void Grow();
  void Release(uint32_t entry);

  std::vector<Slot> slots_;  // a power of two of them, or none
  std::vector<uint64_t> filter_;  // 16 bits a slot; keys removed leave their bits until RebuildFilter
  int filter_shift_ = 64;
  size_t removed_since_rebuild_ = 0;
  std::vector<Entry> entries_;
  std::vector<uint32_t> free_entries_;
  std::string keys_;
  size_t removed_key_bytes_ = 0;  // in keys_, until CompactKeys
  std::vector<std::vector<Handle>> more_;
  std::vector<uint32_t> free_more_;
  size_t size_ = 0;
};

}  // namespace kenes::pattern
