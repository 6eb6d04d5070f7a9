// The 19 STIX Domain Objects of STIX 2.1 section 4.
#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/indicator_pattern.h"
#include "stix/validation/type_registry.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

namespace v = vocabulary;
constexpr uint8_t kAnyObject = ReferenceTargets::kAny;
constexpr int64_t kMaxCount = 999'999'999;

const ValueCheck* Strings() { return ListOf(String()); }
const ValueCheck* OpenTerms(const Vocabulary& vocabulary) { return ListOf(OpenVocabulary(vocabulary)); }

void CheckSeenOrder(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "first_seen", "last_seen", false);
}

void CheckIndicator(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "valid_from", "valid_until", true);
  CheckIndicatorPattern(object, context);
}

void CheckMalware(simdjson::dom::object object, CheckContext& context) {
  CheckSeenOrder(object, context);
  bool is_family = false;
  if (object["is_family"].get(is_family) == simdjson::SUCCESS && is_family && !Has(object, "name")) {
    auto scope = context.Property("name");
    context.Error("required-property", "a malware family (is_family true) must have a name");
  }
}

void CheckMalwareAnalysis(simdjson::dom::object object, CheckContext& context) {
  RequireOneOf(object, context, {"result", "analysis_sco_refs"});
}

void CheckObservedData(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "first_observed", "last_observed", false);
  bool has_objects = Has(object, "objects");
  bool has_refs = Has(object, "object_refs");
  if (has_objects == has_refs) {
    context.Error("mutually-exclusive", "observed-data must have exactly one of objects and object_refs");
  } else if (has_objects) {
    auto scope = context.Property("objects");
    context.Warning("deprecated-property", "objects is deprecated; refer to SCOs with object_refs");
  }
}

void CheckLocation(simdjson::dom::object object, CheckContext& context) {
  bool latitude = Has(object, "latitude");
  bool longitude = Has(object, "longitude");
  if (!Has(object, "region") && !Has(object, "country") && !(latitude && longitude)) {
    context.Error("at-least-one-property", "a location must have region, country, or latitude and longitude");
  }
  if (latitude != longitude) {
    auto scope = context.Property(latitude ? "longitude" : "latitude");
    context.Error("required-property", "latitude and longitude must be given together");
  }
  if (Has(object, "precision") && !(latitude && longitude)) {
    auto scope = context.Property("precision");
    context.Error("dependent-property", "precision requires latitude and longitude");
  }
}

}  // namespace

