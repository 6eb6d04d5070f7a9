// SampleObjects: a deterministic stream of STIX 2.1 JSON texts of mixed
// types, about 500 bytes each, for measuring ingest.
//
// The mix is what a national CERT feed looks like: mostly indicators,
// observables and relationships, some malware, reports and identities, and
// about one object in twenty a newer version of a recent indicator. The same
// seed gives the same texts, so two measurements can be fed identical input.
// Not thread-safe; one generator per thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kenes::bench {

class SampleObjects {
 public:
  explicit SampleObjects(uint64_t seed = 1);

  // Replaces `text` with the next object's JSON text (no trailing newline).
  void Next(std::string& text);

 private:
  uint64_t Random();
  std::string Uuid();
  std::string Time(int64_t offset_seconds);
  // Pads `text` (an object without its closing brace) with a description to about 500 bytes, and closes it.
  void Finish(std::string& text);

  uint64_t state_;
  int64_t clock_ = 0;  // seconds after the feed's start, advancing per object
  std::vector<std::string> authors_;
  std::vector<std::string> recent_indicators_;  // "<uuid>|<created>" of indicators that may get new versions
};

}  // namespace kenes::bench
