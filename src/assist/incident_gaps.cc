#include "assist/incident_gaps.h"

namespace kenes::assist {

Result<std::vector<IncidentGap>> OpenGapsOfIncident(AssistanceDesk& desk, std::string_view incident_id,
                                                    const store::Viewer* viewer) {
  KENES_ASSIGN_OR_RETURN(std::vector<AssistanceRequest> requests, desk.FindRequests(viewer, {"open", "", ""}));
  std::vector<IncidentGap> gaps;
  for (const AssistanceRequest& request : requests) {
    if (request.incident_ref != incident_id) continue;
    KENES_ASSIGN_OR_RETURN(RequestView view, desk.ViewRequest(viewer, request.id));
    for (const LedgerLine& line : view.ledger) {
      if (line.gap <= 0) continue;
      gaps.push_back({request.id, request.name, request.requester, line});
    }
  }
  return gaps;
}

}  // namespace kenes::assist
