#include "stix/validation/extensions.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "stix/validation/check_context.h"
#include "stix/validation/lexical.h"
#include "stix/validation/object_shape.h"
#include "stix/validation/type_registry.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

constexpr std::string_view kDefinitionPrefix = "extension-definition--";

uint8_t ExtensionTypeBitOf(std::string_view extension_type) {
  static constexpr std::pair<std::string_view, uint8_t> kBits[] = {
      {"new-sdo", kNewSdo},
      {"new-sco", kNewSco},
      {"new-sro", kNewSro},
      {"property-extension", kPropertyExtension},
      {"toplevel-property-extension", kToplevelPropertyExtension}};
  for (const auto& [name, bit] : kBits) {
    if (name == extension_type) return bit;
  }
  return 0;
}

const ObjectShape& DefinitionEntryShape() {
  static const ObjectShape* const kShape =
      MakeShape("extension", {{"extension_type", Enum(vocabulary::ExtensionType()), true}});
  return *kShape;
}

// The properties of a property extension whose definition is registered (Kenes' own, Incident Core).
void CheckKnownPropertyExtension(std::string_view key, simdjson::dom::object entry, CheckContext& context) {
  const PropertyExtensionDefinition* known = TypeRegistry::Global().FindPropertyExtension(key);
  if (known == nullptr) return;
  const TypeDefinition* definition = context.definition();
  if (definition != nullptr &&
      std::find(known->types.begin(), known->types.end(), definition->type) == known->types.end()) {
    std::string types;
    for (const std::string& type : known->types) types += (types.empty() ? "" : ", ") + Quote(type);
    context.Error("extension-target",
                  Quote(key) + " extends objects of type " + types + ", not '" + definition->type + "'");
    return;
  }
  CheckShape(entry, *known->shape, context);
}

void CheckDefinitionEntry(std::string_view key, simdjson::dom::element value, CheckContext& context) {
  std::string_view type, uuid;
  if (!SplitIdentifier(key, type, uuid) || UuidVersion(uuid) == 0) {
    context.Error("extension-key", Quote(key) + " is not an extension-definition identifier");
    return;
  }
  simdjson::dom::object entry;
  if (!GetNonEmptyObject(value, "an extension", entry, context)) return;
  CheckShape(entry, DefinitionEntryShape(), context);
  std::string_view extension_type;
  if (entry["extension_type"].get(extension_type) != simdjson::SUCCESS) return;
  const TypeDefinition* definition = context.definition();
  bool new_object = (ExtensionTypeBitOf(extension_type) & (kNewSdo | kNewSco | kNewSro)) != 0;
  if (new_object && definition != nullptr && !definition->defined_by_extension) {
    auto scope = context.Property("extension_type");
    context.Error("extension-type", Quote(extension_type) + " must not be used on the standard type '" +
                                        definition->type + "': extensions must not redefine standard objects");
  }
  if (ExtensionTypeBitOf(extension_type) == kPropertyExtension) CheckKnownPropertyExtension(key, entry, context);
}

void CheckPredefinedExtension(std::string_view key, simdjson::dom::element value, CheckContext& context) {
  const TypeDefinition* definition = context.definition();
  const ObjectShape* shape = nullptr;
  if (definition != nullptr) {
    auto found = definition->extensions.find(key);
    if (found != definition->extensions.end()) shape = found->second;
  }
  simdjson::dom::object extension;
  if (!GetNonEmptyObject(value, "an extension", extension, context)) return;
  if (shape != nullptr) {
    CheckShape(extension, *shape, context);
  } else {
    context.Warning("custom-extension", Quote(key) +
                                            " is not a predefined extension of this type; custom extensions are "
                                            "deprecated in favour of extension definitions");
  }
}

}  // namespace

uint8_t DeclaredExtensionTypes(simdjson::dom::object object) {
  simdjson::dom::object extensions;
  if (object["extensions"].get(extensions) != simdjson::SUCCESS) return 0;
  uint8_t bits = 0;
  for (simdjson::dom::key_value_pair member : extensions) {
    std::string_view extension_type;
    if (member.key.substr(0, kDefinitionPrefix.size()) == kDefinitionPrefix &&
        member.value["extension_type"].get(extension_type) == simdjson::SUCCESS) {
      bits |= ExtensionTypeBitOf(extension_type);
    }
  }
  return bits;
}

void CheckExtensions(simdjson::dom::element value, CheckContext& context) {
  simdjson::dom::object extensions;
  if (!GetNonEmptyObject(value, "the extensions dictionary", extensions, context)) return;
  for (simdjson::dom::key_value_pair member : extensions) {
    auto scope = context.Property(member.key);
    if (member.key.substr(0, kDefinitionPrefix.size()) == kDefinitionPrefix) {
      CheckDefinitionEntry(member.key, member.value, context);
    } else if (member.key.size() > 4 && member.key.substr(member.key.size() - 4) == "-ext" && IsTypeName(member.key)) {
      CheckPredefinedExtension(member.key, member.value, context);
    } else {
      context.Error("extension-key",
                    Quote(member.key) + " is neither an extension-definition id nor a predefined extension name");
    }
  }
}

}  // namespace kenes::stix::validation
