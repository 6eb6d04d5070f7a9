#include "pattern/regex_filter.h"

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <algorithm>

#include "pattern/nfc_text.h"
#include "pattern/python_regex.h"
#include "pattern/value_key.h"

namespace kenes::pattern {

struct RegexFilter::Compiled {
  re2::FilteredRE2 filter{3};  // atoms shorter than 3 bytes would pass nearly every string
  std::unique_ptr<re2::RE2::Set> atoms;  // null when no expression has atoms
  std::vector<Handle> by_id;             // the handle of each expression FilteredRE2 took
  std::vector<Handle> always;            // expressions RE2 refused: the matcher decides
  std::vector<Handle> all;               // every handle once
};

RegexFilter::RegexFilter() = default;
RegexFilter::~RegexFilter() = default;

void RegexFilter::Add(Handle handle, std::string_view regex) {
  regexes_.emplace_back(handle, std::string(regex));
  stale_.store(true, std::memory_order_relaxed);
}

void RegexFilter::Remove(Handle handle) {
  std::erase_if(regexes_, [&](const auto& entry) { return entry.first == handle; });
  stale_.store(true, std::memory_order_relaxed);
}

const RegexFilter::Compiled& RegexFilter::Current() const {
  if (!stale_.load(std::memory_order_acquire)) return *compiled_;
  std::lock_guard<std::mutex> lock(rebuilding_);
  if (!stale_.load(std::memory_order_relaxed)) return *compiled_;
  auto compiled = std::make_unique<Compiled>();
  re2::RE2::Options options;
  options.set_log_errors(false);
  std::string normalized_buffer;
  for (const auto& [handle, regex] : regexes_) {
    compiled->all.push_back(handle);
    Result<std::string> source = TranslatePythonRegex(ToNfc(regex, normalized_buffer), RegexSubject::kText);
    int id = 0;
    if (!source.ok() || compiled->filter.Add(*source, options, &id) != re2::RE2::NoError) {
      compiled->always.push_back(handle);
      continue;
    }
    compiled->by_id.push_back(handle);
  }
  std::sort(compiled->all.begin(), compiled->all.end());
  compiled->all.erase(std::unique(compiled->all.begin(), compiled->all.end()), compiled->all.end());
  std::vector<std::string> atoms;
  if (!compiled->by_id.empty()) compiled->filter.Compile(&atoms);
  if (!atoms.empty()) {
    compiled->atoms = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    for (const std::string& atom : atoms) compiled->atoms->Add(re2::RE2::QuoteMeta(atom), nullptr);
    compiled->atoms->Compile();
  }
  compiled_ = std::move(compiled);
  stale_.store(false, std::memory_order_release);
  return *compiled_;
}

bool RegexFilter::AppendCandidates(std::string_view text, std::vector<Handle>* out) const {
  if (regexes_.empty()) return false;
  const Compiled& compiled = Current();
  if (!IsAscii(text)) {
    out->insert(out->end(), compiled.all.begin(), compiled.all.end());
    return true;
  }
  // FilteredRE2's atoms are lower case, to be found in lower-case text.
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  std::vector<int> found_atoms;
  if (compiled.atoms) compiled.atoms->Match(lower, &found_atoms);
  std::vector<int> passed;
  if (!compiled.by_id.empty()) compiled.filter.AllPotentials(found_atoms, &passed);
  const size_t start = out->size();
  for (int id : passed) out->push_back(compiled.by_id[static_cast<size_t>(id)]);
  out->insert(out->end(), compiled.always.begin(), compiled.always.end());
  // One handle may have several expressions here.
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(start), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(start), out->end()), out->end());
  return out->size() > start;
}

size_t RegexFilter::MemoryBytes() const {
  size_t bytes = regexes_.capacity() * sizeof(regexes_[0]);
  for (const auto& [handle, regex] : regexes_) bytes += regex.capacity() > 15 ? regex.capacity() + 1 : 0;
  return bytes;
}

}  // namespace kenes::pattern
