#include "taxii/status_registry.h"

namespace kenes::taxii {
namespace {

// Whose resources a principal's are: its organisation's, or its own when it has none.
std::string OwnerOf(const share::Principal& principal) {
  return principal.organisation.empty() ? "user " + principal.user : principal.organisation;
}

}  // namespace

StatusRegistry::StatusRegistry(size_t capacity, std::chrono::seconds retention, store::Clock& clock)
    : capacity_(capacity), retention_(retention), clock_(clock) {}

void StatusRegistry::Add(std::string id, const share::Principal& owner, std::string json) {
  Timestamp now = clock_.Now();
  std::lock_guard lock(mutex_);
  order_.push_back(id);
  entries_[std::move(id)] = Entry{OwnerOf(owner), now, std::move(json)};
  Prune(now);
}

std::optional<std::string> StatusRegistry::Find(std::string_view id, const share::Principal& reader) {
  Timestamp now = clock_.Now();
  std::lock_guard lock(mutex_);
  Prune(now);
  auto found = entries_.find(std::string(id));
  if (found == entries_.end()) return std::nullopt;
  if (reader.role != share::Role::kAdmin && found->second.owner != OwnerOf(reader)) return std::nullopt;
  return found->second.json;
}

void StatusRegistry::Prune(const Timestamp& now) {
  const int64_t oldest_kept = now.TotalMicroseconds() - std::chrono::microseconds(retention_).count();
  while (!order_.empty()) {
    auto entry = entries_.find(order_.front());
    if (order_.size() <= capacity_ && entry->second.added.TotalMicroseconds() >= oldest_kept) break;
    entries_.erase(entry);
    order_.pop_front();
  }
}

}  // namespace kenes::taxii
