// Clock: where the store reads the time it stamps on each stored version.
//
// The store's date_added must keep increasing even when the system clock
// steps backwards (NTP corrections, a restored VM), and tests need to prove
// that. So the store never calls the system clock directly: it asks a Clock,
// and tests pass one that jumps around. Implementations must be safe to call
// from any thread.
#pragma once

#include "base/timestamp.h"

namespace kenes::store {

class Clock {
 public:
  virtual ~Clock() = default;

  // The current time as this clock sees it; may go backwards between calls.
  virtual Timestamp Now() = 0;
};

// The process-wide wall clock (kenes::Now()). Never destroyed.
Clock& SystemClock();

}  // namespace kenes::store
