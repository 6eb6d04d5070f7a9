#include "respond/incident_brief.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace kenes::respond {
namespace {

constexpr std::string_view kIncidentCoreExtension = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
constexpr std::string_view kIncidentExtension = "extension-definition--b05dca82-07d9-4457-8d5b-7ce09de4a7c5";
constexpr std::string_view kPlanExtension = "extension-definition--4df9ce4f-7814-4f1f-982b-8bcae5de11bd";
constexpr std::string_view kTaskExtension = "extension-definition--16b0ada2-9d57-4f9f-b4c1-d023634b2317";

constexpr size_t kListPage = 500;
constexpr size_t kMaxReferrers = 10000;  // relationships and notes naming one object of the response
constexpr size_t kNoteSummaryLength = 240;

// The properties of one version the brief uses, read once from its JSON.
struct Fields {
  std::string type;
  std::string name;
  std::string description;
  std::string created_by_ref;
  // Incidents.
  std::string investigation_status;
  std::string determination;
  std::optional<int64_t> criticality;
  std::string severity;
  std::vector<std::string> affected_states;
  // Plans and tasks.
  std::string incident_ref;
  std::string plan_ref;
  // Tasks.
  std::string outcome;
  std::optional<int64_t> priority;
  std::string responsible_ref;
  std::string changed_by_ref;
  std::optional<Timestamp> due;
  std::vector<std::string> depends_on_refs;
  // Relationships, notes and sightings.
  std::string relationship_type;
  std::string source_ref;
  std::string target_ref;
  std::vector<std::string> object_refs;
  std::string note_abstract;
  std::string note_content;
  std::string sighting_of_ref;
  std::vector<std::string> where_sighted_refs;
  std::optional<Timestamp> first_seen;
  int64_t count = 0;
  std::string value;  // observables
};

std::string StringOf(simdjson::dom::element element, std::string_view key) {
  std::string_view value;
  if (element[key].get(value) != simdjson::SUCCESS) return {};
  return std::string(value);
}

std::optional<int64_t> IntegerOf(simdjson::dom::element element, std::string_view key) {
  int64_t value = 0;
  if (element[key].get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::vector<std::string> StringsOf(simdjson::dom::element element, std::string_view key) {
  std::vector<std::string> values;
  simdjson::dom::array array;
  if (element[key].get(array) != simdjson::SUCCESS) return values;
  for (simdjson::dom::element item : array) {
    std::string_view value;
    if (item.get(value) == simdjson::SUCCESS) values.emplace_back(value);
  }
  return values;
}

std::optional<Timestamp> TimeOf(simdjson::dom::element element, std::string_view key) {
  std::string text = StringOf(element, key);
  return text.empty() ? std::nullopt : ParseTimestamp(text);
}

Fields ReadFields(simdjson::dom::parser& parser, const store::StoredVersion& version) {
  Fields fields;
  fields.type = version.type;
  fields.created_by_ref = version.created_by_ref;
  simdjson::dom::element object;
  if (parser.parse(version.json).get(object) != simdjson::SUCCESS) return fields;
  fields.name = StringOf(object, "name");
  fields.description = StringOf(object, "description");
  fields.value = StringOf(object, "value");
  fields.outcome = StringOf(object, "outcome");
  fields.priority = IntegerOf(object, "priority");
  fields.relationship_type = StringOf(object, "relationship_type");
  fields.source_ref = StringOf(object, "source_ref");
  fields.target_ref = StringOf(object, "target_ref");
  fields.object_refs = StringsOf(object, "object_refs");
  fields.note_abstract = StringOf(object, "abstract");
  fields.note_content = StringOf(object, "content");
  fields.sighting_of_ref = StringOf(object, "sighting_of_ref");
  fields.where_sighted_refs = StringsOf(object, "where_sighted_refs");
  fields.first_seen = TimeOf(object, "first_seen");
  fields.count = IntegerOf(object, "count").value_or(0);
  simdjson::dom::element extensions;
  if (object["extensions"].get(extensions) != simdjson::SUCCESS) return fields;
  simdjson::dom::element core;
  if (extensions[kIncidentCoreExtension].get(core) == simdjson::SUCCESS) {
    fields.investigation_status = StringOf(core, "investigation_status");
    fields.determination = StringOf(core, "determination");
    fields.criticality = IntegerOf(core, "criticality");
  }
  simdjson::dom::element incident;
  if (extensions[kIncidentExtension].get(incident) == simdjson::SUCCESS) {
    fields.severity = StringOf(incident, "severity");
    fields.affected_states = StringsOf(incident, "affected_states");
  }
  simdjson::dom::element plan;
  if (extensions[kPlanExtension].get(plan) == simdjson::SUCCESS) fields.incident_ref = StringOf(plan, "incident_ref");
  simdjson::dom::element task;
  if (extensions[kTaskExtension].get(task) == simdjson::SUCCESS) {
    fields.plan_ref = StringOf(task, "plan_ref");
    fields.incident_ref = StringOf(task, "incident_ref");
    fields.responsible_ref = StringOf(task, "responsible_ref");
    fields.changed_by_ref = StringOf(task, "changed_by_ref");
    fields.due = TimeOf(task, "due");
    fields.depends_on_refs = StringsOf(task, "depends_on_refs");
  }
  return fields;
}

bool IsFinal(std::string_view outcome) {
  return outcome == "successful" || outcome == "failed" || outcome == "cancelled";
}

// What a reader recognises an object by.
std::string LabelOf(const Fields& fields, std::string_view id) {
  if (!fields.name.empty()) return fields.name;
  if (!fields.value.empty()) return fields.value;
  if (!fields.description.empty()) return fields.description;
  return std::string(id);
}

std::string Shortened(std::string_view text, size_t length) {
  if (text.size() <= length) return std::string(text);
  size_t cut = length;
  // Cut at a character boundary, never inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string OrNone(std::string_view text) { return text.empty() ? std::string("none") : std::string(text); }

class BriefGatherer {
 public:
  BriefGatherer(store::Store& store, share::Community& community, const store::Viewer* viewer,
                const BriefOptions& options)
      : store_(store), community_(community), viewer_(viewer), options_(options) {}

  Result<IncidentBrief> Gather(std::string_view incident_id) {
    brief_.now = options_.now.value_or(Now());
    KENES_RETURN_IF_ERROR(LoadOrganisationNames());
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> versions, IncidentVersions(incident_id));
    const store::StoredVersion& latest = versions.back();
    Fields incident = ReadFields(parser_, latest);
    brief_.id = latest.id;
    brief_.name = incident.name;
    brief_.description = incident.description;
    brief_.owner = State(incident.created_by_ref);
    brief_.investigation_status = incident.investigation_status;
    brief_.determination = incident.determination;
    brief_.criticality = incident.criticality;
    brief_.severity = incident.severity;
    for (const std::string& state : incident.affected_states) brief_.affected_states.push_back(State(state));
    brief_.created = versions.front().version.value_or(latest.date_added);
    brief_.modified = latest.version.value_or(latest.date_added);
    AddIncidentHistory(versions);
    Authored(latest, incident);

    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                           store_.ReferencedBy(brief_.id, viewer_, kMaxReferrers));
    std::vector<std::string> about = {brief_.id};
    KENES_RETURN_IF_ERROR(AddConcerns(referrers));
    KENES_RETURN_IF_ERROR(AddPlans(about));
    KENES_RETURN_IF_ERROR(AddNotes(about));
    KENES_RETURN_IF_ERROR(AddSightings());
    if (options_.assistance_gaps) {
      KENES_ASSIGN_OR_RETURN(brief_.assistance_gaps, options_.assistance_gaps(brief_.id, viewer_));
      for (AssistanceGapLine& line : *brief_.assistance_gaps)
        line.requesting_state_name = State(line.requesting_state).name;
    }
    FinishContributions();
    std::stable_sort(brief_.timeline.begin(), brief_.timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.time < b.time; });
    return std::move(brief_);
  }

 private:
  Status LoadOrganisationNames() {
    KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, community_.Organisations());
    for (share::Organisation& organisation : organisations) names_[organisation.id] = std::move(organisation.name);
    return Status::Ok();
  }

