#include "demo/seeded_random.h"

#include "stix/sco_id.h"

namespace kenes::demo {

uint64_t SeededRandom::Next() {
  // splitmix64 (Steele, Lea and Flood, 2014), as in Java's SplittableRandom.
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t SeededRandom::Below(uint64_t bound) {
  // Lemire's multiply-shift: the bias (under 2^-32 for our bounds) does not
  // matter for demo data, and the result is the same on every platform.
  return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * bound) >> 64);
}

std::string SeededRandom::UuidV4() {
  stix::UuidBytes bytes;
  for (size_t half = 0; half < 2; ++half) {
    uint64_t bits = Next();
    for (size_t i = 0; i < 8; ++i) bytes[half * 8 + i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
  }
  return stix::UuidV4FromBytes(bytes);
}

void SeededRandom::AppendHex(std::string& out, size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t bits = 0;
  for (size_t i = 0; i < digits; ++i) {
    if (i % 16 == 0) bits = Next();
    out += kHex[bits & 0xf];
    bits >>= 4;
  }
}

}  // namespace kenes::demo
