#include "respond/response_desk.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "base/json_text.h"
#include "share/access_viewer.h"
#include "share/write_labeller.h"
#include "stix/random_id.h"

namespace kenes::respond {
namespace {

using share::Principal;
using share::Role;

constexpr int64_t kDueWindowSeconds = 24 * 60 * 60;
constexpr size_t kMaxNameBytes = 500;

bool IsAdministrator(const Principal& principal) { return principal.role == Role::kAdmin; }

Status RefuseReader(const Principal& principal, std::string_view what) {
  if (principal.role != Role::kReader) return Status::Ok();
  return Status::PermissionDenied(fmt::format("user {} is a reader and may not {}", principal.user, what));
}

Status CheckName(std::string_view name, std::string_view what) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument(fmt::format("{} needs a name", what));
  }
  if (name.size() > kMaxNameBytes) {
    return Status::InvalidArgument(fmt::format("{}'s name has {} bytes; at most {}", what, name.size(), kMaxNameBytes));
  }
  return Status::Ok();
}

Status CheckPercent(int value, std::string_view what) {
  if (value < 0 || value > 100) return Status::InvalidArgument(fmt::format("{} must be 0-100, not {}", what, value));
  return Status::Ok();
}

Status CheckIncidentFields(const Incident& incident) {
  KENES_RETURN_IF_ERROR(CheckName(incident.name, "an incident"));
  if (!IsSeverity(incident.severity)) {
    return Status::InvalidArgument(
        fmt::format("severity must be low, medium, high or critical, not '{}'", incident.severity));
  }
  if (!IsInvestigationStatus(incident.status)) {
    return Status::InvalidArgument(fmt::format("status must be new, open or closed, not '{}'", incident.status));
  }
  if (!IsDetermination(incident.determination)) {
    return Status::InvalidArgument(
        fmt::format("determination must be suspected, blocked, successful-attempt, failed-attempt, false-positive or "
                    "low-value, not '{}'",
                    incident.determination));
  }
  if (incident.criticality) KENES_RETURN_IF_ERROR(CheckPercent(*incident.criticality, "criticality"));
  return Status::Ok();
}

// The task's data for notices: what reading the task shows anyway.
std::string TaskNoticeData(const Task& task) {
  std::string data = "{\"task_id\":" + JsonString(task.id) + ",\"plan_id\":" + JsonString(task.plan_id) +
                     ",\"incident_id\":" + JsonString(task.incident_id) +
                     ",\"responsible\":" + JsonString(task.responsible) +
                     ",\"outcome\":" + JsonString(TaskOutcomeName(task.outcome));
  if (task.due) data += ",\"due\":" + JsonString(FormatTimestamp(*task.due, 3));
  return data + "}";
}

}  // namespace

ResponseDesk::ResponseDesk(store::Store& store, share::Community& community, ReminderLedger* ledger,
                           notify::NoticeSink notices, std::function<void(const ingest::StoredBatch&)> on_batch,
                           store::Clock& clock)
    : store_(store),
      community_(community),
      ledger_(ledger),
      notices_(std::move(notices)),
      clock_(clock),
      reader_(store),
      writer_(store, community, std::move(on_batch)) {}

Status ResponseDesk::RequireWriter(const Principal& principal, std::string_view what) {
  KENES_RETURN_IF_ERROR(RefuseReader(principal, what));
  if (principal.organisation.empty()) {
    return Status::PermissionDenied(
        fmt::format("{} belongs to no organisation to {} for: act as a user of one", principal.user, what));
  }
  return Status::Ok();
}

Result<std::string> ResponseDesk::OrganisationId(std::string_view code_or_id, std::string_view what) {
  Result<share::Organisation> organisation = community_.FindOrganisation(code_or_id);
  if (organisation.ok()) return organisation->id;
  if (organisation.status().code() != StatusCode::kNotFound) return organisation.status();
  return Status::InvalidArgument(
      fmt::format("{}: '{}' is no organisation of the community (a code or identity id)", what, code_or_id));
}

Result<share::LabelDefaults> ResponseDesk::DefaultsFor(const Principal& principal, const Sharing& sharing) {
  KENES_ASSIGN_OR_RETURN(
      share::LabelDefaults defaults,
      share::DefaultsFor(community_, principal, sharing.distribution.value_or(share::Distribution{})));
  if (sharing.tlp) defaults.tlp = *sharing.tlp;
  defaults.author = principal.organisation;
  return defaults;
}

