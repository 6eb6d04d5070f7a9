#include "respond/response_types.h"

#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validator.h"

namespace kenes::respond {
namespace {

namespace validation = stix::validation;
using validation::Enum;
using validation::ListOf;
using validation::MakeShape;
using validation::OpenVocabulary;
using validation::PropertyRule;
using validation::ReferenceTo;
using validation::String;
using validation::Vocabulary;

// Ordered as the file names of definitions/: incident, response-plan, task.
constexpr std::string_view kKenesIds[] = {kIncidentExtension, kPlanExtension, kTaskExtension};

const Vocabulary kSeverity{"kenes-incident-severity-enum", {"low", "medium", "high", "critical"}};
const Vocabulary kInvestigationStatus{"incident-investigation-ov", {"new", "open", "closed"}};
const Vocabulary kDetermination{
    "incident-determination-enum",
    {"blocked", "successful-attempt", "failed-attempt", "false-positive", "low-value", "suspected"}};
const Vocabulary kRecoverability{"recoverability-enum",
                                 {"extended", "not-applicable", "not-recoverable", "regular", "supplemented"}};
const Vocabulary kPropertyExtensionType{"extension-type-enum", {"property-extension"}};
const Vocabulary kTaskOutcome{"task-outcome-enum",
                              {"cancelled", "failed", "ongoing", "pending", "successful", "unknown"}};
const Vocabulary kTaskType{"task-type-ov",
                           {"administrative", "attribution", "containment", "declared", "detected", "eradication",
                            "escalated", "exercised-control", "external-intelligence", "external-outreach",
                            "external-support", "implemented-control", "playbook-execution", "playbook-step-execution",
                            "recovery", "reported", "routine-updates", "victim-notification"}};
const Vocabulary kTimestampFidelity{"timestamp-fidelity-enum", {"second", "minute", "hour", "day", "month", "year"}};

PropertyRule ExtensionType() { return {"extension_type", Enum(kPropertyExtensionType), true}; }

void CheckTaskTimes(simdjson::dom::object object, validation::CheckContext& context) {
  validation::CheckOrder(object, context, "start_time", "end_time", false);
}

Status RegisterTask() {
  validation::TypeDefinition task =
      validation::DefineType("task", validation::Category::kSdo,
                             {{"outcome", Enum(kTaskOutcome), true},
                              {"name", String()},
                              {"description", String()},
                              {"task_type", OpenVocabulary(kTaskType)},
                              {"start_time", validation::Timestamp()},
                              {"start_time_fidelity", Enum(kTimestampFidelity)},
                              {"end_time", validation::Timestamp()},
                              {"end_time_fidelity", Enum(kTimestampFidelity)},
                              {"error", String()},
                              {"priority", validation::Integer(0, 100)},
                              {"impacted_entity_counts", validation::Dictionary(validation::Count())},
                              {"changed_objects", ListOf(validation::Any())},
                              {"subtasks", ListOf(validation::Any())}},
                             {CheckTaskTimes});
  task.defined_by_extension = true;
  return stix::RegisterType(std::move(task));
}

Status RegisterExtension(std::string_view id, std::string_view description, std::vector<PropertyRule> properties,
                         std::vector<std::string> types) {
  properties.insert(properties.begin(), ExtensionType());
  return stix::RegisterPropertyExtension(
      {std::string(id), MakeShape(description, std::move(properties)), std::move(types)});
}

Status RegisterAll() {
  KENES_RETURN_IF_ERROR(RegisterTask());
  KENES_RETURN_IF_ERROR(RegisterExtension(kIncidentCoreExtension, "Incident Core extension",
                                          {{"investigation_status", OpenVocabulary(kInvestigationStatus), true},
                                           {"determination", Enum(kDetermination), true},
                                           {"criticality", validation::Integer(0, 100)},
                                           {"recoverability", Enum(kRecoverability)},
                                           {"incident_types", ListOf(String())},
                                           {"detection_methods", ListOf(String())}},
                                          {"incident"}));
  KENES_RETURN_IF_ERROR(RegisterExtension(
      kIncidentExtension, "Kenes incident extension",
      {{"severity", Enum(kSeverity), true}, {"affected_states", ListOf(ReferenceTo({"identity"}))}}, {"incident"}));
  KENES_RETURN_IF_ERROR(RegisterExtension(kPlanExtension, "Kenes response-plan extension",
                                          {{"incident_ref", ReferenceTo({"incident"}), true}}, {"course-of-action"}));
  return RegisterExtension(kTaskExtension, "Kenes task extension",
                           {{"plan_ref", ReferenceTo({"course-of-action"}), true},
                            {"incident_ref", ReferenceTo({"incident"}), true},
                            {"responsible_ref", ReferenceTo({"identity"}), true},
                            {"due", validation::Timestamp()},
                            {"depends_on_refs", ListOf(ReferenceTo({"task"}))},
                            {"changed_by_ref", ReferenceTo({"identity"})}},
                           {"task"});
}

}  // namespace

std::span<const std::string_view> KenesExtensionIds() { return kKenesIds; }

Status RegisterResponseTypes() {
  static const Status kStatus = RegisterAll();
  return kStatus;
}

}  // namespace kenes::respond
