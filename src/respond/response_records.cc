#include "respond/response_records.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <string_view>

#include "respond/response_types.h"
#include "stix/json_object_builder.h"

namespace kenes::respond {
namespace {

constexpr std::string_view kSeverities[] = {"low", "medium", "high", "critical"};
constexpr std::string_view kStatuses[] = {"new", "open", "closed"};
constexpr std::string_view kDeterminations[] = {"blocked",        "successful-attempt", "failed-attempt",
                                                "false-positive", "low-value",          "suspected"};

template <size_t N>
bool OneOf(const std::string_view (&terms)[N], std::string_view value) {
  return std::find(std::begin(terms), std::end(terms), value) != std::end(terms);
}

// The parsed object of a stored version, with what every record reads.
class ParsedObject {
 public:
  Status Parse(const store::StoredVersion& stored, std::string_view type) {
    if (stored.type != type) return Status::InvalidArgument(fmt::format("{} is not a {}", stored.id, type));
    if (parser_.parse(stored.json).get(object_) != simdjson::SUCCESS) {
      return Status::Corruption(fmt::format("the stored text of {} is not a JSON object", stored.id));
    }
    return Status::Ok();
  }

  // The extension entry `id`; InvalidArgument naming `what` when absent.
  Result<simdjson::dom::object> Extension(std::string_view id, std::string_view what, std::string_view object_id) {
    simdjson::dom::object entry;
    if (object_["extensions"][id].get(entry) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{} has no {} extension ({})", object_id, what, id));
    }
    return entry;
  }

  simdjson::dom::object object() const { return object_; }