void ResponseDesk::Publish(std::string kind, std::vector<std::string> organisations, const std::string& object_id,
                           std::string title, std::string data) {
  if (!notices_) return;
  organisations.erase(std::remove(organisations.begin(), organisations.end(), std::string()), organisations.end());
  std::sort(organisations.begin(), organisations.end());
  organisations.erase(std::unique(organisations.begin(), organisations.end()), organisations.end());
  if (organisations.empty()) return;
  notices_(notify::Notice{std::move(kind), std::move(organisations), object_id, std::move(title), std::move(data)});
}

Result<Incident> ResponseDesk::CreateIncident(const Actor& actor, const IncidentDraft& draft) {
  const Principal& principal = actor.principal;
  KENES_RETURN_IF_ERROR(RequireWriter(principal, "create incidents"));
  Incident incident;
  incident.id = stix::RandomId("incident");
  incident.owner = principal.organisation;
  incident.name = draft.name;
  incident.description = draft.description;
  incident.severity = draft.severity;
  incident.status = draft.status;
  incident.determination = draft.determination;
  incident.criticality = draft.criticality;
  for (const std::string& state : draft.affected_states) {
    KENES_ASSIGN_OR_RETURN(std::string id, OrganisationId(state, "affected_states"));
    if (std::find(incident.affected_states.begin(), incident.affected_states.end(), id) ==
        incident.affected_states.end()) {
      incident.affected_states.push_back(id);
    }
  }
  KENES_RETURN_IF_ERROR(CheckIncidentFields(incident));
  for (const std::string& link : draft.links) {
    if (!store_.Latest(link, actor.viewer).ok()) return Status::NotFound(fmt::format("links: no object {}", link));
  }
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(principal, draft.sharing));
  const Writing writing{principal, principal, defaults};
  const Timestamp now = VersionTime(clock_.Now(), std::nullopt);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored, writer_.Write(writing, incident.id, IncidentText(incident, now)));
  KENES_ASSIGN_OR_RETURN(incident, respond::ReadIncident(stored));
  for (const std::string& link : draft.links) {
    const std::string id = stix::RandomId("relationship");
    KENES_RETURN_IF_ERROR(
        writer_.Write(writing, id, LinkText(id, incident.id, link, incident.owner, stored.object_marking_refs, now))
            .status());
  }
  Publish("incident.created", incident.affected_states, incident.id, "New incident: " + incident.name,
          "{\"incident_id\":" + JsonString(incident.id) + ",\"severity\":" + JsonString(incident.severity) + "}");
  return incident;
}

Result<Incident> ResponseDesk::UpdateIncident(const Actor& actor, std::string_view id, const IncidentChange& change) {
  const Principal& principal = actor.principal;
  KENES_ASSIGN_OR_RETURN(Incident incident, reader_.FindIncident(actor.viewer, id));
  KENES_RETURN_IF_ERROR(RefuseReader(principal, "change incidents"));
  if (principal.organisation != incident.owner && !IsAdministrator(principal)) {
    return Status::PermissionDenied(
        fmt::format("only the incident's owner organisation ({}) changes {}", incident.owner, incident.id));
  }
  if (change.Empty()) return Status::InvalidArgument("nothing to change: give a field to change");
  if (change.name) incident.name = *change.name;
  if (change.description) incident.description = *change.description;
  if (change.severity) incident.severity = *change.severity;
  if (change.status) incident.status = *change.status;
  if (change.determination) incident.determination = *change.determination;
  if (change.criticality) incident.criticality = *change.criticality;
  if (change.affected_states) {
    incident.affected_states.clear();
    for (const std::string& state : *change.affected_states) {
      KENES_ASSIGN_OR_RETURN(std::string state_id, OrganisationId(state, "affected_states"));
      incident.affected_states.push_back(state_id);
    }
  }
  KENES_RETURN_IF_ERROR(CheckIncidentFields(incident));
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(principal, {}));
  const Timestamp now = VersionTime(clock_.Now(), incident.stored.version);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored,
                         writer_.Write({principal, principal, defaults}, incident.id, IncidentText(incident, now)));
  return respond::ReadIncident(stored);
}

