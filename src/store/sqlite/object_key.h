// ObjectKey: the compact integer under which the SQLite store files an id.
//
// Indexing 40-odd bytes of random UUID text makes every insert touch a wide,
// random B-tree; a 64-bit integer key keeps the indexes a third of the size.
// The key is a hash of the whole id (the same UUID may legally appear under
// two types), so two ids can collide: the store resolves that by probing
// key, key+1, ... and comparing the stored text id. The hash is part of the
// file format: changing it needs a schema migration. Pure function.
#pragma once

#include <cstdint>
#include <string_view>

namespace kenes::store::sqlite {

inline int64_t ObjectKey(std::string_view id) {
  // FNV-1a, then the SplitMix64 finaliser to spread FNV's weak high bits.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : id) hash = (hash ^ c) * 0x100000001b3ULL;
  hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9ULL;
  hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebULL;
  hash ^= hash >> 31;
  // 62 bits: non-negative, and probing upwards cannot overflow.
  return static_cast<int64_t>(hash & 0x3fff'ffff'ffff'ffffULL);
}

}  // namespace kenes::store::sqlite
