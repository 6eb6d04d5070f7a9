#include "observable/keccak.h"

#include <cstring>

namespace kenes::observable {
namespace {

constexpr size_t kRateBytes = 136;  // 1600 - 2 * 256 bits

constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000, 0x000000000000808b,
    0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008a, 0x0000000000000088,
    0x0000000080008009, 0x000000008000000a, 0x000000008000808b, 0x800000000000008b, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008};

constexpr int kRotations[24] = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr int kLanes[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

uint64_t RotateLeft(uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

// Keccak-f[1600], in the compact form of the reference implementation.
void Permute(uint64_t state[25]) {
  for (uint64_t round_constant : kRoundConstants) {
    uint64_t column[5];
    for (int x = 0; x < 5; ++x) column[x] = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
    for (int x = 0; x < 5; ++x) {
      uint64_t theta = column[(x + 4) % 5] ^ RotateLeft(column[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) state[y + x] ^= theta;
    }
    uint64_t carried = state[1];
    for (int i = 0; i < 24; ++i) {
      uint64_t next = state[kLanes[i]];
      state[kLanes[i]] = RotateLeft(carried, kRotations[i]);
      carried = next;
    }
    for (int y = 0; y < 25; y += 5) {
      uint64_t row[5];
      for (int x = 0; x < 5; ++x) row[x] = state[y + x];
      for (int x = 0; x < 5; ++x) state[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
    }
    state[0] ^= round_constant;
  }
}

// Lanes are little-endian, whatever the machine.
void AbsorbBlock(uint64_t state[25], const uint8_t* block) {
  for (size_t lane = 0; lane < kRateBytes / 8; ++lane) {
    uint64_t value = 0;
    for (int byte = 7; byte >= 0; --byte) value = (value << 8) | block[lane * 8 + static_cast<size_t>(byte)];
    state[lane] ^= value;
  }
  Permute(state);
}

}  // namespace

std::array<uint8_t, 32> Keccak256(std::string_view data) {
  uint64_t state[25] = {};
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t remaining = data.size();
  for (; remaining >= kRateBytes; remaining -= kRateBytes, bytes += kRateBytes) AbsorbBlock(state, bytes);
  uint8_t last[kRateBytes] = {};
  std::memcpy(last, bytes, remaining);
  last[remaining] ^= 0x01;
  last[kRateBytes - 1] ^= 0x80;
  AbsorbBlock(state, last);
  std::array<uint8_t, 32> digest;
  for (size_t i = 0; i < digest.size(); ++i) digest[i] = static_cast<uint8_t>(state[i / 8] >> (8 * (i % 8)));
  return digest;
}

}  // namespace kenes::observable
