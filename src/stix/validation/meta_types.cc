// STIX Meta Objects of STIX 2.1 section 7: marking-definition,
// language-content and extension-definition.
#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/lexical.h"
#include "stix/validation/markings.h"
#include "stix/validation/type_registry.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

namespace v = vocabulary;

const ObjectShape* StatementShape() {
  static const ObjectShape* const kShape = MakeShape("statement marking", {{"statement", String(), true}});
  return kShape;
}

const ObjectShape* TlpShape() {
  static const ObjectShape* const kShape = MakeShape("TLP marking", {{"tlp", Enum(v::TlpLevel()), true}});
  return kShape;
}

// Section 7.2.1: definition_type and definition go together and are needed
// unless the marking is defined through an extension; the definition's
// shape follows its type.
void CheckMarkingDefinition(simdjson::dom::object object, CheckContext& context) {
  bool has_type = Has(object, "definition_type");
  bool has_definition = Has(object, "definition");
  if (!Has(object, "extensions") || has_type || has_definition) {
    for (auto [name, present] : {std::pair{"definition_type", has_type}, std::pair{"definition", has_definition}}) {
      if (present) continue;
      auto scope = context.Property(name);
      context.Error("required-property",
                    std::string("a marking definition without extensions must have '") + name + "'");
    }
  }
  std::string_view definition_type;
  simdjson::dom::object definition;
  if (object["definition_type"].get(definition_type) == simdjson::SUCCESS &&
      object["definition"].get(definition) == simdjson::SUCCESS) {
    const ObjectShape* shape = definition_type == "statement" ? StatementShape()
                               : definition_type == "tlp"     ? TlpShape()
                                                              : nullptr;
    auto scope = context.Property("definition");
    if (shape != nullptr) CheckShape(definition, *shape, context);
  }
  CheckTlpMarking(object, context);
}

void CheckExtensionDefinition(simdjson::dom::object object, CheckContext& context) {
  simdjson::dom::array types;
  if (!Has(object, "extension_properties") || object["extension_types"].get(types) != simdjson::SUCCESS) return;
  for (simdjson::dom::element type : types) {
    std::string_view text;
    if (type.get(text) == simdjson::SUCCESS && text == "toplevel-property-extension") return;
  }
  auto scope = context.Property("extension_properties");
  context.Error("dependent-property", "extension_properties is only for toplevel-property-extension definitions");
}

// Section 7.1: the keys of contents are RFC 5646 language tags.
void CheckLanguageContent(simdjson::dom::object object, CheckContext& context) {
  simdjson::dom::object contents;
  if (object["contents"].get(contents) != simdjson::SUCCESS) return;
  auto contents_scope = context.Property("contents");
  for (simdjson::dom::key_value_pair member : contents) {
    if (IsLanguageTag(member.key)) continue;
    auto scope = context.Property(member.key);
    context.Error("language-tag", Quote(member.key) + " is not an RFC 5646 language tag");
  }
}

}  // namespace

void RegisterMetaTypes(TypeRegistry& registry) {
  TypeDefinition marking;
  marking.type = "marking-definition";
  marking.category = Category::kMeta;
  marking.shape = MakeShape("marking-definition",
                            {{"type", String(), true},
                             {"spec_version", Enum(v::SpecVersion()), true},
                             {"id", SelfIdentifier(), true},
                             {"created_by_ref", ReferenceTo({"identity"})},
                             {"created", Timestamp(), true},
                             {"external_references", ExternalReferences()},
                             {"object_marking_refs", ObjectMarkingRefs()},
                             {"granular_markings", GranularMarkings()},
                             {"extensions", Extensions()},
                             {"name", String()},
                             {"definition_type", OpenVocabulary(v::MarkingDefinitionType())},
                             {"definition", Dictionary()}},
                            {CheckMarkingDefinition}, UnknownMembers::kCustomProperty);
  if (!registry.Register(std::move(marking)).ok()) std::abort();

  RegisterStandardType(registry, "language-content", Category::kMeta,
                       {{"object_ref", ReferenceToAny(ReferenceTargets::kAny), true},
                        {"object_modified", Timestamp()},
                        {"contents", Dictionary(Dictionary()), true}},
                       {CheckLanguageContent});
  RegisterStandardType(registry, "extension-definition", Category::kMeta,
                       {{"created_by_ref", ReferenceTo({"identity"}), true},
                        {"name", String(), true},
                        {"description", String()},
                        {"schema", String(), true},
                        {"version", String(), true},
                        {"extension_types", ListOf(Enum(v::ExtensionType())), true},
                        {"extension_properties", ListOf(String())}},
                       {CheckExtensionDefinition});
}

}  // namespace kenes::stix::validation
