// AssistanceRoutes: the REST API over mutual assistance
// (assist/assistance_desk.h), under /api/v1/assistance:
//
//   GET  /requests                   requests the caller may see: status, hazard, requester (code or id)
//   POST /requests                   publish: {"name", "description"?, "hazard", "location_ref",
//                                    "incident_ref"?, "needs": [{"line_id"?, "item", "quantity", "unit",
//                                    "priority"?}], "tlp"?, "distribution"?}
//   GET  /requests/{id}              {"request", "offers", "ledger"}: the offers and the ledger the caller may see
//   POST /requests/{id}/close        the requester closes it
//   POST /requests/{id}/offers       pledge: {"lines": [{"line_id", "quantity", "unit"?, "note"?}], "tlp"?,
//                                    "distribution"?}
//   GET  /offers                     direction=mine|to-me|all (default all): the caller's offers, those on its requests
//   POST /offers/{id}/accept         the requester; body optional: {"lines": [{"line_id", "quantity"}]} accepts part
//   POST /offers/{id}/decline        the requester
//   POST /offers/{id}/withdraw       the offerer
//   POST /offers/{id}/progress       the offerer: {"lines": [{"line_id", "dispatched"?, "delivered"?}]}, totals so far
//
// Requests and offers are answered as their STIX objects (latest version);
// the desk's refusals are the API's errors (403 not yours, 409 not in this
// state, 400 bad quantities, 404 unknown or hidden). Without a desk every
// route answers 503.
//
// Thread-safety: as the Api's routes.
#pragma once

#include "http/router.h"

namespace kenes::assist {
class AssistanceDesk;
}  // namespace kenes::assist

namespace kenes::rest {

class Api;

// Adds the routes above to `router`, always (null `desk`: they answer 503).
// REQUIRES: `api` and `desk` outlive `router`.
void RegisterAssistanceRoutes(Api& api, http::Router& router, assist::AssistanceDesk* desk);

}  // namespace kenes::rest
