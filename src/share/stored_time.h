// Stored time: community.db keeps times as microseconds since the epoch, an
// integer that sorts and compares in SQL. Pure functions; thread-safe.
#pragma once

#include <cstdint>

#include "base/timestamp.h"

namespace kenes::share {

inline int64_t ToStoredTime(const Timestamp& time) { return time.TotalNanoseconds() / 1000; }

// Six fraction digits, as stored.
inline Timestamp FromStoredTime(int64_t microseconds) {
  Timestamp time;
  time.seconds = microseconds / 1'000'000;
  time.nanoseconds = static_cast<int32_t>(microseconds % 1'000'000) * 1000;
  time.fraction_digits = 6;
  return time;
}

}  // namespace kenes::share
