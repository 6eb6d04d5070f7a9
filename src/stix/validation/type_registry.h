// TypeRegistry: the one place where STIX object types are defined for
// validation. Every standard SDO, SCO, SRO and meta object registers here
// with its property table, its category and its predefined extensions; Kenes'
// own types (phone-number, assistance-request, ...) register the same way,
// so the validator never branches on type names.
//
// Thread-safety: Register() takes a lock and may be called at any time, but a
// type should be registered before objects of that type are validated;
// Find() is safe from any number of threads.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "stix/validation/object_shape.h"

namespace kenes::stix::validation {

enum class Category { kSdo, kSco, kSro, kMeta };

struct TypeDefinition {
  std::string type;
  Category category = Category::kSdo;
  const ObjectShape* shape = nullptr;
  // Predefined extensions ("archive-ext", ...) allowed in `extensions`.
  std::unordered_map<std::string_view, const ObjectShape*> extensions;
  // True for types that are themselves defined by an extension definition
  // (Kenes' own types): their objects may carry a new-sdo/new-sco/new-sro entry.
  bool defined_by_extension = false;
  // For SCO types defined by extension: the ID contributing properties their
  // deterministic ids are made of (stix::ScoId); the names are not copied,
  // like PropertyRule's. The 18 standard SCOs keep theirs in sco_id.cc,
  // beside the specification's rules for them.
  std::vector<std::string_view> id_contributing_properties;
};

// A property extension (section 7.3) whose properties are known here: an
// `extensions` entry keyed by its extension-definition id is checked
// against `shape` (which names extension_type too), and is an error on an
// object whose type is not among `types`. Entries of other definitions are
// checked only for their extension_type, as the specification allows.
struct PropertyExtensionDefinition {
  std::string id;  // "extension-definition--..."
  const ObjectShape* shape = nullptr;
  std::vector<std::string> types;  // the object types it extends
};

class TypeRegistry {
 public:
  // The process-wide registry, with all STIX 2.1 types registered.
  static TypeRegistry& Global();

  // AlreadyExists when the type is taken; InvalidArgument for a bad name or
  // a definition without a shape.
  Status Register(TypeDefinition definition);

  // nullptr when unknown (a custom object).
  const TypeDefinition* Find(std::string_view type) const;

  // AlreadyExists when the id is taken; InvalidArgument without a shape or types.
  Status RegisterPropertyExtension(PropertyExtensionDefinition definition);

  // nullptr when the definition's properties are not known here.
  const PropertyExtensionDefinition* FindPropertyExtension(std::string_view id) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<TypeDefinition>, Hash, std::equal_to<>> types_;
  std::unordered_map<std::string, std::unique_ptr<PropertyExtensionDefinition>, Hash, std::equal_to<>>
      property_extensions_;
};

// Registration of the standard types, by file; called once by Global().
void RegisterSdoTypes(TypeRegistry& registry);
void RegisterScoTypes(TypeRegistry& registry);
void RegisterSroTypes(TypeRegistry& registry);
void RegisterMetaTypes(TypeRegistry& registry);

}  // namespace kenes::stix::validation
