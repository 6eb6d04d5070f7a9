// ResponseDesk: joint response — incidents, their response plans and the
// tasks that carry them out, comments and decisions — as people of the
// community's organisations work on them (share::Principal) through the
// REST API and `kenes incident|task|note`.
//
// Everything is STIX (response_records.h, response_types.h): each change is
// a new version written through the importer (version_writer.h), so the
// sharing rules decide who sees it and the history is the version list.
//
// Who may do what (readers change nothing; a node operator of no
// organisation creates nothing, as it has no organisation to act for):
//   incident  created by an analyst or org-admin as its organisation (the
//             incident's owner); status, severity, determination, affected
//             states, links and text changed by the owner or an admin
//   plan      added to an incident by any organisation that may see it (the
//             plan's owner)
//   task      added to a plan, reassigned, edited (due, priority, text) and
//             cancelled by the plan's owner or an admin; started and
//             finished by the responsible organisation (task_outcome.h);
//             a final task changes no more
//   note      added to any object the user may see
// Dependencies are tasks of the same plan, without cycles; a task starts
// only once every task it depends on is successful.
//
// A task version the responsible organisation makes is written for the
// plan's owner (created_by_ref stays the creator's, as STIX wants) with
// changed_by_ref naming the responsible organisation, and the audit log
// names the user who made it. The responsible organisation must see its
// task: when its viewer could not see the task, its plan or its incident,
// the desk grants it that object (store::Store::GrantObject) and audits it
// ("task.grant").
//
// Refusals are Status values naming the rule: PermissionDenied (who),
// FailedPrecondition (the state: a final task, an unfinished dependency),
// InvalidArgument (the input), NotFound (unknown or hidden, alike).
//
// Notices (notify/notice.h): "incident.created" to the affected states,
// "task.assigned" to the responsible organisation (created or reassigned),
// "task.updated" to the plan's owner and the responsible organisation when
// the outcome changes; PublishDueNotices sends "task.due" (due within 24 h)
// and "task.overdue" once per task and kind.
//
// Thread-safety: every method may be called from any thread; changes to the
// same task are serialised by the store's "only newer versions" rule (a
// concurrent change loses with AlreadyExists).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "notify/notice.h"
#include "respond/reminder_ledger.h"
#include "respond/response_reader.h"
#include "respond/response_records.h"
#include "respond/version_writer.h"
#include "share/community.h"
#include "share/distribution.h"
#include "share/marking.h"
#include "share/principal.h"
#include "store/clock.h"
#include "store/store.h"

namespace kenes::respond {

// Who may see what a user writes: unset, its organisation's default TLP and
// distribution organisation (as every write in Kenes).
struct Sharing {
  std::optional<share::Tlp> tlp;
  std::optional<share::Distribution> distribution;
};

struct IncidentDraft {
  std::string name;
  std::string description;
  std::string severity = "medium";
  std::string status = "new";
  std::string determination = "suspected";
  std::optional<int> criticality;
  std::vector<std::string> affected_states;  // organisation codes or identity ids
  std::vector<std::string> links;            // ids of objects the incident concerns
  Sharing sharing;
};

struct IncidentChange {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> severity;
  std::optional<std::string> status;
  std::optional<std::string> determination;
  std::optional<int> criticality;
  std::optional<std::vector<std::string>> affected_states;

  bool Empty() const {
    return !name && !description && !severity && !status && !determination && !criticality && !affected_states;
  }
};

struct PlanDraft {
  std::string name;
  std::string description;
  Sharing sharing;
};

struct TaskDraft {
  std::string name;
  std::string description;
  std::string responsible;  // organisation code or identity id
  int priority = 50;        // 0-100
  std::optional<Timestamp> due;
  std::vector<std::string> depends_on;  // task ids of the same plan
};

struct TaskChange {
  std::optional<TaskOutcome> outcome;
  std::optional<std::string> responsible;  // reassign: code or identity id
  std::optional<Timestamp> due;
  std::optional<int> priority;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> error;  // why it failed, with outcome failed

  bool Empty() const { return !outcome && !responsible && !due && !priority && !name && !description && !error; }
};

struct NoteDraft {
  std::string abstract;
  std::string content;
  Sharing sharing;
};

// The acting user and what it may see (nullptr: everything).
struct Actor {
  share::Principal principal;
  const store::Viewer* viewer = nullptr;
};

class ResponseDesk {
 public:
  // Each must outlive the desk. `ledger` may be null (no due notices: PublishDueNotices fails); `notices` may be
  // empty (nothing published).
  ResponseDesk(store::Store& store, share::Community& community, ReminderLedger* ledger, notify::NoticeSink notices,
               std::function<void(const ingest::StoredBatch&)> on_batch = {},
               store::Clock& clock = store::SystemClock());

  Result<Incident> CreateIncident(const Actor& actor, const IncidentDraft& draft);
  Result<Incident> UpdateIncident(const Actor& actor, std::string_view id, const IncidentChange& change);
  // A relationship from the incident to `object_id` (which the actor must see); returns its id.
  Result<std::string> LinkIncident(const Actor& actor, std::string_view id, std::string_view object_id);
  Result<ResponsePlan> AddPlan(const Actor& actor, std::string_view incident_id, const PlanDraft& draft);
  Result<Task> AddTask(const Actor& actor, std::string_view plan_id, const TaskDraft& draft);
  Result<Task> ChangeTask(const Actor& actor, std::string_view task_id, const TaskChange& change);
  // A note about `object_id` (any object the actor may see); returns the note as stored.
  Result<store::StoredVersion> AddNote(const Actor& actor, std::string_view object_id, const NoteDraft& draft);

  // Publishes "task.due" for open tasks due within 24 hours of `now` and
  // "task.overdue" for open tasks past due, each once per task (the ledger
  // remembers); returns how many notices it published.
  Result<size_t> PublishDueNotices(const Timestamp& now);

  ResponseReader& reader() { return reader_; }
  // The community the desk acts in: its organisations, and the audit log readers of response objects go to.
  share::Community& community() { return community_; }

 private:
  Status RequireWriter(const share::Principal& principal, std::string_view what);
  Result<std::string> OrganisationId(std::string_view code_or_id, std::string_view what);
  Result<share::LabelDefaults> DefaultsFor(const share::Principal& principal, const Sharing& sharing);
  Status CheckDependencies(const Actor& actor, const Task& task);
  Status GrantToResponsible(const Actor& actor, const Task& task);
  Result<Task> WriteTask(const Actor& actor, Task task, bool made_by_owner);
  void Publish(std::string kind, std::vector<std::string> organisations, const std::string& object_id,
               std::string title, std::string data = "{}");

  store::Store& store_;
  share::Community& community_;
  ReminderLedger* ledger_;
  notify::NoticeSink notices_;
  store::Clock& clock_;
  ResponseReader reader_;
  VersionWriter writer_;
};

}  // namespace kenes::respond
