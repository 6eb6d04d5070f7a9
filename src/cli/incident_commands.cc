#include "cli/incident_commands.h"

#include <fmt/format.h>

#include <optional>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/node_session.h"
#include "cli/sharing_option.h"
#include "respond/response_desk.h"
#include "share/read_audit.h"

namespace kenes::cli {
namespace {

using respond::ResponseDesk;

int Usage(std::string_view message) {
  fmt::print(stderr, "error: {}\n", message);
  return kExitError;
}

std::string Time(const std::optional<Timestamp>& time) { return time ? FormatTimestamp(*time, 0) : "-"; }

// The code of organisation `id`, for people; the id itself when the community does not know it.
std::string CodeOf(share::Community& community, const std::string& id) {
  Result<share::Organisation> organisation = community.FindOrganisation(id);
  return organisation.ok() ? organisation->code : id;
}

std::string Codes(share::Community& community, const std::vector<std::string>& ids) {
  std::string codes;
  for (const std::string& id : ids) codes += (codes.empty() ? "" : ",") + CodeOf(community, id);
  return codes.empty() ? "-" : codes;
}

void PrintIncident(share::Community& community, const respond::Incident& incident) {
  fmt::print("{}  {}  {}  {}  owner {}  affects {}\n", incident.id, incident.status, incident.severity, incident.name,
             CodeOf(community, incident.owner), Codes(community, incident.affected_states));
}

void PrintTask(share::Community& community, const respond::Task& task) {
  fmt::print("{}  {}  priority {}  due {}  {}  responsible {}", task.id, respond::TaskOutcomeName(task.outcome),
             task.priority, Time(task.due), task.name, CodeOf(community, task.responsible));
  if (!task.depends_on.empty()) fmt::print("  after {}", fmt::join(task.depends_on, ","));
  fmt::print("\n");
}

// Reads of TLP:AMBER and TLP:RED objects are audited before they are shown.
Status AuditReads(NodeSession& session, std::vector<store::StoredVersion> read, std::string_view how) {
  return share::AuditSensitiveReads(session.community->audit(), session.actor, read, how);
}

Result<std::optional<Timestamp>> DueOf(const std::string& text) {
  if (text.empty()) return std::optional<Timestamp>();
  std::optional<Timestamp> due = ParseTimestamp(text);
  if (!due)
    return Status::InvalidArgument(
        fmt::format("--due '{}' is not a STIX timestamp such as 2026-12-01T12:00:00Z", text));
  return due;
}

// Prints what `result` holds, or why there is none.
template <typename Value, typename Print>
int Show(const Result<Value>& result, Print print) {
  if (!result.ok()) return FailWith(result.status());
  print(*result);
  return kExitOk;
}

void PrintId(std::string_view id) { fmt::print("{}\n", id); }

std::optional<std::string> OptionalText(const CLI::App* command, const std::string& option, const std::string& value) {
  if (command->count(option) == 0) return std::nullopt;
  return value;
}

}  // namespace

IncidentCommands::IncidentCommands(CLI::App& app, CLI::App& incident) {
  auto add_sharing = [this](CLI::App* command) {
    command->add_option("--tlp", tlp_, "clear, green, amber, amber+strict or red (default: your organisation's)");
    command->add_option("--distribution", distribution_,
                        "organisation, members, community or group:ID (default organisation)");
  };
  auto add_incident_fields = [this](CLI::App* command) {
    command->add_option("--description", description_, "What is known");
    command->add_option("--severity", severity_, "low, medium, high or critical");
    command->add_option("--status", status_, "new, open or closed");
    command->add_option("--determination", determination_,
                        "suspected, blocked, successful-attempt, failed-attempt, false-positive or low-value");
    command->add_option("--criticality", criticality_, "0-100")->check(CLI::Range(0, 100));
    command->add_option("--affects", affects_, "An affected organisation (code or id); repeat for each");
  };
  create_ = incident.add_subcommand("create", "Create an incident as your organisation; prints its id");
  create_->add_option("name", name_, "What happened")->required();
  add_incident_fields(create_);
  create_->add_option("--link", links_, "An object the incident concerns; repeat for each");
  add_sharing(create_);
  list_ = incident.add_subcommand("list", "List the incidents you may see, newest first");
  list_->add_option("--status", status_, "new, open or closed");
  list_->add_option("--severity", severity_, "low, medium, high or critical");
  list_->add_option("--affects", affects_, "Only incidents affecting this organisation")->expected(0, 1);
  show_ = incident.add_subcommand("show", "Show an incident with its plans, tasks and what it concerns");
  show_->add_option("id", id_, "incident--...")->required();
  update_ = incident.add_subcommand("update", "Change an incident (its owner organisation): a new version");
  update_->add_option("id", id_, "incident--...")->required();
  update_->add_option("--name", name_, "New name");
  add_incident_fields(update_);
  link_ = incident.add_subcommand("link", "Record that the incident concerns an object (a relationship)");
  link_->add_option("id", id_, "incident--...")->required();
  link_->add_option("object", target_, "The object's id")->required();
  plan_ = incident.add_subcommand("plan", "Add a response plan to an incident; prints its id");
  plan_->add_option("id", id_, "incident--...")->required();
  plan_->add_option("name", target_, "The plan")->required();
  plan_->add_option("--description", description_, "More about it");
  add_sharing(plan_);
  timeline_ =
      incident.add_subcommand("timeline", "An incident's versions, plans, tasks, notes and sightings, oldest first");
  timeline_->add_option("id", id_, "incident--...")->required();

  task_ = app.add_subcommand("task", "Tasks of response plans");
  task_->require_subcommand(1);
  task_add_ = task_->add_subcommand("add", "Add a task to a plan (its owner organisation); prints its id");
  task_add_->add_option("plan", id_, "course-of-action--...")->required();
  task_add_->add_option("name", target_, "What to do")->required();
  task_add_->add_option("--responsible", responsible_, "The organisation that carries it out")->required();
  task_add_->add_option("--priority", priority_, "0-100 (default 50)")->check(CLI::Range(0, 100));
  task_add_->add_option("--due", due_, "When it should be done: a STIX timestamp");
  task_add_->add_option("--depends-on", depends_on_, "A task of the same plan that must succeed first; repeat");
  task_add_->add_option("--description", description_, "More about it");
  task_list_ = task_->add_subcommand("list", "Tasks assigned to your organisation, due first");
  task_list_->add_option("--responsible", responsible_, "Another organisation's (code or id), or any");
  task_list_->add_option("--outcome", outcome_, "pending, ongoing, successful, failed or cancelled");
  task_list_->add_option("--incident", incident_, "Only this incident's");
  task_list_->add_flag("--open", open_, "Leave out successful, failed and cancelled tasks");
  task_move_ = task_->add_subcommand("move", "Move a task's outcome (start, finish, cancel)");
  task_move_->add_option("task", id_, "task--...")->required();
  task_move_->add_option("outcome", target_, "ongoing, successful, failed or cancelled")->required();
  task_move_->add_option("--error", error_, "Why it failed, with outcome failed");
  task_reassign_ = task_->add_subcommand("reassign", "Give a task to another organisation (the plan's owner)");
  task_reassign_->add_option("task", id_, "task--...")->required();
  task_reassign_->add_option("organisation", target_, "Code or id")->required();
  task_history_ = task_->add_subcommand("history", "Every version of a task, oldest first");
  task_history_->add_option("task", id_, "task--...")->required();

  note_ = app.add_subcommand("note", "Comments and decisions on any object (STIX notes)");
  note_->require_subcommand(1);
  note_add_ = note_->add_subcommand("add", "Add a note about an object; prints its id");
  note_add_->add_option("object", id_, "The object's id")->required();
  note_add_->add_option("content", target_, "The comment or decision")->required();
  note_add_->add_option("--abstract", abstract_, "A summary, e.g. Decision");
  add_sharing(note_add_);
}

bool IncidentCommands::Selected() const {
  return *create_ || *list_ || *show_ || *update_ || *link_ || *plan_ || *timeline_ || *task_ || *note_;
}

int IncidentCommands::Run(const Config& config, const std::string& as_user) {
  Result<NodeSession> opened = OpenNodeSession(config, as_user);
  if (!opened.ok()) return Usage(opened.status().message());
  NodeSession& session = *opened;
  share::Community& community = *session.community;
  // Changes reach the inboxes of the organisations concerned, as the server's do.
  std::unique_ptr<notify::Notifications> notifications;
  notify::NoticeSink notices;
  if (!*list_ && !*show_ && !*timeline_ && !*task_list_ && !*task_history_) {
    Result<std::unique_ptr<notify::Notifications>> inboxes = OpenInboxes(config, session);
    if (!inboxes.ok()) return Usage(inboxes.status().message());
    notifications = std::move(inboxes).value();
    notices = notifications->sink();
  }
  ResponseDesk desk(*session.store, community, nullptr, notices);
  respond::ResponseReader& reader = desk.reader();
  const respond::Actor actor{session.actor, session.visibility()};
  Result<respond::Sharing> sharing = SharingOf<respond::Sharing>(tlp_, distribution_);
  if (!sharing.ok()) return Usage(sharing.status().message());
  Result<std::optional<Timestamp>> due = DueOf(due_);
  if (!due.ok()) return Usage(due.status().message());

  if (*create_ || *update_) {
    respond::IncidentChange change;
    change.name = OptionalText(update_, "--name", name_);
    change.description = OptionalText(*create_ ? create_ : update_, "--description", description_);
    change.severity = OptionalText(*create_ ? create_ : update_, "--severity", severity_);
    change.status = OptionalText(*create_ ? create_ : update_, "--status", status_);
    change.determination = OptionalText(*create_ ? create_ : update_, "--determination", determination_);
    if (criticality_ >= 0) change.criticality = criticality_;
    if (!affects_.empty()) change.affected_states = affects_;
    Result<respond::Incident> incident = Status::Internal("unreachable");
    if (*create_) {
      respond::IncidentDraft draft;
      draft.name = name_;
      draft.description = change.description.value_or("");
      draft.severity = change.severity.value_or(draft.severity);
      draft.status = change.status.value_or(draft.status);
      draft.determination = change.determination.value_or(draft.determination);
      draft.criticality = change.criticality;
      draft.affected_states = affects_;
      draft.links = links_;
      draft.sharing = *sharing;
      incident = desk.CreateIncident(actor, draft);
      if (incident.ok()) fmt::print("{}\n", incident->id);
    } else {
      incident = desk.UpdateIncident(actor, id_, change);
      if (incident.ok()) PrintIncident(community, *incident);
    }
    return incident.ok() ? kExitOk : FailWith(incident.status());
  }
  if (*list_) {
    respond::IncidentFilter filter{status_, severity_, ""};
    if (!affects_.empty()) {
      Result<share::Organisation> state = community.FindOrganisation(affects_.front());
      if (!state.ok()) return Usage(fmt::format("--affects: no organisation '{}'", affects_.front()));
      filter.affected_state = state->id;
    }
    Result<std::vector<respond::Incident>> incidents = reader.Incidents(session.visibility(), filter);
    if (!incidents.ok()) return FailWith(incidents.status());
    std::vector<store::StoredVersion> read;
    for (const respond::Incident& incident : *incidents) read.push_back(incident.stored);
    if (Status audited = AuditReads(session, read, "cli incident list"); !audited.ok()) return FailWith(audited);
    for (const respond::Incident& incident : *incidents) PrintIncident(community, incident);
    return kExitOk;
  }
  if (*show_) {
    Result<respond::IncidentFile> file = reader.ReadIncident(session.visibility(), id_);
    if (!file.ok()) return FailWith(file.status());
    std::vector<store::StoredVersion> read = {file->incident.stored};
    for (const respond::ResponsePlan& plan : file->plans) read.push_back(plan.stored);
    for (const respond::Task& task : file->tasks) read.push_back(task.stored);
    if (Status audited = AuditReads(session, read, "cli incident show"); !audited.ok()) return FailWith(audited);
    PrintIncident(community, file->incident);
    if (!file->incident.description.empty()) fmt::print("  {}\n", file->incident.description);
    for (const std::string& link : file->links) fmt::print("  concerns {}\n", link);
    for (const respond::ResponsePlan& plan : file->plans) {
      fmt::print("plan {}  {}  owner {}\n", plan.id, plan.name, CodeOf(community, plan.owner));
      for (const respond::Task& task : file->tasks) {
        if (task.plan_id != plan.id) continue;
        fmt::print("  ");
        PrintTask(community, task);
      }
    }
    return kExitOk;
  }
  if (*link_) {
    return Show(desk.LinkIncident(actor, id_, target_), PrintId);
  }
  if (*plan_) {
    return Show(desk.AddPlan(actor, id_, {target_, description_, *sharing}),
                [](const respond::ResponsePlan& plan) { PrintId(plan.id); });
  }
  if (*timeline_) {
    Result<std::vector<respond::TimelineEvent>> timeline = reader.Timeline(session.visibility(), id_);
    if (!timeline.ok()) return FailWith(timeline.status());
    std::vector<store::StoredVersion> read;
    for (const respond::TimelineEvent& entry : *timeline) read.push_back(entry.version);
    if (Status audited = AuditReads(session, read, "cli incident timeline"); !audited.ok()) return FailWith(audited);
    for (const respond::TimelineEvent& entry : *timeline) {
      fmt::print("{}  {:<8}  {}\n", FormatTimestamp(entry.time, 0), entry.kind, entry.version.id);
    }
    return kExitOk;
  }
  if (*task_add_) {
    respond::TaskDraft draft{target_, description_, responsible_, priority_, *due, depends_on_};
    return Show(desk.AddTask(actor, id_, draft), [](const respond::Task& task) { PrintId(task.id); });
  }
  if (*task_list_) {
    respond::TaskFilter filter;
    filter.responsible = session.actor.organisation;
    if (responsible_ == "any") {
      filter.responsible.clear();
    } else if (!responsible_.empty()) {
      Result<share::Organisation> organisation = community.FindOrganisation(responsible_);
      if (!organisation.ok()) return Usage(fmt::format("--responsible: no organisation '{}'", responsible_));
      filter.responsible = organisation->id;
    }
    if (!outcome_.empty()) {
      filter.outcome = respond::ParseTaskOutcome(outcome_);
      if (!filter.outcome) return Usage("--outcome must be pending, ongoing, successful, failed or cancelled");
    }
    filter.incident_id = incident_;
    filter.open_only = open_;
    Result<std::vector<respond::Task>> tasks = reader.Tasks(session.visibility(), filter);
    if (!tasks.ok()) return FailWith(tasks.status());
    std::vector<store::StoredVersion> read;
    for (const respond::Task& task : *tasks) read.push_back(task.stored);
    if (Status audited = AuditReads(session, read, "cli task list"); !audited.ok()) return FailWith(audited);
    for (const respond::Task& task : *tasks) PrintTask(community, task);
    return kExitOk;
  }
  if (*task_move_ || *task_reassign_) {
    respond::TaskChange change;
    if (*task_move_) {
      change.outcome = respond::ParseTaskOutcome(target_);
      if (!change.outcome) return Usage("the outcome must be pending, ongoing, successful, failed or cancelled");
      if (!error_.empty()) change.error = error_;
    } else {
      change.responsible = target_;
    }
    return Show(desk.ChangeTask(actor, id_, change), [&](const respond::Task& task) { PrintTask(community, task); });
  }
  if (*task_history_) {
    Result<std::vector<respond::Task>> history = reader.TaskHistory(session.visibility(), id_);
    if (!history.ok()) return FailWith(history.status());
    std::vector<store::StoredVersion> read;
    for (const respond::Task& version : *history) read.push_back(version.stored);
    if (Status audited = AuditReads(session, read, "cli task history"); !audited.ok()) return FailWith(audited);
    for (const respond::Task& version : *history) {
      fmt::print("{}  {}  by {}  responsible {}  priority {}  due {}\n", Time(version.stored.version),
                 respond::TaskOutcomeName(version.outcome),
                 version.changed_by.empty() ? "the node operator" : CodeOf(community, version.changed_by),
                 CodeOf(community, version.responsible), version.priority, Time(version.due));
    }
    return kExitOk;
  }
  if (*note_add_) {
    return Show(desk.AddNote(actor, id_, {abstract_, target_, *sharing}),
                [](const store::StoredVersion& note) { PrintId(note.id); });
  }
  return kExitError;
}

}  // namespace kenes::cli
