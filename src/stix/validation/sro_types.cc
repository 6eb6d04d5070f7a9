// The two STIX Relationship Objects of STIX 2.1 section 5.
#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/type_registry.h"

namespace kenes::stix::validation {
namespace {

constexpr int64_t kMaxCount = 999'999'999;

// Section 5.1: relationship_type is a-z, 0-9 and '-'.
bool IsRelationshipType(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

void CheckRelationship(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "start_time", "stop_time", true);
}

void CheckSighting(simdjson::dom::object object, CheckContext& context) {
  CheckOrder(object, context, "first_seen", "last_seen", false);
}

}  // namespace

void RegisterSroTypes(TypeRegistry& registry) {
  // Relationships join SDOs and SCOs (and custom objects), never SROs or meta objects.
  const uint8_t kEndpoints = ReferenceTargets::kSdo | ReferenceTargets::kSco | ReferenceTargets::kCustom;
  RegisterStandardType(registry, "relationship", Category::kSro,
                       {{"relationship_type", Text(IsRelationshipType, "a relationship type (a-z, 0-9, '-')"), true},
                        {"description", String()},
                        {"source_ref", ReferenceToAny(kEndpoints), true},
                        {"target_ref", ReferenceToAny(kEndpoints), true},
                        {"start_time", Timestamp()},
                        {"stop_time", Timestamp()}},
                       {CheckRelationship});
  RegisterStandardType(registry, "sighting", Category::kSro,
                       {{"description", String()},
                        {"first_seen", Timestamp()},
                        {"last_seen", Timestamp()},
                        {"count", Integer(0, kMaxCount)},
                        {"sighting_of_ref", ReferenceToAny(ReferenceTargets::kSdo | ReferenceTargets::kCustom), true},
                        {"observed_data_refs", ListOf(ReferenceTo({"observed-data"}))},
                        {"where_sighted_refs", ListOf(ReferenceTo({"identity", "location"}))},
                        {"summary", Boolean()}},
                       {CheckSighting});
}

}  // namespace kenes::stix::validation