  // The community's name; else the name of its identity, if the reader may see it.
  StateRef State(const std::string& id) {
    if (id.empty()) return {"", "no organisation"};
    auto known = names_.find(id);
    if (known != names_.end()) return {id, known->second};
    Result<store::StoredVersion> identity = store_.Latest(id, viewer_);
    std::string name = identity.ok() ? ReadFields(parser_, *identity).name : std::string();
    names_[id] = name.empty() ? id : name;
    return {id, names_[id]};
  }

  Result<std::vector<store::StoredVersion>> IncidentVersions(std::string_view incident_id) {
    Status unknown = Status::NotFound(fmt::format("no incident {}", incident_id));
    if (!incident_id.starts_with("incident--")) return unknown;
    Result<std::vector<store::StoredVersion>> versions = store_.Versions(incident_id, viewer_);
    if (!versions.ok()) return versions.status().code() == StatusCode::kNotFound ? unknown : versions.status();
    return versions;
  }

  void Record(const store::StoredVersion& version, std::string actor, std::string summary) {
    TimelineEntry entry;
    entry.time = version.version.value_or(version.date_added);
    entry.object_id = version.id;
    entry.object_type = version.type;
    entry.actor = State(actor);
    entry.summary = std::move(summary);
    brief_.timeline.push_back(std::move(entry));
    brief_.shown.push_back(version);
  }

