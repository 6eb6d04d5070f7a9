// IncidentJson: incidents, response plans, tasks and timeline entries
// (respond/response_records.h) as the REST API shows them.
//
//   incident  {"id", "name", "description", "owner", "status", "determination", "criticality",
//              "severity", "affected_states", "modified"}
//   plan      {"id", "name", "description", "owner", "incident_id", "modified"}
//   task      {"id", "name", "description", "owner", "plan_id", "incident_id", "responsible",
//              "outcome", "priority", "due", "depends_on", "changed_by", "error", "start_time",
//              "end_time", "modified"}
//   entry     {"time", "kind", "object": <the STIX version as stored>}
//
// Absent optional values are null. Pure functions; thread-safe.
#pragma once

#include <string>

#include "respond/response_reader.h"
#include "respond/response_records.h"

namespace kenes::rest {

void AppendIncident(std::string& out, const respond::Incident& incident);
void AppendPlan(std::string& out, const respond::ResponsePlan& plan);
void AppendTask(std::string& out, const respond::Task& task);
void AppendTimelineEvent(std::string& out, const respond::TimelineEvent& entry);

}  // namespace kenes::rest
