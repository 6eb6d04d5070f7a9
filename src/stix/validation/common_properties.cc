#include "stix/validation/common_properties.h"

#include <string>

#include "stix/validation/check_context.h"
#include "stix/validation/lexical.h"
#include "stix/validation/markings.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

void CheckCreatedBeforeModified(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "created", "modified", false);
}

// Section 2.5: besides source_name, one of description, url or external_id;
// "cve" and "capec" sources fix the form of external_id (section 2.5.1).
void CheckExternalReference(simdjson::dom::object object, CheckContext& context) {
  RequireOneOf(object, context, {"description", "url", "external_id"});
  std::string_view source, external_id;
  if (object["source_name"].get(source) != simdjson::SUCCESS ||
      object["external_id"].get(external_id) != simdjson::SUCCESS) {
    return;
  }
  std::string_view prefix = source == "cve" ? "CVE-" : source == "capec" ? "CAPEC-" : "";
  if (!prefix.empty() && external_id.substr(0, prefix.size()) != prefix) {
    auto scope = context.Property("external_id");
    context.Error("value-format", Quote(external_id) + " is not a " + std::string(source) + " identifier (" +
                                      std::string(prefix) + "...)");
  }
}

// Section 2.8: names SHOULD be lower case with hyphens.
void CheckKillChainPhaseCase(simdjson::dom::object object, CheckContext& context) {
  for (std::string_view name : {std::string_view("kill_chain_name"), std::string_view("phase_name")}) {
    std::string_view value;
    if (object[name].get(value) != simdjson::SUCCESS) continue;
    for (char c : value) {
      if ((c >= 'A' && c <= 'Z') || c == ' ' || c == '_') {
        auto scope = context.Property(name);
        context.Warning("kill-chain-case", Quote(value) + " should be lower case, words separated by hyphens");
        break;
      }
    }
  }
}

}  // namespace

const ValueCheck* ExternalReferences() {
  static const ValueCheck* const kCheck = ListOf(Nested(MakeShape("external reference",
                                                                  {{"source_name", String(), true},
                                                                   {"description", String()},
                                                                   {"url", String()},
                                                                   {"hashes", Hashes()},
                                                                   {"external_id", String()}},
                                                                  {CheckExternalReference})));
  return kCheck;
}

const ValueCheck* KillChainPhases() {
  static const ValueCheck* const kCheck =
      ListOf(Nested(MakeShape("kill chain phase", {{"kill_chain_name", String(), true}, {"phase_name", String(), true}},
                              {CheckKillChainPhaseCase})));
  return kCheck;
}

const ValueCheck* ObjectMarkingRefs() {
  static const ValueCheck* const kCheck = ListOf(ReferenceTo({"marking-definition"}));
  return kCheck;
}

const ValueCheck* LanguageTag() {
  static const ValueCheck* const kCheck = Text(IsLanguageTag, "an RFC 5646 language tag");
  return kCheck;
}

std::vector<PropertyRule> SdoCommonProperties() {
  return {
      {"type", String(), true},
      {"spec_version", Enum(vocabulary::SpecVersion()), true},
      {"id", SelfIdentifier(), true},
      {"created_by_ref", ReferenceTo({"identity"})},
      {"created", VersionTimestamp(), true},
      {"modified", VersionTimestamp(), true},
      {"revoked", Boolean()},
      {"labels", ListOf(String())},
      {"confidence", Integer(0, 100)},
      {"lang", LanguageTag()},
      {"external_references", ExternalReferences()},
      {"object_marking_refs", ObjectMarkingRefs()},
      {"granular_markings", GranularMarkings()},
      {"extensions", Extensions()},
  };
}

std::vector<CrossRule> SdoCommonRules() { return {CheckCreatedBeforeModified}; }

std::vector<PropertyRule> ScoCommonProperties() {
  return {
      {"type", String(), true},
      {"spec_version", Enum(vocabulary::SpecVersion())},
      {"id", SelfIdentifier(), true},
      {"object_marking_refs", ObjectMarkingRefs()},
      {"granular_markings", GranularMarkings()},
      {"defanged", Boolean()},
      {"extensions", Extensions()},
  };
}

TypeDefinition DefineType(std::string_view type, Category category, std::vector<PropertyRule> properties,
                          std::vector<CrossRule> rules,
                          std::unordered_map<std::string_view, const ObjectShape*> extensions) {
  bool sco = category == Category::kSco;
  std::vector<CrossRule> all_rules = sco ? std::vector<CrossRule>() : SdoCommonRules();
  all_rules.insert(all_rules.end(), rules.begin(), rules.end());
  TypeDefinition definition;
  definition.type = std::string(type);
  definition.category = category;
  definition.shape = MakeShape(type, Join({sco ? ScoCommonProperties() : SdoCommonProperties(), properties}),
                               std::move(all_rules), UnknownMembers::kCustomProperty);
  definition.extensions = std::move(extensions);
  return definition;
}

void RegisterStandardType(TypeRegistry& registry, std::string_view type, Category category,
                          std::vector<PropertyRule> properties, std::vector<CrossRule> rules,
                          std::unordered_map<std::string_view, const ObjectShape*> extensions) {
  Status status =
      registry.Register(DefineType(type, category, std::move(properties), std::move(rules), std::move(extensions)));
  if (!status.ok()) std::abort();
}

}  // namespace kenes::stix::validation
