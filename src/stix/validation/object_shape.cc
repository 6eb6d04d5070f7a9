#include "stix/validation/object_shape.h"

#include <deque>
#include <mutex>
#include <string>

#include "base/timestamp.h"
#include "stix/validation/check_context.h"
#include "stix/validation/lexical.h"

namespace kenes::stix::validation {
namespace {

// Names the spec reserves in every object (section 3.1, "Reserved Property Names"
// of the JSON schemas): only a type that defines them may use them.
constexpr std::string_view kReservedNames[] = {"severity", "action", "username", "phone_numbers"};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void CheckCustomProperty(std::string_view name, simdjson::dom::element value, CheckContext& context) {
  for (std::string_view reserved : kReservedNames) {
    if (name == reserved) {
      context.Error("reserved-property", Quote(name) + " is a reserved property name");
      return;
    }
  }
  if (!IsCustomPropertyName(name)) {
    context.Error("property-name", Quote(name) + " is not a valid property name (3-250 characters of a-z, 0-9, '_')");
    return;
  }
  static const ValueCheck* const kHexValue = Hex();
  static const ValueCheck* const kBinaryValue = Binary();
  static const ValueCheck* const kAnyValue = Any();
  // The _hex and _bin suffixes promise the value's type (section 2).
  const ValueCheck* check = EndsWith(name, "_hex") ? kHexValue : EndsWith(name, "_bin") ? kBinaryValue : kAnyValue;
  CheckValue(value, *check, context);
  if (!context.has_toplevel_extension && name.substr(0, 2) != "x_") {
    context.Warning("custom-property",
                    Quote(name) +
                        " is a custom property without the x_ prefix; custom properties are deprecated "
                        "in favour of a toplevel-property-extension");
  }
}

}  // namespace

const ObjectShape* MakeShape(std::string_view description, std::vector<PropertyRule> properties,
                             std::vector<CrossRule> cross_rules, UnknownMembers unknown) {
  static std::mutex mutex;
  static std::deque<ObjectShape> arena;
  ObjectShape shape;
  shape.description = std::string(description);
  shape.cross_rules = std::move(cross_rules);
  shape.unknown = unknown;
  for (PropertyRule& rule : properties) {
    auto [position, inserted] = shape.index.emplace(rule.name, static_cast<uint32_t>(shape.properties.size()));
    if (inserted) {
      shape.properties.push_back(rule);
    } else {
      shape.properties[position->second] = rule;
    }
  }
  int required_count = 0;
  for (uint32_t i = 0; i < shape.properties.size(); ++i) {
    if (!shape.properties[i].required) continue;
    // The mask indexes properties, so only the first 64 can be required.
    if (i >= 64 || ++required_count > 64) std::abort();
    shape.required_mask |= uint64_t{1} << i;
  }
  std::lock_guard lock(mutex);
  return &arena.emplace_back(std::move(shape));
}

std::vector<PropertyRule> Join(std::initializer_list<std::vector<PropertyRule>> parts) {
  std::vector<PropertyRule> joined;
  for (const auto& part : parts) joined.insert(joined.end(), part.begin(), part.end());
  return joined;
}

void CheckShape(simdjson::dom::object object, const ObjectShape& shape, CheckContext& context) {
  uint64_t seen = 0;
  for (simdjson::dom::key_value_pair member : object) {
    auto scope = context.Property(member.key);
    auto found = shape.index.find(member.key);
    if (found == shape.index.end()) {
      if (shape.unknown == UnknownMembers::kCustomProperty) CheckCustomProperty(member.key, member.value, context);
      continue;
    }
    if (found->second < 64) seen |= uint64_t{1} << found->second;
    CheckValue(member.value, *shape.properties[found->second].check, context);
  }
  for (uint64_t missing = shape.required_mask & ~seen; missing != 0; missing &= missing - 1) {
    const PropertyRule& rule = shape.properties[__builtin_ctzll(missing)];
    auto scope = context.Property(rule.name);
    context.Error("required-property",
                  "a " + std::string(shape.description) + " must have the property '" + std::string(rule.name) + "'");
  }
  for (CrossRule rule : shape.cross_rules) rule(object, context);
}

bool Has(simdjson::dom::object object, std::string_view name) {
  simdjson::dom::element value;
  return object.at_key(name).get(value) == simdjson::SUCCESS;
}

void CheckOrder(simdjson::dom::object object, CheckContext& context, std::string_view earlier, std::string_view later,
                bool strictly) {
  std::string_view earlier_text, later_text;
  if (object.at_key(earlier).get(earlier_text) != simdjson::SUCCESS ||
      object.at_key(later).get(later_text) != simdjson::SUCCESS) {
    return;
  }
  std::optional<kenes::Timestamp> first = ParseTimestamp(earlier_text);
  std::optional<kenes::Timestamp> second = ParseTimestamp(later_text);
  if (!first || !second) return;  // reported by the property's own check
  if (*second < *first || (strictly && *second == *first)) {
    auto scope = context.Property(later);
    context.Error("timestamp-order", std::string(later) + " " + Quote(later_text) + " must be " +
                                         (strictly ? "later than " : "later than or equal to ") + std::string(earlier) +
                                         " " + Quote(earlier_text));
  }
}

void RequireOneOf(simdjson::dom::object object, CheckContext& context, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (Has(object, name)) return;
  }
  std::string list;
  for (std::string_view name : names) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  context.Error("at-least-one-property", "at least one of these properties must be present: " + list);
}

}  // namespace kenes::stix::validation
