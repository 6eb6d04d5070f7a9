// Common properties: the property tables every SDO, SRO and SCO shares
// (sections 3.2 and 6.1), and the nested types they use (external
// references, kill chain phases), from which the type definitions are built.
//
// Built once on first use; thread-safe.
#pragma once

#include <vector>

#include "stix/validation/object_shape.h"
#include "stix/validation/type_registry.h"

namespace kenes::stix::validation {

// type, spec_version, id, created, modified, created_by_ref, labels, ...:
// the common properties of SDOs, SROs, language-content and
// extension-definition.
std::vector<PropertyRule> SdoCommonProperties();
// Rules every object with SdoCommonProperties() runs: created <= modified.
std::vector<CrossRule> SdoCommonRules();

// type, spec_version, id, object_marking_refs, granular_markings, defanged,
// extensions.
std::vector<PropertyRule> ScoCommonProperties();

const ValueCheck* ExternalReferences();
const ValueCheck* KillChainPhases();
const ValueCheck* ObjectMarkingRefs();
const ValueCheck* LanguageTag();

// A definition of `type`: its own properties after the common ones of its
// category (SDO common properties for kSdo, kSro and kMeta, SCO ones for
// kSco) and its rules after the common ones; unknown top-level members are
// custom properties. Kenes' own types are built with this and registered
// with stix::RegisterType().
TypeDefinition DefineType(std::string_view type, Category category, std::vector<PropertyRule> properties,
                          std::vector<CrossRule> rules = {},
                          std::unordered_map<std::string_view, const ObjectShape*> extensions = {});

// Registers DefineType(...) for a standard type; aborts on failure, which
// can only be a bug in the tables.
void RegisterStandardType(TypeRegistry& registry, std::string_view type, Category category,
                          std::vector<PropertyRule> properties, std::vector<CrossRule> rules = {},
                          std::unordered_map<std::string_view, const ObjectShape*> extensions = {});

}  // namespace kenes::stix::validation