  // Counts `version` (the latest of its object) as authored by its creator.
  void Authored(const store::StoredVersion& version, const Fields& fields) {
    if (version.created_by_ref.empty()) return;
    ContributionOf(version.created_by_ref)
        .authored.push_back(fmt::format("{}: {}", version.type, LabelOf(fields, version.id)));
  }

  Contribution& ContributionOf(const std::string& state) {
    auto [entry, added] = contributions_.try_emplace(state);
    if (added) entry->second.state = State(state);
    return entry->second;
  }

  void AddIncidentHistory(const std::vector<store::StoredVersion>& versions) {
    std::optional<Fields> previous;
    for (const store::StoredVersion& version : versions) {
      Fields fields = ReadFields(parser_, version);
      std::string summary;
      if (!previous) {
        summary = fmt::format("Incident opened: status {}, severity {}", OrNone(fields.investigation_status),
                              OrNone(fields.severity));
      } else {
        std::vector<std::string> changes;
        if (fields.investigation_status != previous->investigation_status) {
          changes.push_back(fmt::format("status {} → {}", OrNone(previous->investigation_status),
                                        OrNone(fields.investigation_status)));
        }
        if (fields.severity != previous->severity) {
          changes.push_back(fmt::format("severity {} → {}", OrNone(previous->severity), OrNone(fields.severity)));
        }
        if (fields.criticality != previous->criticality && fields.criticality) {
          changes.push_back(fmt::format("criticality {}", *fields.criticality));
        }
        if (fields.affected_states != previous->affected_states) changes.push_back("affected states changed");
        summary = changes.empty() ? std::string("Incident revised")
                                  : fmt::format("Incident updated: {}", fmt::join(changes, ", "));
      }
      Record(version, version.created_by_ref, std::move(summary));
      previous = std::move(fields);
    }
  }

  Status AddConcerns(const std::vector<store::StoredVersion>& referrers) {
    std::set<std::string> seen;
    for (const store::StoredVersion& referrer : referrers) {
      if (referrer.type != "relationship") continue;
      Fields relationship = ReadFields(parser_, referrer);
      const std::string& other =
          relationship.source_ref == brief_.id ? relationship.target_ref : relationship.source_ref;
      if (other == brief_.id || !seen.insert(other).second) continue;
      Result<store::StoredVersion> target = store_.Latest(other, viewer_);
      if (!target.ok()) {
        if (target.status().code() == StatusCode::kNotFound) continue;  // hidden: the link is left out whole
        return target.status();
      }
      Fields fields = ReadFields(parser_, *target);
      brief_.concerns.push_back(
          {target->id, target->type, LabelOf(fields, target->id), relationship.relationship_type});
      brief_.shown.push_back(referrer);
      brief_.shown.push_back(*target);
      Authored(*target, fields);
      if (target->type == "sighting") AddSighting(*target, fields);
    }
    std::sort(brief_.concerns.begin(), brief_.concerns.end(), [](const ConcernedObject& a, const ConcernedObject& b) {
      return std::tie(a.type, a.name) < std::tie(b.type, b.name);
    });
    return Status::Ok();
  }

  // The latest visible version of every object of `type`, in pages.
  Result<std::vector<store::StoredVersion>> LatestOfType(std::string_view type) {
    store::ListQuery query;
    query.types = {std::string(type)};
    query.versions.last = true;
    if (viewer_ != nullptr) query.viewer = *viewer_;
    query.limit = kListPage;
    std::vector<store::StoredVersion> all;
    while (true) {
      KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
      for (store::StoredVersion& version : page.versions) all.push_back(std::move(version));
      if (!page.more) break;
      query.cursor = page.cursor;
    }
    return all;
  }

