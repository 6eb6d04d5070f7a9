// SeededRandom: the demo's only source of randomness, repeatable from a seed.
//
// The demo data must be byte-identical for a seed on every machine and
// library version, so it uses its own splitmix64 generator and its own
// range reduction instead of std::mt19937 with std distributions (whose
// output the C++ standard does not pin down). Not thread-safe; one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

namespace kenes::demo {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}

  // The next 64 random bits.
  uint64_t Next();

  // A number in [0, bound). REQUIRES: bound > 0.
  uint64_t Below(uint64_t bound);

  // An element of `items` (an array or vector). REQUIRES: it is not empty.
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[Below(std::size(items))];
  }

  // A version 4 UUID in canonical text form, made from the next 128 bits.
  std::string UuidV4();

  // Appends `digits` random lower-case hexadecimal digits (for hash values).
  void AppendHex(std::string& out, size_t digits);

 private:
  uint64_t state_;
};

}  // namespace kenes::demo
