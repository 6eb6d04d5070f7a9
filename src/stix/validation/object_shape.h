// ObjectShape: the property table of one kind of JSON object — a STIX type,
// a predefined extension, or a nested type such as a kill chain phase.
//
// Properties are found by name through a hash table and required ones are
// tracked in a bit mask, so checking an object is one pass over its members.
// Rules that tie several properties together (created <= modified, "one of
// these MUST be present") are plain functions run after that pass.
// Shapes are built at registration and immutable afterwards; thread-safe to use.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stix/validation/value_check.h"

namespace kenes::stix::validation {

class CheckContext;

// `name` is not copied: use string literals (or text that lives as long as
// the process), as the tables here do.
struct PropertyRule {
  std::string_view name;
  const ValueCheck* check;
  bool required = false;
};

using CrossRule = void (*)(simdjson::dom::object object, CheckContext& context);

// What to do with members the table does not name.
enum class UnknownMembers {
  kAllow,           // nested structures whose spec allows anything else
  kCustomProperty,  // top level: custom property naming rules (section 11.1)
};

struct ObjectShape {
  std::string description;  // "kill chain phase", "indicator": used in messages
  std::vector<PropertyRule> properties;
  std::unordered_map<std::string_view, uint32_t> index;
  uint64_t required_mask = 0;
  std::vector<CrossRule> cross_rules;
  UnknownMembers unknown = UnknownMembers::kAllow;
};

// Builds a shape; later rules for the same name replace earlier ones, so a
// type can narrow a common property. At most 64 required properties.
const ObjectShape* MakeShape(std::string_view description, std::vector<PropertyRule> properties,
                             std::vector<CrossRule> cross_rules = {}, UnknownMembers unknown = UnknownMembers::kAllow);

// Property lists joined, for building tables from common parts.
std::vector<PropertyRule> Join(std::initializer_list<std::vector<PropertyRule>> parts);

void CheckShape(simdjson::dom::object object, const ObjectShape& shape, CheckContext& context);

// Helpers for cross rules.
bool Has(simdjson::dom::object object, std::string_view name);
// Reports `rule` at `later` when both are timestamps and later < earlier
// (or later == earlier when `strictly`).
void CheckOrder(simdjson::dom::object object, CheckContext& context, std::string_view earlier, std::string_view later,
                bool strictly);
// Reports "at-least-one-property" unless one of `names` is present.
void RequireOneOf(simdjson::dom::object object, CheckContext& context, std::initializer_list<std::string_view> names);

}  // namespace kenes::stix::validation
