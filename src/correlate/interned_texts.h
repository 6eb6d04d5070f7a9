// InternedTexts: a set of byte strings numbered 0, 1, 2... in the order they
// were first interned, kept back to back in one buffer and found through an
// open-addressing table of numbers, so the correlation index pays a few
// bytes per text beyond the text itself instead of a std::string and a
// hash node each (10 million keys: about 12 bytes a key of overhead).
//
// Texts of a fixed width (set at construction) keep no offsets at all.
// Numbers are never reused; nothing is removed.
//
// Not thread-safe: the owner (correlation_index.h) locks around it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "correlate/snapshot_file.h"

namespace kenes::correlate {

class InternedTexts {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  // `fixed_width` > 0: every text interned has exactly that many bytes.
  explicit InternedTexts(size_t fixed_width = 0) : fixed_width_(fixed_width) {}

  // The number of `text`, or kAbsent.
  uint32_t Find(std::string_view text) const;
  // The number of `text`, interning it when new.
  uint32_t Intern(std::string_view text);

  // REQUIRES: number < size().
  std::string_view Text(uint32_t number) const;
  size_t size() const { return count_; }
  // Bytes held, capacity included.
  size_t MemoryBytes() const;

  void Save(SnapshotWriter& out) const;
  // Replaces the texts with those `in` holds; false when they are not
  // texts of this width.
  bool Load(SnapshotReader& in);

 private:
  size_t SlotOf(std::string_view text) const;  // where `text` is, or the empty slot where it would go
  void Grow();

  size_t fixed_width_;
  size_t count_ = 0;
  std::string bytes_;
  std::vector<uint64_t> ends_;   // variable width: where each text ends in bytes_
  std::vector<uint32_t> slots_;  // number + 1; 0 is empty
};

}  // namespace kenes::correlate
