// ResponseReader: incidents, plans, tasks and timelines as one reader may
// see them. Every read names the reader's store viewer (nullptr: the node,
// which sees everything), so the store decides visibility in its query and
// a hidden incident, plan or task reads exactly like an unknown one
// (NotFound, "no incident ...").
//
// Plans and tasks name their incident and plan inside their extensions, not
// in top-level references the store indexes, so listing them reads every
// visible plan or task (latest versions): response objects are few next to
// the intelligence they act on.
//
// Thread-safety: as the store's; the reader holds no state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "respond/response_records.h"
#include "store/store.h"

namespace kenes::respond {

struct IncidentFilter {
  std::string status;          // new, open, closed; empty: any
  std::string severity;        // low, medium, high, critical; empty: any
  std::string affected_state;  // identity id among affected_states; empty: any
};

struct TaskFilter {
  std::string responsible;  // identity id of the responsible organisation; empty: any
  std::optional<TaskOutcome> outcome;
  std::string incident_id;  // empty: any
  std::string plan_id;      // empty: any
  bool open_only = false;   // leave out final tasks
};

// An incident with its response: what `ReadIncident` answers.
struct IncidentFile {
  Incident incident;
  std::vector<ResponsePlan> plans;
  std::vector<Task> tasks;         // of every plan, in plan order then creation order
  std::vector<std::string> links;  // ids of what the incident concerns (its relationships' targets)
};

// One line of an incident's timeline: a version of the incident, a plan or
// a task, a note about any of them, or a sighting of something it concerns.
struct TimelineEvent {
  Timestamp time;    // the version's modified (created) timestamp
  std::string kind;  // "incident", "plan", "task", "note", "sighting"
  store::StoredVersion version;
};

class ResponseReader {
 public:
  explicit ResponseReader(store::Store& store) : store_(store) {}

  Result<Incident> FindIncident(const store::Viewer* viewer, std::string_view id);
  Result<ResponsePlan> FindPlan(const store::Viewer* viewer, std::string_view id);
  Result<Task> FindTask(const store::Viewer* viewer, std::string_view id);

  // Newest first (by modified).
  Result<std::vector<Incident>> Incidents(const store::Viewer* viewer, const IncidentFilter& filter);
  Result<IncidentFile> ReadIncident(const store::Viewer* viewer, std::string_view id);
  // Due first (tasks without a due date last), then by priority, highest first.
  Result<std::vector<Task>> Tasks(const store::Viewer* viewer, const TaskFilter& filter);
  // Every version of a task, oldest first: its history.
  Result<std::vector<Task>> TaskHistory(const store::Viewer* viewer, std::string_view id);
  // Ordered by time, oldest first.
  Result<std::vector<TimelineEvent>> Timeline(const store::Viewer* viewer, std::string_view incident_id);

 private:
  // The latest visible version of every object of `type`, read as a
  // Record; those `keep` refuses and those that are no such record (another
  // tool's task, an incident without Kenes' extension) are left out.
  template <typename Record, typename Keep>
  Result<std::vector<Record>> ReadAll(const store::Viewer* viewer, std::string_view type,
                                      Result<Record> (*read)(const store::StoredVersion&), Keep keep);
  Result<std::vector<ResponsePlan>> PlansOf(const store::Viewer* viewer, std::string_view incident_id);
  Result<std::vector<std::string>> LinksOf(const store::Viewer* viewer, std::string_view incident_id);

  store::Store& store_;
};

}  // namespace kenes::respond
