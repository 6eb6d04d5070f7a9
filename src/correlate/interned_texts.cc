#include "correlate/interned_texts.h"

#include <functional>

namespace kenes::correlate {

std::string_view InternedTexts::Text(uint32_t number) const {
  if (fixed_width_ > 0) return std::string_view(bytes_).substr(number * fixed_width_, fixed_width_);
  uint64_t begin = number == 0 ? 0 : ends_[number - 1];
  return std::string_view(bytes_).substr(begin, ends_[number] - begin);
}

size_t InternedTexts::SlotOf(std::string_view text) const {
  size_t mask = slots_.size() - 1;
  for (size_t slot = std::hash<std::string_view>()(text) & mask;; slot = (slot + 1) & mask) {
    uint32_t held = slots_[slot];
    if (held == 0 || Text(held - 1) == text) return slot;
  }
}

uint32_t InternedTexts::Find(std::string_view text) const {
  if (slots_.empty()) return kAbsent;
  uint32_t held = slots_[SlotOf(text)];
  return held == 0 ? kAbsent : held - 1;
}

uint32_t InternedTexts::Intern(std::string_view text) {
  // At most 3/4 full, so probes stay short.
  if ((count_ + 1) * 4 > slots_.size() * 3) Grow();
  size_t slot = SlotOf(text);
  if (slots_[slot] != 0) return slots_[slot] - 1;
  bytes_.append(text);
  if (fixed_width_ == 0) ends_.push_back(bytes_.size());
  uint32_t number = static_cast<uint32_t>(count_++);
  slots_[slot] = number + 1;
  return number;
}

void InternedTexts::Grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  for (uint32_t number = 0; number < count_; ++number) slots_[SlotOf(Text(number))] = number + 1;
}

void InternedTexts::Save(SnapshotWriter& out) const {
  out.Value<uint64_t>(fixed_width_);
  out.Value<uint64_t>(count_);
  out.Text(bytes_);
  out.Values(ends_);
  out.Values(slots_);
}

bool InternedTexts::Load(SnapshotReader& in) {
  uint64_t fixed_width = 0, count = 0;
  in.Value(fixed_width);
  in.Value(count);
  in.Text(bytes_);
  in.Values(ends_);
  in.Values(slots_);
  count_ = count;
  bool sizes_agree = fixed_width_ > 0 ? bytes_.size() == count * fixed_width_ : ends_.size() == count;
  return in.ok() && fixed_width == fixed_width_ && sizes_agree && (slots_.size() & (slots_.size() - 1)) == 0 &&
         count * 4 <= slots_.size() * 3;
}

size_t InternedTexts::MemoryBytes() const {
  return bytes_.capacity() + ends_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint32_t);
}

}  // namespace kenes::correlate
