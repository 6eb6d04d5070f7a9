#include "store/clock.h"

namespace kenes::store {
namespace {

class WallClock final : public Clock {
 public:
  Timestamp Now() override { return kenes::Now(); }
};

}  // namespace

Clock& SystemClock() {
  static WallClock* clock = new WallClock();  // leaked on purpose: usable during static destruction
  return *clock;
}

}  // namespace kenes::store
