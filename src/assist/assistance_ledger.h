// AssistanceLedger: where each need line of a request stands, computed from
// the request and the offers made against it — never stored, so it cannot
// drift from the objects it sums.
//
// Per need line: needed (the request's quantity); pledged (the quantities of
// offers pledged or accepted: withdrawn and declined offers count for
// nothing); accepted, dispatched and delivered (of accepted offers); and the
// open gap, needed - accepted, never below 0 (more accepted than needed
// closes the gap, it does not open a negative one).
//
// For whom: the ledger sums the offers it is given, and the desk gives it
// the offers the reader may see (the store's access decision). The
// requester sees every offer made to it (the desk grants it any it could
// not see otherwise), so its ledger is complete; a third organisation's
// ledger counts only the offers shared with it, and shows the gap as it
// knows it. The desk says in its answer how many offers were counted.
//
// Pure function over plain values; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "assist/assistance_offer.h"
#include "assist/assistance_request.h"

namespace kenes::assist {

struct LedgerLine {
  std::string line_id;
  std::string item;
  std::string unit;
  std::string priority;
  int64_t needed = 0;
  int64_t pledged = 0;
  int64_t accepted = 0;
  int64_t dispatched = 0;
  int64_t delivered = 0;
  int64_t gap = 0;  // needed - accepted, at least 0
};

// One line per need line of `request`, in its order, summing the `offers`
// whose request_ref is the request (others are ignored).
std::vector<LedgerLine> ComputeLedger(const AssistanceRequest& request, std::span<const AssistanceOffer> offers);

}  // namespace kenes::assist
