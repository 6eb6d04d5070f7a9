// RegexFilter: the MATCHES comparisons the indicator index files under one object path, and which
// of them a string may satisfy, so that the matcher runs only those.
//
// RE2's FilteredRE2 reduces each regular expression, translated and compiled as the matcher does
// (NFC, then python_regex.h), to the literal strings it cannot match without (its "atoms", joined
// by AND and OR); an RE2::Set finds in one pass which atoms a string holds, and the expressions
// those atoms allow are the candidates. An expression with no atoms ('.*') is always a candidate;
// so is every expression for a string beyond ASCII, which the matcher puts in NFC first.
//
// Add and Remove only mark the filter stale; the next lookup rebuilds it, under a lock, once. Not
// thread-safe for Add/Remove; AppendCandidates may run on many threads at once while no one writes.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kenes::pattern {

class RegexFilter {
 public:
  using Handle = uint32_t;

  RegexFilter();
  ~RegexFilter();

  // Files `handle` under `regex`, the MATCHES literal as the pattern holds it.
  void Add(Handle handle, std::string_view regex);
  // Takes out every regex filed under `handle`.
  void Remove(Handle handle);

  // Appends to `out`, each once, the handles whose regex `text` may match; returns false when
  // there are none.
  bool AppendCandidates(std::string_view text, std::vector<Handle>* out) const;

  bool empty() const { return regexes_.empty(); }
  size_t MemoryBytes() const;  // of the regexes' texts; RE2's own heap is not counted

 private:
  struct Compiled;
  const Compiled& Current() const;

  std::vector<std::pair<Handle, std::string>> regexes_;
  mutable std::mutex rebuilding_;
  mutable std::atomic<bool> stale_{false};
  mutable std::unique_ptr<Compiled> compiled_;
};

}  // namespace kenes::pattern
