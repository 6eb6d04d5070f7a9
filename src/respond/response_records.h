// ResponseRecords: incidents, response plans and tasks as Kenes reads them
// from their STIX objects (response_types.h says which), and the STIX text
// of their next version.
//
//   Incident      incident + Incident Core + Kenes incident extensions
//   ResponsePlan  course-of-action + Kenes response-plan extension
//   Task          OASIS task + Kenes task extension
//
// Each record keeps the stored version it was read from, so a new version
// keeps what Kenes does not model (labels, external references, markings).
//
// Plain values and pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "respond/task_outcome.h"
#include "store/store.h"

namespace kenes::respond {

// "new", "open", "closed" (Incident Core's investigation_status).
bool IsInvestigationStatus(std::string_view status);
// "low", "medium", "high", "critical".
bool IsSeverity(std::string_view severity);
// Incident Core's incident-determination-enum.
bool IsDetermination(std::string_view determination);

struct Incident {
  std::string id;
  std::string owner;  // created_by_ref: the organisation that runs the response
  std::string name;
  std::string description;
  std::string status = "new";
  std::string determination = "suspected";
  std::optional<int> criticality;  // 0-100
  std::string severity = "medium";
  std::vector<std::string> affected_states;  // identity ids
  store::StoredVersion stored;               // empty json for a draft not stored yet
};

struct ResponsePlan {
  std::string id;
  std::string owner;  // created_by_ref: assigns, edits and cancels the plan's tasks
  std::string name;
  std::string description;
  std::string incident_id;
  store::StoredVersion stored;
};

struct Task {
  std::string id;
  std::string owner;  // created_by_ref: the plan's owner, in every version
  std::string name;
  std::string description;
  std::string plan_id;
  std::string incident_id;
  std::string responsible;  // identity id of the organisation that carries it out
  TaskOutcome outcome = TaskOutcome::kPending;
  int priority = 50;  // 0-100, as the task extension's
  std::optional<Timestamp> due;
  std::vector<std::string> depends_on;  // task ids of the same plan
  std::string changed_by;               // the organisation that made this version
  std::string error;                    // why it failed, when it did
  std::optional<Timestamp> start_time;  // when the task was first recorded
  std::optional<Timestamp> end_time;    // when it reached a final outcome
  store::StoredVersion stored;
};

// Read from a stored version; InvalidArgument naming what is missing when
// the object is not one of these (another type, or without the extension).
Result<Incident> ReadIncident(const store::StoredVersion& stored);
Result<ResponsePlan> ReadPlan(const store::StoredVersion& stored);
Result<Task> ReadTask(const store::StoredVersion& stored);

// The STIX text of a version of the record: its `id`; `created` from the
// stored version when there is one, else `now`; `modified` = `now`;
// created_by_ref = the owner (omitted when empty); and the stored version's
// object_marking_refs (set them on a draft's `stored` to mark a new object).
std::string IncidentText(const Incident& incident, const Timestamp& now);
std::string PlanText(const ResponsePlan& plan, const Timestamp& now);
std::string TaskText(const Task& task, const Timestamp& now);

// A relationship from an incident to what it concerns, with the Incident
// Core relationship type for the target's type (attributed-to a threat
// actor or intrusion set, targets an identity or infrastructure, located-at
// a location, led-to an incident), else related-to.
std::string RelationshipTypeFor(std::string_view target_type);
// `author` and `markings` are the incident's, so whoever sees the incident sees what it concerns.
std::string LinkText(std::string_view id, std::string_view incident_id, std::string_view target_id,
                     std::string_view author, const std::vector<std::string>& markings, const Timestamp& now);

// A note (comment or decision) about `object_ids`.
std::string NoteText(std::string_view id, std::string_view abstract, std::string_view content,
                     const std::vector<std::string>& object_ids, const Timestamp& now);

// A version timestamp for `now`, after `previous` (when given), to the millisecond.
Timestamp VersionTime(const Timestamp& now, const std::optional<Timestamp>& previous);

}  // namespace kenes::respond
