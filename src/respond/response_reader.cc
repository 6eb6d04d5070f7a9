#include "respond/response_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>

namespace kenes::respond {
namespace {

constexpr size_t kPageSize = 500;
// Notes and sightings about one object that a timeline shows at most.
constexpr size_t kMaxReferences = 1000;

// Reads the latest visible version of `id` as a record of kind `what`, NotFound alike for hidden, unknown and
// other objects.
template <typename Record>
Result<Record> Find(store::Store& store, const store::Viewer* viewer, std::string_view id, std::string_view what,
                    Result<Record> (*read)(const store::StoredVersion&)) {
  Result<store::StoredVersion> stored = store.Latest(id, viewer);
  if (!stored.ok() && stored.status().code() != StatusCode::kNotFound) return stored.status();
  if (stored.ok()) {
    Result<Record> record = read(*stored);
    if (record.ok() || record.status().code() != StatusCode::kInvalidArgument) return record;
  }
  return Status::NotFound(fmt::format("no {} {}", what, id));
}

std::optional<Timestamp> VersionOf(const store::StoredVersion& version) {
  return version.version ? version.version : std::optional<Timestamp>(version.date_added);
}

// Relationships are read from their text: the source and target of one.
std::pair<std::string, std::string> Ends(const store::StoredVersion& relationship) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  std::string_view source, target;
  if (parser.parse(relationship.json).get(object) != simdjson::SUCCESS ||
      object["source_ref"].get(source) != simdjson::SUCCESS || object["target_ref"].get(target) != simdjson::SUCCESS) {
    return {};
  }
  return {std::string(source), std::string(target)};
}

}  // namespace

Result<Incident> ResponseReader::FindIncident(const store::Viewer* viewer, std::string_view id) {
  return Find<Incident>(store_, viewer, id, "incident", &respond::ReadIncident);
}

Result<ResponsePlan> ResponseReader::FindPlan(const store::Viewer* viewer, std::string_view id) {
  return Find<ResponsePlan>(store_, viewer, id, "response plan", &ReadPlan);
}

Result<Task> ResponseReader::FindTask(const store::Viewer* viewer, std::string_view id) {
  return Find<Task>(store_, viewer, id, "task", &ReadTask);
}

template <typename Record, typename Keep>
Result<std::vector<Record>> ResponseReader::ReadAll(const store::Viewer* viewer, std::string_view type,
                                                    Result<Record> (*read)(const store::StoredVersion&), Keep keep) {
  store::ListQuery query;
  query.types = {std::string(type)};
  query.versions.last = true;
  if (viewer != nullptr) query.viewer = *viewer;
  query.limit = kPageSize;
  std::vector<Record> records;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
    for (const store::StoredVersion& version : page.versions) {
      Result<Record> record = read(version);
      if (record.ok() && keep(*record)) records.push_back(std::move(record).value());
    }
    if (!page.more) return records;
    query.cursor = page.cursor;
  }
}

Result<std::vector<Incident>> ResponseReader::Incidents(const store::Viewer* viewer, const IncidentFilter& filter) {
  KENES_ASSIGN_OR_RETURN(std::vector<Incident> incidents,
                         ReadAll<Incident>(viewer, "incident", &respond::ReadIncident, [&](const Incident& incident) {
                           const std::vector<std::string>& states = incident.affected_states;
                           return (filter.status.empty() || incident.status == filter.status) &&
                                  (filter.severity.empty() || incident.severity == filter.severity) &&
                                  (filter.affected_state.empty() ||
                                   std::find(states.begin(), states.end(), filter.affected_state) != states.end());
                         }));
  std::sort(incidents.begin(), incidents.end(),
            [](const Incident& a, const Incident& b) { return VersionOf(a.stored) > VersionOf(b.stored); });
  return incidents;
}

Result<std::vector<ResponsePlan>> ResponseReader::PlansOf(const store::Viewer* viewer, std::string_view incident_id) {
  return ReadAll<ResponsePlan>(viewer, "course-of-action", &ReadPlan,
                               [&](const ResponsePlan& plan) { return plan.incident_id == incident_id; });
}

