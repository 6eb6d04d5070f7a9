#include "stix/validation/type_registry.h"

#include "stix/validation/lexical.h"

namespace kenes::stix::validation {

TypeRegistry& TypeRegistry::Global() {
  static TypeRegistry* const kRegistry = [] {
    auto* registry = new TypeRegistry();  // never destroyed: validation may run during static destruction
    RegisterSdoTypes(*registry);
    RegisterScoTypes(*registry);
    RegisterSroTypes(*registry);
    RegisterMetaTypes(*registry);
    return registry;
  }();
  return *kRegistry;
}

Status TypeRegistry::Register(TypeDefinition definition) {
  if (!IsTypeName(definition.type)) {
    return Status::InvalidArgument("'" + definition.type + "' is not a STIX type name");
  }
  if (definition.shape == nullptr) {
    return Status::InvalidArgument("type '" + definition.type + "' has no property table");
  }
  std::unique_lock lock(mutex_);
  std::string type = definition.type;
  auto [position, inserted] =
      types_.try_emplace(std::move(type), std::make_unique<TypeDefinition>(std::move(definition)));
  if (!inserted) return Status::AlreadyExists("type '" + position->first + "' is already registered");
  return Status::Ok();
}

const TypeDefinition* TypeRegistry::Find(std::string_view type) const {
  std::shared_lock lock(mutex_);
  auto found = types_.find(type);
  return found == types_.end() ? nullptr : found->second.get();
}

Status TypeRegistry::RegisterPropertyExtension(PropertyExtensionDefinition definition) {
  if (definition.shape == nullptr || definition.types.empty()) {
    return Status::InvalidArgument("property extension " + definition.id + " needs a property table and types");
  }
  std::unique_lock lock(mutex_);
  std::string id = definition.id;
  auto [position, inserted] = property_extensions_.try_emplace(
      std::move(id), std::make_unique<PropertyExtensionDefinition>(std::move(definition)));
  if (!inserted) return Status::AlreadyExists("property extension " + position->first + " is already registered");
  return Status::Ok();
}

const PropertyExtensionDefinition* TypeRegistry::FindPropertyExtension(std::string_view id) const {
  std::shared_lock lock(mutex_);
  auto found = property_extensions_.find(id);
  return found == property_extensions_.end() ? nullptr : found->second.get();
}

}  // namespace kenes::stix::validation