void RegisterSdoTypes(TypeRegistry& registry) {
  const auto kSdo = Category::kSdo;
  RegisterStandardType(registry, "attack-pattern", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"aliases", Strings()},
                        {"kill_chain_phases", KillChainPhases()}});
  RegisterStandardType(registry, "campaign", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"aliases", Strings()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()},
                        {"objective", String()}},
                       {CheckSeenOrder});
  RegisterStandardType(registry, "course-of-action", kSdo, {{"name", String(), true}, {"description", String()}});
  RegisterStandardType(registry, "grouping", kSdo,
                       {{"name", String()},
                        {"description", String()},
                        {"context", OpenVocabulary(v::GroupingContext()), true},
                        {"object_refs", ListOf(ReferenceToAny(kAnyObject)), true}});
  RegisterStandardType(registry, "identity", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"roles", Strings()},
                        {"identity_class", OpenVocabulary(v::IdentityClass())},
                        {"sectors", OpenTerms(v::IndustrySector())},
                        {"contact_information", String()}});
  RegisterStandardType(registry, "incident", kSdo,
                       {{"name", String(), true}, {"description", String()}, {"kill_chain_phases", KillChainPhases()}});
  RegisterStandardType(registry, "indicator", kSdo,
                       {{"name", String()},
                        {"description", String()},
                        {"indicator_types", OpenTerms(v::IndicatorType())},
                        {"pattern", String(), true},
                        {"pattern_type", OpenVocabulary(v::PatternType()), true},
                        {"pattern_version", String()},
                        {"valid_from", Timestamp(), true},
                        {"valid_until", Timestamp()},
                        {"kill_chain_phases", KillChainPhases()}},
                       {CheckIndicator});
  RegisterStandardType(registry, "infrastructure", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"infrastructure_types", OpenTerms(v::InfrastructureType())},
                        {"aliases", Strings()},
                        {"kill_chain_phases", KillChainPhases()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()}},
                       {CheckSeenOrder});
  RegisterStandardType(registry, "intrusion-set", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"aliases", Strings()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()},
                        {"goals", Strings()},
                        {"resource_level", OpenVocabulary(v::AttackResourceLevel())},
                        {"primary_motivation", OpenVocabulary(v::AttackMotivation())},
                        {"secondary_motivations", OpenTerms(v::AttackMotivation())}},
                       {CheckSeenOrder});
  RegisterStandardType(registry, "location", kSdo,
                       {{"name", String()},
                        {"description", String()},
                        {"latitude", Number(-90.0, 90.0)},
                        {"longitude", Number(-180.0, 180.0)},
                        {"precision", Number(0.0, 1e300)},
                        {"region", OpenVocabulary(v::Region())},
                        {"country", String()},
                        {"administrative_area", String()},
                        {"city", String()},
                        {"street_address", String()},
                        {"postal_code", String()}},
                       {CheckLocation});
  RegisterStandardType(registry, "malware", kSdo,
                       {{"name", String()},
                        {"description", String()},
                        {"malware_types", OpenTerms(v::MalwareType())},
                        {"is_family", Boolean(), true},
                        {"aliases", Strings()},
                        {"kill_chain_phases", KillChainPhases()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()},
                        {"operating_system_refs", ListOf(ReferenceTo({"software"}))},
                        {"architecture_execution_envs", OpenTerms(v::ProcessorArchitecture())},
                        {"implementation_languages", OpenTerms(v::ImplementationLanguage())},
                        {"capabilities", OpenTerms(v::MalwareCapabilities())},
                        {"sample_refs", ListOf(ReferenceTo({"file", "artifact"}))}},
                       {CheckMalware});
  RegisterStandardType(
      registry, "malware-analysis", kSdo,
      {{"product", String(), true},
       {"version", String()},
       {"host_vm_ref", ReferenceTo({"software"})},
       {"operating_system_ref", ReferenceTo({"software"})},
       {"installed_software_refs", ListOf(ReferenceTo({"software"}))},
       {"configuration_version", String()},
       {"modules", Strings()},
       {"analysis_engine_version", String()},
       {"analysis_definition_version", String()},
       {"submitted", Timestamp()},
       {"analysis_started", Timestamp()},
       {"analysis_ended", Timestamp()},
       {"result_name", String()},
       {"result", OpenVocabulary(v::MalwareResult())},
       {"analysis_sco_refs", ListOf(ReferenceToAny(ReferenceTargets::kSco | ReferenceTargets::kCustom))},
       {"sample_ref", ReferenceTo({"file", "network-traffic", "artifact"})}},
      {CheckMalwareAnalysis});
  RegisterStandardType(registry, "note", kSdo,
                       {{"abstract", String()},
                        {"content", String(), true},
                        {"authors", Strings()},
                        {"object_refs", ListOf(ReferenceToAny(kAnyObject)), true}});
  RegisterStandardType(registry, "observed-data", kSdo,
                       {{"first_observed", Timestamp(), true},
                        {"last_observed", Timestamp(), true},
                        {"number_observed", Integer(1, kMaxCount), true},
                        {"objects", Dictionary()},
                        {"object_refs", ListOf(ReferenceToAny(ReferenceTargets::kSco | ReferenceTargets::kSro |
                                                              ReferenceTargets::kCustom))}},
                       {CheckObservedData});
  RegisterStandardType(registry, "opinion", kSdo,
                       {{"explanation", String()},
                        {"authors", Strings()},
                        {"opinion", Enum(v::OpinionValue()), true},
                        {"object_refs", ListOf(ReferenceToAny(kAnyObject)), true}});
  RegisterStandardType(registry, "report", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"report_types", OpenTerms(v::ReportType())},
                        {"published", Timestamp(), true},
                        {"object_refs", ListOf(ReferenceToAny(kAnyObject)), true}});
  RegisterStandardType(registry, "threat-actor", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"threat_actor_types", OpenTerms(v::ThreatActorType())},
                        {"aliases", Strings()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()},
                        {"roles", OpenTerms(v::ThreatActorRole())},
                        {"goals", Strings()},
                        {"sophistication", OpenVocabulary(v::ThreatActorSophistication())},
                        {"resource_level", OpenVocabulary(v::AttackResourceLevel())},
                        {"primary_motivation", OpenVocabulary(v::AttackMotivation())},
                        {"secondary_motivations", OpenTerms(v::AttackMotivation())},
                        {"personal_motivations", OpenTerms(v::AttackMotivation())}},
                       {CheckSeenOrder});
  RegisterStandardType(registry, "tool", kSdo,
                       {{"name", String(), true},
                        {"description", String()},
                        {"tool_types", OpenTerms(v::ToolType())},
                        {"aliases", Strings()},
                        {"kill_chain_phases", KillChainPhases()},
                        {"tool_version", String()}});
  RegisterStandardType(registry, "vulnerability", kSdo, {{"name", String(), true}, {"description", String()}});
}

}  // namespace kenes::stix::validation
