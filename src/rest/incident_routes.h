// The REST routes of joint response (respond/response_desk.h):
//
//   GET   /api/v1/incidents                 status, severity, affected_state (code or id)
//   POST  /api/v1/incidents                 create: name, description, severity, status, determination,
//                                           criticality, affected_states, links, tlp, distribution
//   GET   /api/v1/incidents/{id}            the incident with its plans, their tasks and its links
//   PATCH /api/v1/incidents/{id}            name, description, severity, status, determination,
//                                           criticality, affected_states
//   POST  /api/v1/incidents/{id}/plans      add a response plan: name, description, tlp, distribution
//   GET   /api/v1/incidents/{id}/timeline   versions, notes and sightings, oldest first
//   POST  /api/v1/plans/{id}/tasks          add a task: name, description, responsible, priority, due, depends_on
//   GET   /api/v1/tasks                     the caller's organisation's tasks (responsible=any|code|id,
//                                           outcome, incident, open)
//   PATCH /api/v1/tasks/{id}                outcome, responsible, due, priority, name, description, error
//   GET   /api/v1/tasks/{id}/history        every version, oldest first
//   POST  /api/v1/objects/{id}/notes        a comment or decision: abstract, content, tlp, distribution
//
// Bodies are JSON objects; an unknown member or a value of the wrong kind is
// a 400 naming it. Refusals map as Status does (error.h): 403 who, 409 the
// state (a final task, an unfinished dependency), 404 unknown or hidden.
// Responses carrying TLP:AMBER or TLP:RED objects are audited as every read.
// Without a desk every route answers 503.
//
// Thread-safety: as the desk's.
#pragma once

#include "http/router.h"
#include "rest/api.h"

namespace kenes::respond {
class ResponseDesk;
}  // namespace kenes::respond

namespace kenes::rest {

// Adds the routes above to `router`; `desk` may be null. REQUIRES: `api` and `desk` outlive `router`.
void RegisterIncidentRoutes(Api& api, http::Router& router, respond::ResponseDesk* desk);

}  // namespace kenes::rest
