#include "stix/validator.h"

#include <string>
#include <string_view>

#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/extensions.h"
#include "stix/validation/lexical.h"

namespace kenes::stix {
namespace {

using validation::CheckContext;
using validation::ObjectShape;

// Custom objects carry only the common properties of their category; the
// rest is defined by their extension definition, which Kenes may not have.
const ObjectShape& CustomObjectShape(uint8_t declared_extension_types) {
  static const ObjectShape* const kSdoShape =
      validation::MakeShape("custom object", validation::SdoCommonProperties(), validation::SdoCommonRules());
  static const ObjectShape* const kScoShape = validation::MakeShape("custom object", validation::ScoCommonProperties());
  // Legacy custom objects (section 11.2) only promise a type and an id.
  static const ObjectShape* const kLegacyShape = [] {
    std::vector<validation::PropertyRule> properties = validation::SdoCommonProperties();
    for (validation::PropertyRule& property : properties) {
      property.required = property.name == "type" || property.name == "id";
    }
    return validation::MakeShape("custom object", std::move(properties), validation::SdoCommonRules());
  }();
  if (declared_extension_types & (validation::kNewSdo | validation::kNewSro)) return *kSdoShape;
  if (declared_extension_types & validation::kNewSco) return *kScoShape;
  return *kLegacyShape;
}

const ObjectShape& BundleShape() {
  static const ObjectShape* const kShape = validation::MakeShape(
      "bundle",
      {{"type", validation::String(), true},
       {"id", validation::SelfIdentifier(), true},
       // STIX 2.0 bundles carried spec_version; the reader accepts them.
       {"spec_version", validation::String()},
       {"objects", validation::ListOf(validation::Nested(validation::MakeShape("STIX object", {})))}},
      {}, validation::UnknownMembers::kCustomProperty);
  return *kShape;
}

void ValidateCustomObject(std::string_view type, simdjson::dom::object object, uint8_t declared,
                          CheckContext& context) {
  if (!validation::IsTypeName(type)) {
    auto scope = context.Property("type");
    context.Error("type-name", validation::Quote(type) +
                                   " is not a valid type name (3-250 characters of a-z, 0-9 and single hyphens)");
  }
  if ((declared & (validation::kNewSdo | validation::kNewSco | validation::kNewSro)) == 0) {
    auto scope = context.Property("type");
    context.Warning("custom-object", validation::Quote(type) +
                                         " is not a STIX 2.1 type and declares no new-sdo/new-sco/new-sro "
                                         "extension; custom objects are deprecated in favour of extensions");
  }
  validation::CheckShape(object, CustomObjectShape(declared), context);
}

std::string_view UsableId(simdjson::dom::object object) {
  std::string_view id;
  return object["id"].get(id) == simdjson::SUCCESS ? id : std::string_view();
}

}  // namespace

void ValidateObject(simdjson::dom::element element, std::vector<Finding>& findings) {
  simdjson::dom::object object;
  if (element.get_object().get(object) != simdjson::SUCCESS) {
    findings.push_back({Severity::kError, "", "$", "object-type", "a STIX object must be a JSON object"});
    return;
  }
  std::string_view type;
  bool has_type = object["type"].get(type) == simdjson::SUCCESS;
  const validation::TypeDefinition* definition = has_type ? validation::TypeRegistry::Global().Find(type) : nullptr;
  CheckContext context(object, UsableId(object), definition, findings);
  uint8_t declared = validation::DeclaredExtensionTypes(object);
  context.has_toplevel_extension = (declared & validation::kToplevelPropertyExtension) != 0;
  if (!has_type) {
    auto scope = context.Property("type");
    context.Error("required-property", "a STIX object must have a string 'type'");
    return;
  }
  if (type == "bundle") {
    auto scope = context.Property("type");
    context.Error("object-type", "a bundle is not a STIX object and must not appear among objects");
    return;
  }
  if (definition != nullptr) {
    validation::CheckShape(object, *definition->shape, context);
  } else {
    ValidateCustomObject(type, object, declared, context);
  }
}

void ValidateBundle(simdjson::dom::element element, std::vector<Finding>& findings) {
  simdjson::dom::object bundle;
  if (element.get_object().get(bundle) != simdjson::SUCCESS) {
    findings.push_back({Severity::kError, "", "$", "object-type", "a bundle must be a JSON object"});
    return;
  }
  CheckContext context(bundle, UsableId(bundle), nullptr, findings);
  std::string_view type;
  if (bundle["type"].get(type) == simdjson::SUCCESS && type != "bundle") {
    auto scope = context.Property("type");
    context.Error("bundle-type", "a bundle's type must be 'bundle', not " + validation::Quote(type));
  }
  validation::CheckShape(bundle, BundleShape(), context);
}

Status RegisterType(validation::TypeDefinition definition) {
  return validation::TypeRegistry::Global().Register(std::move(definition));
}

Status RegisterPropertyExtension(validation::PropertyExtensionDefinition definition) {
  return validation::TypeRegistry::Global().RegisterPropertyExtension(std::move(definition));
}

}  // namespace kenes::stix