Result<std::string> ResponseDesk::LinkIncident(const Actor& actor, std::string_view id, std::string_view object_id) {
  const Principal& principal = actor.principal;
  KENES_ASSIGN_OR_RETURN(Incident incident, reader_.FindIncident(actor.viewer, id));
  KENES_RETURN_IF_ERROR(RequireWriter(principal, "link incidents"));
  if (principal.organisation != incident.owner) {
    return Status::PermissionDenied(
        fmt::format("only the incident's owner organisation ({}) links objects to {}", incident.owner, incident.id));
  }
  if (!store_.Latest(object_id, actor.viewer).ok()) return Status::NotFound(fmt::format("no object {}", object_id));
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(principal, {}));
  const std::string link_id = stix::RandomId("relationship");
  const Timestamp now = VersionTime(clock_.Now(), std::nullopt);
  KENES_RETURN_IF_ERROR(
      writer_
          .Write({principal, principal, defaults}, link_id,
                 LinkText(link_id, incident.id, object_id, incident.owner, incident.stored.object_marking_refs, now))
          .status());
  return link_id;
}

Result<ResponsePlan> ResponseDesk::AddPlan(const Actor& actor, std::string_view incident_id, const PlanDraft& draft) {
  const Principal& principal = actor.principal;
  KENES_ASSIGN_OR_RETURN(Incident incident, reader_.FindIncident(actor.viewer, incident_id));
  KENES_RETURN_IF_ERROR(RequireWriter(principal, "add response plans"));
  KENES_RETURN_IF_ERROR(CheckName(draft.name, "a response plan"));
  ResponsePlan plan;
  plan.id = stix::RandomId("course-of-action");
  plan.owner = principal.organisation;
  plan.name = draft.name;
  plan.description = draft.description;
  plan.incident_id = incident.id;
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(principal, draft.sharing));
  const Timestamp now = VersionTime(clock_.Now(), std::nullopt);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored,
                         writer_.Write({principal, principal, defaults}, plan.id, PlanText(plan, now)));
  return ReadPlan(stored);
}

Status ResponseDesk::CheckDependencies(const Actor& actor, const Task& task) {
  for (const std::string& dependency : task.depends_on) {
    if (dependency == task.id) return Status::InvalidArgument("depends_on: a task cannot depend on itself");
    Result<Task> found = reader_.FindTask(actor.viewer, dependency);
    if (!found.ok() || found->plan_id != task.plan_id) {
      return Status::InvalidArgument(
          fmt::format("depends_on: {} is not a task of plan {}; dependencies are tasks of the same plan", dependency,
                      task.plan_id));
    }
  }
  // The graph the task would join: a path back to it from its dependencies is a cycle.
  std::vector<std::string> pending = task.depends_on;
  std::vector<std::string> visited;
  while (!pending.empty()) {
    std::string current = std::move(pending.back());
    pending.pop_back();
    if (current == task.id) {
      return Status::InvalidArgument(fmt::format("depends_on: {} would depend on itself through a cycle", task.id));
    }
    if (std::find(visited.begin(), visited.end(), current) != visited.end()) continue;
    visited.push_back(current);
    Result<Task> found = reader_.FindTask(nullptr, current);
    if (found.ok()) pending.insert(pending.end(), found->depends_on.begin(), found->depends_on.end());
  }
  return Status::Ok();
}

Status ResponseDesk::GrantToResponsible(const Actor& actor, const Task& task) {
  Principal responsible;
  responsible.organisation = task.responsible;
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, share::StoreViewerOf(community_, responsible));
  if (!viewer) return Status::Ok();
  for (const std::string& id : {task.id, task.plan_id, task.incident_id}) {
    Result<store::StoredVersion> visible = store_.Latest(id, &*viewer);
    if (visible.ok()) continue;
    if (visible.status().code() != StatusCode::kNotFound) return visible.status();
    Status granted = store_.GrantObject(id, task.responsible);
    KENES_RETURN_IF_ERROR(community_.audit().Record(
        {actor.principal, "task.grant", id, granted.ok() ? share::AuditOutcome::kOk : share::AuditOutcome::kFailed,
         fmt::format("to {}, responsible for {}{}", task.responsible, task.id,
                     granted.ok() ? "" : ": " + granted.message())}));
    KENES_RETURN_IF_ERROR(granted);
  }
  return Status::Ok();
}

