#include "rest/incident_json.h"

#include <optional>

#include "base/json_text.h"
#include "rest/json_members.h"

namespace kenes::rest {
namespace {

void AppendTime(std::string& out, std::string_view name, const std::optional<Timestamp>& time) {
  AppendOptionalMember(out, name, time ? FormatTimestamp(*time, 3) : "");
}

// id, name, description, owner: what every response record begins with.
template <typename Record>
void AppendHead(std::string& out, const Record& record) {
  AppendStringMember(out, "id", record.id);
  AppendStringMember(out, "name", record.name);
  AppendOptionalMember(out, "description", record.description);
  AppendStringMember(out, "owner", record.owner);
}

void AppendVersionTimes(std::string& out, const store::StoredVersion& stored) {
  AppendTime(out, "modified", stored.version);
}

}  // namespace

void AppendIncident(std::string& out, const respond::Incident& incident) {
  out += '{';
  AppendHead(out, incident);
  AppendStringMember(out, "status", incident.status);
  AppendStringMember(out, "determination", incident.determination);
  AppendRawMember(out, "criticality", incident.criticality ? std::to_string(*incident.criticality) : "null");
  AppendStringMember(out, "severity", incident.severity);
  AppendStringArrayMember(out, "affected_states", incident.affected_states);
  AppendVersionTimes(out, incident.stored);
  out += '}';
}

void AppendPlan(std::string& out, const respond::ResponsePlan& plan) {
  out += '{';
  AppendHead(out, plan);
  AppendStringMember(out, "incident_id", plan.incident_id);
  AppendVersionTimes(out, plan.stored);
  out += '}';
}

void AppendTask(std::string& out, const respond::Task& task) {
  out += '{';
  AppendHead(out, task);
  AppendStringMember(out, "plan_id", task.plan_id);
  AppendStringMember(out, "incident_id", task.incident_id);
  AppendStringMember(out, "responsible", task.responsible);
  AppendStringMember(out, "outcome", respond::TaskOutcomeName(task.outcome));
  AppendRawMember(out, "priority", std::to_string(task.priority));
  AppendTime(out, "due", task.due);
  AppendStringArrayMember(out, "depends_on", task.depends_on);
  AppendOptionalMember(out, "changed_by", task.changed_by);
  AppendOptionalMember(out, "error", task.error);
  AppendTime(out, "start_time", task.start_time);
  AppendTime(out, "end_time", task.end_time);
  AppendVersionTimes(out, task.stored);
  out += '}';
}

void AppendTimelineEvent(std::string& out, const respond::TimelineEvent& entry) {
  out += '{';
  AppendStringMember(out, "time", FormatTimestamp(entry.time, 3));
  AppendStringMember(out, "kind", entry.kind);
  AppendRawMember(out, "object", entry.version.json);
  out += '}';
}

}  // namespace kenes::rest
