// IdHash: the compact integer by which the SQLite store looks an id up.
//
// UUIDs are random, so the index that finds an object by id takes its inserts
// at random places, and each commit rewrites every page it touched. Indexing
// a 64-bit integer instead of 40-odd bytes of text keeps that index, and so
// the pages rewritten per commit, small. The hash covers the whole id (the
// same UUID may legally appear under two types); two ids may still collide,
// so lookups compare the stored text id too. The hash is part of the file
// format: changing it needs a schema migration. Pure function.
#pragma once

#include <cstdint>
#include <string_view>

namespace kenes::store::sqlite {

inline int64_t IdHash(std::string_view id) {
  // FNV-1a, then the SplitMix64 finaliser to spread FNV's weak high bits.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : id) hash = (hash ^ c) * 0x100000001b3ULL;
  hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9ULL;
  hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebULL;
  hash ^= hash >> 31;
  return static_cast<int64_t>(hash);
}

}  // namespace kenes::store::sqlite
