// IncidentBrief: everything a council meeting's report on one incident
// shows, gathered from the store as one reader may see it.
//
// The brief reads the STIX representation of joint response directly
// (DEVELOPERS notes of issue 7): the `incident` with the OASIS Incident Core
// and Kenes incident property extensions, the `relationship`s naming it (what
// it concerns), the `course-of-action` plans whose Kenes plan extension names
// it, the OASIS `task` objects whose Kenes task extension names the incident
// or one of its plans, the `note`s about any of these, and the `sighting`s of
// what the incident concerns. Every read goes through the reader's
// store::Viewer, so a brief holds nothing the reader's organisation may not
// see: a hidden task, plan, note or linked object is simply absent, and a
// hidden incident reads as NotFound in the words of an unknown one.
//
// Open assistance gaps come from a provider function (the mutual assistance
// desk serves it when the node tracks assistance); without one the brief says
// assistance is not tracked.
//
// Thread-safety: GatherIncidentBrief may be called from any thread at once
// (the store and community are thread-safe); a brief is a plain value.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::respond {

// One need line of an assistance request about the incident, with what is
// still missing.
struct AssistanceGapLine {
  std::string request_id;
  std::string request_name;
  std::string requesting_state;       // identity id
  std::string requesting_state_name;  // filled in by the brief from the community
  std::string item;
  std::string unit;
  double needed = 0;
  double pledged = 0;
  double delivered = 0;
  double open_gap = 0;  // needed minus what is covered, as the assistance desk counts it
};

// The open gaps of the assistance requests naming `incident_id`, as `viewer`
// (nullptr: everything) may see them.
using AssistanceGapProvider =
    std::function<Result<std::vector<AssistanceGapLine>>(std::string_view incident_id, const store::Viewer* viewer)>;

// An organisation as the report names it.
struct StateRef {
  std::string id;    // identity id
  std::string name;  // the community's name for it, else its identity's name, else the id
};

// An object the incident concerns, through a relationship.
struct ConcernedObject {
  std::string id;
  std::string type;
  std::string name;               // name, value, or description: what a reader recognises it by
  std::string relationship_type;  // e.g. "attributed-to", "related-to"
};

// One dated event of the incident's history.
struct TimelineEntry {
  Timestamp time;
  std::string object_id;
  std::string object_type;  // incident, course-of-action, task, note, sighting
  StateRef actor;           // who made this version, wrote the note or saw the sighting
  std::string summary;      // one line: what happened
};

struct TaskLine {
  std::string id;
  std::string name;
  std::string description;
  StateRef responsible;
  std::string outcome;  // pending, ongoing, successful, failed, cancelled
  std::optional<int64_t> priority;
  std::optional<Timestamp> due;
  bool overdue = false;                 // due before the brief's `now` and not final
  std::vector<std::string> depends_on;  // names of the tasks it waits for ("a task not shared" when hidden)
  bool waiting = false;                 // not final, and a task it depends on has not succeeded
};

struct PlanSection {
  std::string id;  // empty for tasks whose plan the reader may not see
  std::string name;
  std::string description;
  StateRef owner;
  std::vector<TaskLine> tasks;  // by due date, then name
};

// What one organisation brought to the response, among what the reader sees.
struct Contribution {
  StateRef state;
  std::vector<std::string> authored;         // "type: name" of the objects it authored
  std::vector<std::string> tasks_completed;  // names of its successful tasks
  std::vector<std::string> notes;            // what its notes say
  size_t task_updates = 0;                   // task versions it made (changed_by_ref)
};

struct IncidentBrief {
  std::string id;
  std::string name;
  std::string description;
  StateRef owner;
  std::string investigation_status;    // OASIS Incident Core: new, open, closed
  std::string determination;           // OASIS Incident Core, when given
  std::optional<int64_t> criticality;  // OASIS Incident Core, 0-100
  std::string severity;                // Kenes: low, medium, high, critical
  std::vector<StateRef> affected_states;
  Timestamp created;
  Timestamp modified;
  std::vector<ConcernedObject> concerns;  // by type, then name
  std::vector<TimelineEntry> timeline;    // oldest first
  std::vector<PlanSection> plans;
  // nullopt: the node does not track assistance (no provider).
  std::optional<std::vector<AssistanceGapLine>> assistance_gaps;
  std::vector<Contribution> contributions;  // by state name
  Timestamp now;                            // what "overdue" was judged against
  // Every version the brief shows, for auditing TLP:AMBER and TLP:RED reads.
  std::vector<store::StoredVersion> shown;
};

struct BriefOptions {
  std::optional<Timestamp> now;           // none: the current time
  AssistanceGapProvider assistance_gaps;  // empty: assistance is not tracked on this node
  size_t max_sightings = 200;             // per object the incident concerns
};

// The brief of `incident_id` as `viewer` (nullptr: the node, everything)
// may see it. NotFound ("no incident <id>") when the id is unknown, hidden
// or not an incident; InvalidArgument when it is not a STIX id.
Result<IncidentBrief> GatherIncidentBrief(store::Store& store, share::Community& community,
                                          std::string_view incident_id, const store::Viewer* viewer,
                                          const BriefOptions& options = {});

// Who a brief gathered with `viewer` for `reader` was for, as its footer
// says: the organisation's name, or the node operator or administrator
// (whose viewer is null: they see everything).
std::string ReaderName(share::Community& community, const share::Principal& reader, const store::Viewer* viewer);

}  // namespace kenes::respond
