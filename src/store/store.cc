#include "store/store.h"

namespace kenes::store {

std::string_view WriteOutcomeName(WriteOutcome outcome) {
  switch (outcome) {
    case WriteOutcome::kStored: return "stored";
    case WriteOutcome::kDuplicate: return "duplicate";
    case WriteOutcome::kConflict: return "conflict";
    case WriteOutcome::kRevoked: return "revoked";
    case WriteOutcome::kInvalid: return "invalid";
  }
  return "unknown";
}

}  // namespace kenes::store
