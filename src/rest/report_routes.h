// The REST route of the incident report for council meetings
// (respond/incident_report.h):
//
//   GET /api/v1/incidents/{id}/report   the incident as one self-contained HTML document (text/html)
//
// The report is gathered through the caller's store viewer, so it holds only
// what the caller's organisation may see; a hidden incident is a 404 in the
// words of an unknown one. Its TLP:AMBER and TLP:RED contents are audited
// before it is sent, as every read. Open assistance gaps come from
// ApiOptions::incident_assistance_gaps (empty: the report says assistance is
// not tracked on this node). The route needs only the store, so it always
// answers.
//
// Thread-safety: the handler may run on any number of threads at once.
#pragma once

#include "http/router.h"
#include "respond/incident_brief.h"
#include "rest/api.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::rest {

// Adds the route above to `router`. REQUIRES: `api`, `store` and `community` outlive `router`.
void RegisterReportRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                          respond::AssistanceGapProvider assistance_gaps);

}  // namespace kenes::rest
