// Timestamp: a STIX timestamp (RFC 3339, UTC, "Z" suffix), kept to the
// nanosecond with the number of fraction digits it was written with.
//
// STIX compares versions by time, and producers write the same instant with
// different precision ("...:00Z" and "...:00.000Z"), so comparisons go through
// the parsed value, never the text. Plain value type; thread-compatible.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kenes {

struct Timestamp {
  int64_t seconds = 0;       // since 1970-01-01T00:00:00Z
  int32_t nanoseconds = 0;   // 0..999,999,999
  int8_t fraction_digits = 0;  // as written: 0 for "...:00Z", 3 for "...:00.000Z"

  // Nanoseconds since the epoch; fits int64 until the year 2262.
  int64_t TotalNanoseconds() const { return seconds * 1'000'000'000 + nanoseconds; }
  // Microseconds since the epoch (truncated): how Kenes' databases keep times,
  // as integers that sort and compare in SQL.
  int64_t TotalMicroseconds() const { return seconds * 1'000'000 + nanoseconds / 1000; }

  // Instants compare equal whatever precision they were written with.
  friend bool operator==(const Timestamp& a, const Timestamp& b) {
    return a.seconds == b.seconds && a.nanoseconds == b.nanoseconds;
  }
  friend std::strong_ordering operator<=>(const Timestamp& a, const Timestamp& b) {
    if (auto c = a.seconds <=> b.seconds; c != 0) return c;
    return a.nanoseconds <=> b.nanoseconds;
  }
};

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction]Z" as STIX 2.1 section 3.2 requires:
// upper-case T and Z, UTC only, a real calendar date, seconds 00-60 (leap).
// Returns nullopt for anything else.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// Writes the timestamp in STIX form with exactly `fraction_digits` digits
// (0-9) after the seconds, e.g. 3 gives "2026-11-29T04:36:38.123Z".
std::string FormatTimestamp(const Timestamp& timestamp, int fraction_digits);

// The inverse of Timestamp::TotalMicroseconds(), written with six fraction digits.
Timestamp TimestampFromMicroseconds(int64_t microseconds);

// The current time, with microsecond resolution.
Timestamp Now();

}  // namespace kenes