Result<Task> ResponseDesk::WriteTask(const Actor& actor, Task task, bool made_by_owner) {
  // A version by the responsible organisation is written for the task's creator: STIX versions belong to it.
  Principal writer = actor.principal;
  if (!made_by_owner && !IsAdministrator(writer)) {
    writer.organisation = task.owner;
    writer.role = Role::kAnalyst;
  }
  task.changed_by = actor.principal.organisation;
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(writer, {}));
  const Timestamp now = VersionTime(clock_.Now(), task.stored.json.empty() ? std::nullopt : task.stored.version);
  if (task.stored.json.empty()) task.start_time = now;
  if (IsFinal(task.outcome) && !task.end_time) task.end_time = now;
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored,
                         writer_.Write({actor.principal, writer, defaults}, task.id, TaskText(task, now)));
  return ReadTask(stored);
}

Result<Task> ResponseDesk::AddTask(const Actor& actor, std::string_view plan_id, const TaskDraft& draft) {
  const Principal& principal = actor.principal;
  KENES_ASSIGN_OR_RETURN(ResponsePlan plan, reader_.FindPlan(actor.viewer, plan_id));
  KENES_RETURN_IF_ERROR(RefuseReader(principal, "add tasks"));
  const bool owner = principal.organisation == plan.owner;
  if (!owner && !IsAdministrator(principal)) {
    return Status::PermissionDenied(
        fmt::format("only the plan's owner organisation ({}) adds tasks to {}", plan.owner, plan.id));
  }
  KENES_RETURN_IF_ERROR(CheckName(draft.name, "a task"));
  KENES_RETURN_IF_ERROR(CheckPercent(draft.priority, "priority"));
  Task task;
  task.id = stix::RandomId("task");
  task.owner = plan.owner;
  task.name = draft.name;
  task.description = draft.description;
  task.plan_id = plan.id;
  task.incident_id = plan.incident_id;
  KENES_ASSIGN_OR_RETURN(task.responsible, OrganisationId(draft.responsible, "responsible"));
  task.priority = draft.priority;
  task.due = draft.due;
  task.depends_on = draft.depends_on;
  KENES_RETURN_IF_ERROR(CheckDependencies(actor, task));
  task.stored.object_marking_refs = plan.stored.object_marking_refs;  // whoever sees the plan sees its tasks
  KENES_ASSIGN_OR_RETURN(task, WriteTask(actor, std::move(task), owner));
  KENES_RETURN_IF_ERROR(GrantToResponsible(actor, task));
  Publish("task.assigned", {task.responsible}, task.id, "Task assigned: " + task.name, TaskNoticeData(task));
  return task;
}

