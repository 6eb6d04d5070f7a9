#include "assist/assistance_ledger.h"

#include <algorithm>

namespace kenes::assist {

std::vector<LedgerLine> ComputeLedger(const AssistanceRequest& request, std::span<const AssistanceOffer> offers) {
  std::vector<LedgerLine> ledger;
  for (const NeedLine& need : request.needs) {
    LedgerLine line{need.line_id, need.item, need.unit, need.priority, need.quantity};
    for (const AssistanceOffer& offer : offers) {
      if (offer.request_ref != request.id) continue;
      const OfferLine* offered = offer.Line(need.line_id);
      if (offered == nullptr) continue;
      if (offer.status == "pledged" || offer.status == "accepted") line.pledged += offered->quantity;
      if (offer.status == "accepted") {
        line.accepted += offered->accepted;
        line.dispatched += offered->dispatched;
        line.delivered += offered->delivered;
      }
    }
    line.gap = std::max<int64_t>(0, line.needed - line.accepted);
    ledger.push_back(std::move(line));
  }
  return ledger;
}

}  // namespace kenes::assist