Result<std::vector<Task>> ResponseReader::Tasks(const store::Viewer* viewer, const TaskFilter& filter) {
  KENES_ASSIGN_OR_RETURN(std::vector<Task> tasks, ReadAll<Task>(viewer, "task", &ReadTask, [&](const Task& task) {
                           return (filter.responsible.empty() || task.responsible == filter.responsible) &&
                                  (!filter.outcome || task.outcome == *filter.outcome) &&
                                  (filter.incident_id.empty() || task.incident_id == filter.incident_id) &&
                                  (filter.plan_id.empty() || task.plan_id == filter.plan_id) &&
                                  !(filter.open_only && IsFinal(task.outcome));
                         }));
  std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due && *a.due != *b.due) return *a.due < *b.due;
    return a.priority > b.priority;
  });
  return tasks;
}

Result<std::vector<Task>> ResponseReader::TaskHistory(const store::Viewer* viewer, std::string_view id) {
  KENES_RETURN_IF_ERROR(FindTask(viewer, id).status());
  KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> versions, store_.Versions(id, viewer));
  std::vector<Task> history;
  for (const store::StoredVersion& version : versions) {
    KENES_ASSIGN_OR_RETURN(Task task, ReadTask(version));
    history.push_back(std::move(task));
  }
  return history;
}

Result<std::vector<std::string>> ResponseReader::LinksOf(const store::Viewer* viewer, std::string_view incident_id) {
  KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                         store_.ReferencedBy(incident_id, viewer, kMaxReferences));
  std::vector<std::string> links;
  for (const store::StoredVersion& referrer : referrers) {
    if (referrer.type != "relationship") continue;
    auto [source, target] = Ends(referrer);
    if (source == incident_id && std::find(links.begin(), links.end(), target) == links.end()) {
      links.push_back(target);
    }
  }
  return links;
}

Result<IncidentFile> ResponseReader::ReadIncident(const store::Viewer* viewer, std::string_view id) {
  IncidentFile file;
  KENES_ASSIGN_OR_RETURN(file.incident, FindIncident(viewer, id));
  KENES_ASSIGN_OR_RETURN(file.plans, PlansOf(viewer, id));
  for (const ResponsePlan& plan : file.plans) {
    TaskFilter of_plan;
    of_plan.plan_id = plan.id;
    KENES_ASSIGN_OR_RETURN(std::vector<Task> tasks, Tasks(viewer, of_plan));
    // start_time is when a task was first recorded: the plan's order.
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const Task& a, const Task& b) { return a.start_time < b.start_time; });
    std::move(tasks.begin(), tasks.end(), std::back_inserter(file.tasks));
  }
  KENES_ASSIGN_OR_RETURN(file.links, LinksOf(viewer, id));
  return file;
}

Result<std::vector<TimelineEvent>> ResponseReader::Timeline(const store::Viewer* viewer, std::string_view incident_id) {
  KENES_ASSIGN_OR_RETURN(IncidentFile file, ReadIncident(viewer, incident_id));
  std::vector<std::pair<std::string, std::string>> objects = {{file.incident.id, "incident"}};  // id, kind
  for (const ResponsePlan& plan : file.plans) objects.emplace_back(plan.id, "plan");
  for (const Task& task : file.tasks) objects.emplace_back(task.id, "task");

  std::vector<TimelineEvent> timeline;
  std::vector<std::string> seen;  // notes about several of the objects appear once
  auto add = [&](store::StoredVersion version, std::string_view kind) {
    timeline.push_back({VersionOf(version).value_or(version.date_added), std::string(kind), std::move(version)});
  };
  for (const auto& [id, kind] : objects) {
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> versions, store_.Versions(id, viewer));
    for (store::StoredVersion& version : versions) add(std::move(version), kind);
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                           store_.ReferencedBy(id, viewer, kMaxReferences));
    for (store::StoredVersion& referrer : referrers) {
      if (referrer.type != "note" || std::find(seen.begin(), seen.end(), referrer.id) != seen.end()) continue;
      seen.push_back(referrer.id);
      add(std::move(referrer), "note");
    }
  }
  for (const std::string& link : file.links) {
    KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers,
                           store_.ReferencedBy(link, viewer, kMaxReferences));
    for (store::StoredVersion& referrer : referrers) {
      if (referrer.type != "sighting" || std::find(seen.begin(), seen.end(), referrer.id) != seen.end()) continue;
      seen.push_back(referrer.id);
      add(std::move(referrer), "sighting");
    }
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.time < b.time; });
  return timeline;
}

}  // namespace kenes::respond