Result<Task> ResponseDesk::ChangeTask(const Actor& actor, std::string_view task_id, const TaskChange& change) {
  const Principal& principal = actor.principal;
  KENES_ASSIGN_OR_RETURN(Task task, reader_.FindTask(actor.viewer, task_id));
  KENES_RETURN_IF_ERROR(RefuseReader(principal, "change tasks"));
  const TaskStanding standing{!principal.organisation.empty() && principal.organisation == task.responsible,
                              !principal.organisation.empty() && principal.organisation == task.owner,
                              IsAdministrator(principal)};
  if (change.Empty()) return Status::InvalidArgument("nothing to change: give outcome, responsible, due or priority");
  if (IsFinal(task.outcome)) {
    return Status::FailedPrecondition(
        fmt::format("{} is {}, which is final: the task changes no more", task.id, TaskOutcomeName(task.outcome)));
  }
  const bool edits = change.responsible || change.due || change.priority || change.name || change.description;
  if (edits && !standing.plan_owner && !standing.administrator) {
    return Status::PermissionDenied(fmt::format(
        "only the plan's owner organisation ({}) or an administrator reassigns or edits {}", task.owner, task.id));
  }
  if (change.error && change.outcome != TaskOutcome::kFailed) {
    return Status::InvalidArgument("error says why a task failed: give it with outcome failed");
  }
  const TaskOutcome before = task.outcome;
  const std::string responsible_before = task.responsible;
  if (change.outcome && *change.outcome != task.outcome) {
    KENES_RETURN_IF_ERROR(CheckOutcomeMove(task.outcome, *change.outcome, standing));
    if (*change.outcome == TaskOutcome::kOngoing) {
      for (const std::string& dependency : task.depends_on) {
        Result<Task> found = reader_.FindTask(nullptr, dependency);
        if (!found.ok() || found->outcome != TaskOutcome::kSuccessful) {
          return Status::FailedPrecondition(
              fmt::format("{} depends on {}, which is {}: it starts once that task is successful", task.id, dependency,
                          found.ok() ? TaskOutcomeName(found->outcome) : std::string_view("not found")));
        }
      }
    }
    task.outcome = *change.outcome;
  } else if (change.outcome && !edits && !change.error) {
    return Status::FailedPrecondition(fmt::format("{} is {} already", task.id, TaskOutcomeName(task.outcome)));
  }
  if (change.responsible) {
    KENES_ASSIGN_OR_RETURN(task.responsible, OrganisationId(*change.responsible, "responsible"));
  }
  if (change.due) task.due = *change.due;
  if (change.priority) {
    KENES_RETURN_IF_ERROR(CheckPercent(*change.priority, "priority"));
    task.priority = *change.priority;
  }
  if (change.name) {
    KENES_RETURN_IF_ERROR(CheckName(*change.name, "a task"));
    task.name = *change.name;
  }
  if (change.description) task.description = *change.description;
  if (change.error) task.error = *change.error;
  KENES_ASSIGN_OR_RETURN(task, WriteTask(actor, std::move(task), standing.plan_owner));
  if (task.responsible != responsible_before) {
    KENES_RETURN_IF_ERROR(GrantToResponsible(actor, task));
    Publish("task.assigned", {task.responsible}, task.id, "Task assigned: " + task.name, TaskNoticeData(task));
  }
  if (task.outcome != before) {
    Publish("task.updated", {task.owner, task.responsible}, task.id,
            fmt::format("Task {}: {}", TaskOutcomeName(task.outcome), task.name), TaskNoticeData(task));
  }
  return task;
}

Result<store::StoredVersion> ResponseDesk::AddNote(const Actor& actor, std::string_view object_id,
                                                   const NoteDraft& draft) {
  const Principal& principal = actor.principal;
  if (!store_.Latest(object_id, actor.viewer).ok()) return Status::NotFound(fmt::format("no object {}", object_id));
  KENES_RETURN_IF_ERROR(RequireWriter(principal, "write notes"));
  if (draft.content.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("a note needs content: the comment or decision");
  }
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, DefaultsFor(principal, draft.sharing));
  const std::string id = stix::RandomId("note");
  const Timestamp now = VersionTime(clock_.Now(), std::nullopt);
  return writer_.Write({principal, principal, defaults}, id,
                       NoteText(id, draft.abstract, draft.content, {std::string(object_id)}, now));
}

Result<size_t> ResponseDesk::PublishDueNotices(const Timestamp& now) {
  if (ledger_ == nullptr) return Status::IoError("due reminders need the reminder ledger, which this desk lacks");
  TaskFilter open;
  open.open_only = true;
  KENES_ASSIGN_OR_RETURN(std::vector<Task> tasks, reader_.Tasks(nullptr, open));
  size_t published = 0;
  for (const Task& task : tasks) {
    if (!task.due) continue;
    const bool overdue = *task.due < now;
    if (!overdue && task.due->seconds - now.seconds > kDueWindowSeconds) continue;
    const std::string kind = overdue ? "task.overdue" : "task.due";
    KENES_ASSIGN_OR_RETURN(bool first, ledger_->Claim(task.id, kind));
    if (!first) continue;
    std::vector<std::string> organisations = {task.responsible};
    if (overdue) organisations.push_back(task.owner);  // the owner plans around a late task
    Publish(
        kind, std::move(organisations), task.id,
        fmt::format("Task {}: {} (due {})", overdue ? "overdue" : "due soon", task.name, FormatTimestamp(*task.due, 0)),
        TaskNoticeData(task));
    ++published;
  }
  return published;
}

}  // namespace kenes::respond
