#include "sight/indicator_table.h"

namespace kenes::sight {

bool IndicatorTable::Advance(std::string_view id, const Timestamp& version) {
  auto [newest, inserted] = newest_.try_emplace(std::string(id), version);
  if (!inserted) {
    if (version <= newest->second) return false;
    newest->second = version;
  }
  if (auto filed = filed_.find(newest->first); filed != filed_.end()) Remove(filed->second);
  return true;
}

IndicatorTable::Handle IndicatorTable::Add(ActiveIndicator indicator, std::optional<Timestamp> hunted_since) {
  Handle handle;
  if (free_.empty()) {
    handle = static_cast<Handle>(entries_.size());
    entries_.emplace_back();
  } else {
    handle = free_.back();
    free_.pop_back();
  }
  index_.Add(handle, indicator.matcher.pattern());
  filed_[indicator.id] = handle;
  entries_[handle].emplace(Entry{std::move(indicator), {}, hunted_since});
  return handle;
}

void IndicatorTable::Remove(Handle handle) {
  if (handle >= entries_.size() || !entries_[handle]) return;
  index_.Remove(handle);
  filed_.erase(entries_[handle]->indicator.id);
  entries_[handle].reset();
  free_.push_back(handle);
}

void IndicatorTable::Forget(std::string_view id) {
  if (std::optional<Handle> handle = HandleOf(id)) Remove(*handle);
  newest_.erase(std::string(id));
}

std::optional<IndicatorTable::Handle> IndicatorTable::HandleOf(std::string_view id) const {
  auto filed = filed_.find(std::string(id));
  if (filed == filed_.end()) return std::nullopt;
  return filed->second;
}

void IndicatorTable::ForgetVisibility() {
  for (std::optional<Entry>& entry : entries_) {
    if (entry) entry->visible_to.clear();
  }
}

}  // namespace kenes::sight