 private:
  simdjson::dom::parser parser_;
  simdjson::dom::object object_;
};

std::string Text(simdjson::dom::object object, std::string_view name) {
  std::string_view value;
  return object[name].get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

std::optional<Timestamp> Time(simdjson::dom::object object, std::string_view name) {
  std::string_view value;
  if (object[name].get(value) != simdjson::SUCCESS) return std::nullopt;
  return ParseTimestamp(value);
}

std::vector<std::string> Texts(simdjson::dom::object object, std::string_view name) {
  std::vector<std::string> values;
  simdjson::dom::array list;
  if (object[name].get(list) != simdjson::SUCCESS) return values;
  for (simdjson::dom::element item : list) {
    std::string_view value;
    if (item.get(value) == simdjson::SUCCESS) values.emplace_back(value);
  }
  return values;
}

std::string Stamp(const Timestamp& time) { return FormatTimestamp(time, 3); }

// Starts an object's text: type, spec_version, id, created, modified, created_by_ref.
void BeginObject(stix::JsonObjectBuilder& builder, std::string_view type, std::string_view id,
                 const store::StoredVersion& stored, std::string_view owner, const Timestamp& now) {
  const bool stored_before = !stored.json.empty();
  simdjson::dom::parser parser;
  std::string created = Stamp(now);
  if (stored_before) {
    simdjson::dom::object previous;
    if (parser.parse(stored.json).get(previous) == simdjson::SUCCESS) created = Text(previous, "created");
  }
  builder.String("type", type).String("spec_version", "2.1");
  builder.String("id", id);
  builder.String("created", created).String("modified", Stamp(now));
  if (!owner.empty()) builder.String("created_by_ref", owner);
  if (!stored.object_marking_refs.empty()) builder.StringList("object_marking_refs", stored.object_marking_refs);
}

// Parses `stored` as a `type` with the `extension` entry (`what` names it in
// errors) into the record's id, owner, name, description and stored
// version; returns the extension entry.
template <typename Record>
Result<simdjson::dom::object> ReadCommon(ParsedObject& parsed, const store::StoredVersion& stored,
                                         std::string_view type, std::string_view extension, std::string_view what,
                                         Record& record) {
  KENES_RETURN_IF_ERROR(parsed.Parse(stored, type));
  KENES_ASSIGN_OR_RETURN(simdjson::dom::object entry, parsed.Extension(extension, what, stored.id));
  record.id = stored.id;
  record.owner = stored.created_by_ref;
  record.name = Text(parsed.object(), "name");
  record.description = Text(parsed.object(), "description");
  record.stored = stored;
  return entry;
}

}  // namespace

bool IsInvestigationStatus(std::string_view status) { return OneOf(kStatuses, status); }
bool IsSeverity(std::string_view severity) { return OneOf(kSeverities, severity); }
bool IsDetermination(std::string_view determination) { return OneOf(kDeterminations, determination); }

Result<Incident> ReadIncident(const store::StoredVersion& stored) {
  ParsedObject parsed;
  Incident incident;
  KENES_ASSIGN_OR_RETURN(simdjson::dom::object kenes,
                         ReadCommon(parsed, stored, "incident", kIncidentExtension, "Kenes incident", incident));
  incident.severity = Text(kenes, "severity");
  incident.affected_states = Texts(kenes, "affected_states");
  simdjson::dom::object core;
  if (parsed.object()["extensions"][kIncidentCoreExtension].get(core) == simdjson::SUCCESS) {
    incident.status = Text(core, "investigation_status");
    incident.determination = Text(core, "determination");
    int64_t criticality = 0;
    if (core["criticality"].get(criticality) == simdjson::SUCCESS) incident.criticality = static_cast<int>(criticality);
  }
  return incident;
}

Result<ResponsePlan> ReadPlan(const store::StoredVersion& stored) {
  ParsedObject parsed;
  ResponsePlan plan;
  KENES_ASSIGN_OR_RETURN(simdjson::dom::object kenes,
                         ReadCommon(parsed, stored, "course-of-action", kPlanExtension, "Kenes response-plan", plan));
  plan.incident_id = Text(kenes, "incident_ref");
  return plan;
}

Result<Task> ReadTask(const store::StoredVersion& stored) {
  ParsedObject parsed;
  Task task;
  KENES_ASSIGN_OR_RETURN(simdjson::dom::object kenes,
                         ReadCommon(parsed, stored, "task", kTaskExtension, "Kenes task", task));
  const simdjson::dom::object object = parsed.object();
  std::optional<TaskOutcome> outcome = ParseTaskOutcome(Text(object, "outcome"));
  if (!outcome) {
    return Status::InvalidArgument(
        fmt::format("{} has outcome '{}', which Kenes does not track", stored.id, Text(object, "outcome")));
  }
  task.outcome = *outcome;
  int64_t priority = 0;
  if (object["priority"].get(priority) == simdjson::SUCCESS) task.priority = static_cast<int>(priority);
  task.error = Text(object, "error");
  task.start_time = Time(object, "start_time");
  task.end_time = Time(object, "end_time");
  task.plan_id = Text(kenes, "plan_ref");
  task.incident_id = Text(kenes, "incident_ref");
  task.responsible = Text(kenes, "responsible_ref");
  task.due = Time(kenes, "due");
  task.depends_on = Texts(kenes, "depends_on_refs");
  task.changed_by = Text(kenes, "changed_by_ref");
  return task;
}

std::string IncidentText(const Incident& incident, const Timestamp& now) {
  std::string out;
  stix::JsonObjectBuilder builder(out);
  BeginObject(builder, "incident", incident.id, incident.stored, incident.owner, now);
  builder.String("name", incident.name);
  if (!incident.description.empty()) builder.String("description", incident.description);
  std::string core;
  stix::JsonObjectBuilder core_builder(core);
  core_builder.String("extension_type", "property-extension")
      .String("investigation_status", incident.status)
      .String("determination", incident.determination);
  if (incident.criticality) core_builder.Integer("criticality", *incident.criticality);
  core_builder.Finish();
  std::string kenes;
  stix::JsonObjectBuilder kenes_builder(kenes);
  kenes_builder.String("extension_type", "property-extension").String("severity", incident.severity);
  if (!incident.affected_states.empty()) kenes_builder.StringList("affected_states", incident.affected_states);
  kenes_builder.Finish();
  builder.Raw("extensions",
              fmt::format(R"({{"{}":{},"{}":{}}})", kIncidentCoreExtension, core, kIncidentExtension, kenes));
  builder.Finish();
  return out;
}

std::string PlanText(const ResponsePlan& plan, const Timestamp& now) {
  std::string out;
  stix::JsonObjectBuilder builder(out);
  BeginObject(builder, "course-of-action", plan.id, plan.stored, plan.owner, now);
  builder.String("name", plan.name);
  if (!plan.description.empty()) builder.String("description", plan.description);
  std::string kenes;
  stix::JsonObjectBuilder(kenes)
      .String("extension_type", "property-extension")
      .String("incident_ref", plan.incident_id)
      .Finish();
  builder.Raw("extensions", fmt::format(R"({{"{}":{}}})", kPlanExtension, kenes));
  builder.Finish();
  return out;
}

std::string TaskText(const Task& task, const Timestamp& now) {
  std::string out;
  stix::JsonObjectBuilder builder(out);
  BeginObject(builder, "task", task.id, task.stored, task.owner, now);
  builder.String("name", task.name);
  if (!task.description.empty()) builder.String("description", task.description);
  builder.String("outcome", TaskOutcomeName(task.outcome)).Integer("priority", task.priority);
  if (!task.error.empty()) builder.String("error", task.error);
  if (task.start_time) builder.String("start_time", Stamp(*task.start_time));
  if (task.end_time) builder.String("end_time", Stamp(*task.end_time));
  std::string kenes;
  stix::JsonObjectBuilder kenes_builder(kenes);
  kenes_builder.String("extension_type", "property-extension")
      .String("plan_ref", task.plan_id)
      .String("incident_ref", task.incident_id)
      .String("responsible_ref", task.responsible);
  if (task.due) kenes_builder.String("due", Stamp(*task.due));
  if (!task.depends_on.empty()) kenes_builder.StringList("depends_on_refs", task.depends_on);
  if (!task.changed_by.empty()) kenes_builder.String("changed_by_ref", task.changed_by);
  kenes_builder.Finish();
  builder.Raw("extensions", fmt::format(R"({{"{}":{{"extension_type":"new-sdo"}},"{}":{}}})", kTaskObjectExtension,
                                        kTaskExtension, kenes));
  builder.Finish();
  return out;
}

std::string RelationshipTypeFor(std::string_view target_type) {
  if (target_type == "threat-actor" || target_type == "intrusion-set") return "attributed-to";
  if (target_type == "identity" || target_type == "infrastructure") return "targets";
  if (target_type == "location") return "located-at";
  if (target_type == "incident") return "led-to";
  return "related-to";
}

std::string LinkText(std::string_view id, std::string_view incident_id, std::string_view target_id,
                     std::string_view author, const std::vector<std::string>& markings, const Timestamp& now) {
  std::string out;
  stix::JsonObjectBuilder builder(out);
  store::StoredVersion marked;
  marked.object_marking_refs = markings;
  BeginObject(builder, "relationship", id, marked, author, now);
  builder.String("relationship_type", RelationshipTypeFor(target_id.substr(0, target_id.find("--"))));
  builder.String("source_ref", incident_id).String("target_ref", target_id);
  builder.Finish();
  return out;
}

std::string NoteText(std::string_view id, std::string_view abstract, std::string_view content,
                     const std::vector<std::string>& object_ids, const Timestamp& now) {
  std::string out;
  stix::JsonObjectBuilder builder(out);
  BeginObject(builder, "note", id, store::StoredVersion(), "", now);
  if (!abstract.empty()) builder.String("abstract", abstract);
  builder.String("content", content).StringList("object_refs", object_ids);
  builder.Finish();
  return out;
}

Timestamp VersionTime(const Timestamp& now, const std::optional<Timestamp>& previous) {
  int64_t milliseconds = now.TotalMicroseconds() / 1000;
  if (previous) milliseconds = std::max(milliseconds, previous->TotalMicroseconds() / 1000 + 1);
  return TimestampFromMicroseconds(milliseconds * 1000);
}

}  // namespace kenes::respond