  Status AddPlans(std::vector<std::string>& about) {
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> plans, LatestOfType("course-of-action"));
    std::map<std::string, size_t> section_of_plan;
    for (const store::StoredVersion& plan : plans) {
      Fields fields = ReadFields(parser_, plan);
      if (fields.incident_ref != brief_.id) continue;
      section_of_plan[plan.id] = brief_.plans.size();
      brief_.plans.push_back({plan.id, fields.name, fields.description, State(plan.created_by_ref), {}});
      about.push_back(plan.id);
      Authored(plan, fields);
      KENES_RETURN_IF_ERROR(AddPlanHistory(plan.id));
    }

    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> tasks, LatestOfType("task"));
    std::vector<std::pair<const store::StoredVersion*, Fields>> ours;
    for (const store::StoredVersion& task : tasks) {
      Fields fields = ReadFields(parser_, task);
      if (fields.incident_ref != brief_.id && !section_of_plan.contains(fields.plan_ref)) continue;
      task_names_[task.id] = LabelOf(fields, task.id);
      task_outcomes_[task.id] = fields.outcome;
      ours.emplace_back(&task, std::move(fields));
    }
    for (auto& [task, fields] : ours) {
      auto section = section_of_plan.find(fields.plan_ref);
      if (section == section_of_plan.end()) {
        // The reader was given the task but not its plan: list it without naming the plan.
        section = section_of_plan.emplace(fields.plan_ref, brief_.plans.size()).first;
        brief_.plans.push_back({"", "Tasks of a plan not shared with this organisation", "", {}, {}});
      }
      brief_.plans[section->second].tasks.push_back(TaskLineOf(*task, fields));
      about.push_back(task->id);
      Authored(*task, fields);
      if (fields.outcome == "successful" && !fields.responsible_ref.empty()) {
        ContributionOf(fields.responsible_ref).tasks_completed.push_back(task_names_[task->id]);
      }
      KENES_RETURN_IF_ERROR(AddTaskHistory(task->id));
    }
    for (PlanSection& plan : brief_.plans) {
      std::sort(plan.tasks.begin(), plan.tasks.end(), [](const TaskLine& a, const TaskLine& b) {
        Timestamp never{.seconds = INT64_MAX};
        return std::pair(a.due.value_or(never), a.name) < std::pair(b.due.value_or(never), b.name);
      });
    }
    return Status::Ok();
  }

  TaskLine TaskLineOf(const store::StoredVersion& task, const Fields& fields) {
    TaskLine line;
    line.id = task.id;
    line.name = task_names_[task.id];
    line.description = fields.description;
    line.responsible = State(fields.responsible_ref);
    line.outcome = fields.outcome;
    line.priority = fields.priority;
    line.due = fields.due;
    line.overdue = fields.due && *fields.due < brief_.now && !IsFinal(fields.outcome);
    for (const std::string& dependency : fields.depends_on_refs) {
      auto name = task_names_.find(dependency);
      line.depends_on.push_back(name != task_names_.end() ? name->second : std::string("a task not shared"));
      auto outcome = task_outcomes_.find(dependency);
      bool unfinished = outcome == task_outcomes_.end() || outcome->second != "successful";
      if (unfinished && !IsFinal(fields.outcome)) line.waiting = true;
    }
    return line;
  }

  Status AddPlanHistory(const std::string& plan_id) {
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> versions, store_.Versions(plan_id, viewer_));
    for (size_t i = 0; i < versions.size(); ++i) {
      Fields fields = ReadFields(parser_, versions[i]);
      Record(versions[i], versions[i].created_by_ref,
             fmt::format("{}: {}", i == 0 ? "Response plan adopted" : "Response plan revised", fields.name));
    }
    return Status::Ok();
  }

  Status AddTaskHistory(const std::string& task_id) {
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> versions, store_.Versions(task_id, viewer_));
    std::optional<Fields> previous;
    for (const store::StoredVersion& version : versions) {
      Fields fields = ReadFields(parser_, version);
      std::string name = LabelOf(fields, version.id);
      std::string summary;
      if (!previous) {
        summary = fmt::format("Task assigned to {}: {} ({})", State(fields.responsible_ref).name, name,
                              OrNone(fields.outcome));
      } else {
        std::vector<std::string> changes;
        if (fields.outcome != previous->outcome) {
          changes.push_back(fmt::format("{} → {}", OrNone(previous->outcome), OrNone(fields.outcome)));
        }
        if (fields.responsible_ref != previous->responsible_ref) {
          changes.push_back(fmt::format("reassigned to {}", State(fields.responsible_ref).name));
        }
        if (fields.due != previous->due && fields.due) {
          changes.push_back(fmt::format("due {}", FormatTimestamp(*fields.due, 0)));
        }
        if (fields.priority != previous->priority && fields.priority) {
          changes.push_back(fmt::format("priority {}", *fields.priority));
        }
        summary = fmt::format("Task {}: {}", name,
                              changes.empty() ? std::string("revised") : fmt::format("{}", fmt::join(changes, ", ")));
      }
      std::string actor = fields.changed_by_ref.empty() ? version.created_by_ref : fields.changed_by_ref;
      if (previous && !fields.changed_by_ref.empty()) ++ContributionOf(fields.changed_by_ref).task_updates;
      Record(version, actor, std::move(summary));
      previous = std::move(fields);
    }
    return Status::Ok();
  }

  // Notes about the incident, its plans and their tasks.
  Status AddNotes(const std::vector<std::string>& about) {
    std::set<std::string> seen;
    for (const std::string& id : about) {
      KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                             store_.ReferencedBy(id, viewer_, kMaxReferrers));
      for (const store::StoredVersion& note : referrers) {
        if (note.type != "note" || !seen.insert(note.id).second) continue;
        Fields fields = ReadFields(parser_, note);
        std::string text = fields.note_abstract.empty()  ? fields.note_content
                           : fields.note_content.empty() ? fields.note_abstract
                                                         : fields.note_abstract + ": " + fields.note_content;
        text = Shortened(text, kNoteSummaryLength);
        Record(note, note.created_by_ref, fmt::format("Note: {}", text));
        if (!note.created_by_ref.empty()) ContributionOf(note.created_by_ref).notes.push_back(text);
      }
    }
    return Status::Ok();
  }

  void AddSighting(const store::StoredVersion& sighting, const Fields& fields) {
    if (!sightings_.insert(sighting.id).second) return;
    std::string what = fields.sighting_of_ref;
    auto concerned = std::find_if(brief_.concerns.begin(), brief_.concerns.end(),
                                  [&](const ConcernedObject& object) { return object.id == fields.sighting_of_ref; });
    if (concerned != brief_.concerns.end()) what = concerned->name;
    std::vector<std::string> where;
    for (const std::string& place : fields.where_sighted_refs) where.push_back(State(place).name);
    std::string summary = fmt::format("Sighting of {}{}{}", what,
                                      where.empty() ? std::string() : fmt::format(" by {}", fmt::join(where, ", ")),
                                      fields.count > 0 ? fmt::format(" ({} times)", fields.count) : std::string());
    Record(sighting, sighting.created_by_ref, std::move(summary));
    if (fields.first_seen) brief_.timeline.back().time = *fields.first_seen;
    Authored(sighting, fields);
  }

  // Sightings of the objects the incident concerns.
  Status AddSightings() {
    std::vector<std::string> targets;
    for (const ConcernedObject& object : brief_.concerns) targets.push_back(object.id);
    for (const std::string& target : targets) {
      KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                             store_.ReferencedBy(target, viewer_, options_.max_sightings));
      for (const store::StoredVersion& referrer : referrers) {
        if (referrer.type != "sighting") continue;
        Fields fields = ReadFields(parser_, referrer);
        if (fields.sighting_of_ref == target) AddSighting(referrer, fields);
      }
    }
    return Status::Ok();
  }

  void FinishContributions() {
    for (auto& [id, contribution] : contributions_) brief_.contributions.push_back(std::move(contribution));
    std::sort(brief_.contributions.begin(), brief_.contributions.end(),
              [](const Contribution& a, const Contribution& b) { return a.state.name < b.state.name; });
  }

  store::Store& store_;
  share::Community& community_;
  const store::Viewer* viewer_;
  const BriefOptions& options_;
  simdjson::dom::parser parser_;
  IncidentBrief brief_;
  std::map<std::string, std::string> names_;  // organisation names by identity id
  std::map<std::string, std::string> task_names_;
  std::map<std::string, std::string> task_outcomes_;
  std::set<std::string> sightings_;
  std::map<std::string, Contribution> contributions_;
};

}  // namespace

Result<IncidentBrief> GatherIncidentBrief(store::Store& store, share::Community& community,
                                          std::string_view incident_id, const store::Viewer* viewer,
                                          const BriefOptions& options) {
  return BriefGatherer(store, community, viewer, options).Gather(incident_id);
}

std::string ReaderName(share::Community& community, const share::Principal& reader, const store::Viewer* viewer) {
  if (viewer == nullptr) {
    return reader.IsNodeOperator() ? std::string("the node operator") : fmt::format("{} (administrator)", reader.user);
  }
  Result<share::Organisation> organisation = community.FindOrganisation(viewer->author);
  return organisation.ok() ? organisation->name : viewer->author;
}

}  // namespace kenes::respond
