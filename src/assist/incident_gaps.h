// IncidentGaps: the open assistance gaps of an incident, for the incident
// report (respond's report shows them through this provider).
//
// A gap line is a need line, of a request that names the incident in its
// incident_ref, whose accepted quantities do not cover what is needed. What
// is counted follows the reader's sharing rules: only requests and offers
// the reader may see (assistance_ledger.h says how gaps are computed for
// whom). Closed requests are left out: they no longer ask for anything.
//
// Thread-safety: as AssistanceDesk's reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assist/assistance_desk.h"
#include "assist/assistance_ledger.h"
#include "base/status.h"
#include "store/store.h"

namespace kenes::assist {

struct IncidentGap {
  std::string request_id;
  std::string request_name;
  std::string requester;  // identity id of the requesting organisation
  LedgerLine line;        // item, unit, needed, pledged, delivered, gap (> 0)...
};

// The open gap lines of the open requests naming `incident_id`, as `viewer`
// (nullptr: everything) may see them, requests newest first and lines in
// their order.
Result<std::vector<IncidentGap>> OpenGapsOfIncident(AssistanceDesk& desk, std::string_view incident_id,
                                                    const store::Viewer* viewer);

}  // namespace kenes::assist
