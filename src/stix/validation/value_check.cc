#include "stix/validation/value_check.h"

#include <deque>
#include <mutex>
#include <string>

#include "base/timestamp.h"
#include "stix/validation/check_context.h"
#include "stix/validation/extensions.h"
#include "stix/validation/lexical.h"
#include "stix/validation/object_shape.h"
#include "stix/validation/type_registry.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

using simdjson::dom::element_type;

// Checks live as long as the process: they are referenced from the registry.
const ValueCheck* Keep(ValueCheck check) {
  static std::mutex mutex;
  static std::deque<ValueCheck> arena;
  std::lock_guard lock(mutex);
  return &arena.emplace_back(std::move(check));
}

const ValueCheck* Simple(ValueKind kind) {
  ValueCheck check;
  check.kind = kind;
  return Keep(std::move(check));
}

std::string_view KindName(element_type type) {
  switch (type) {
    case element_type::ARRAY: return "a list";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64: return "an integer";
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "a value";
}

void WrongType(simdjson::dom::element value, std::string_view expected, CheckContext& context) {
  context.Error("property-type",
                std::string("expected ") + std::string(expected) + ", found " + std::string(KindName(value.type())));
}

// False after reporting a type error.
bool GetString(simdjson::dom::element value, std::string_view& text, CheckContext& context) {
  if (value.get_string().get(text) == simdjson::SUCCESS) return true;
  WrongType(value, "a string", context);
  return false;
}

void CheckTimestamp(simdjson::dom::element value, bool version_precision, CheckContext& context) {
  std::string_view text;
  if (!GetString(value, text, context)) return;
  std::optional<kenes::Timestamp> parsed = ParseTimestamp(text);
  if (!parsed) {
    context.Error("timestamp-format", Quote(text) + " is not an RFC 3339 timestamp in UTC (YYYY-MM-DDTHH:MM:SS[.s+]Z)");
  } else if (version_precision && parsed->fraction_digits < 3) {
    context.Error("timestamp-precision",
                  Quote(text) + " must be precise to the millisecond (at least 3 fraction digits)");
  }
}

void CheckInteger(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  int64_t number;
  if (value.type() == element_type::UINT64) {
    // Above INT64_MAX: out of every STIX integer range (section 2.9).
    context.Error("value-range", "integer out of range");
    return;
  }
  if (value.type() != element_type::INT64 || value.get_int64().get(number) != simdjson::SUCCESS) {
    WrongType(value, "an integer", context);
    return;
  }
  if (number < check.integer_minimum || number > check.integer_maximum) {
    std::string range = std::to_string(check.integer_minimum) + ".." + std::to_string(check.integer_maximum);
    context.Error("value-range", std::to_string(number) + " is not in the allowed range (" + range + ")");
  }
}

void CheckNumber(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  double number;
  if (!value.is_number() || value.get_double().get(number) != simdjson::SUCCESS) {
    WrongType(value, "a number", context);
    return;
  }
  if (check.number_bounded && (number < check.number_minimum || number > check.number_maximum)) {
    context.Error("value-range", std::to_string(number) + " is not between " + std::to_string(check.number_minimum) +
                                     " and " + std::to_string(check.number_maximum));
  }
}

void CheckList(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  simdjson::dom::array list;
  if (value.get_array().get(list) != simdjson::SUCCESS) {
    WrongType(value, "a list", context);
    return;
  }
  if (list.size() == 0) {
    context.Error("empty-list", "lists must not be empty (omit the property instead)");
    return;
  }
  size_t index = 0;
  for (simdjson::dom::element item : list) {
    auto scope = context.Index(index++);
    CheckValue(item, *check.element, context);
  }
}

bool ReferenceAllowed(std::string_view type, const ReferenceTargets& targets) {
  for (std::string_view allowed : targets.types) {
    if (allowed == type) return true;
  }
  return (targets.categories & ReferenceCategoryOf(type)) != 0;
}

std::string DescribeTargets(const ReferenceTargets& targets) {
  std::string text;
  for (std::string_view type : targets.types) {
    if (!text.empty()) text += ", ";
    text += type;
  }
  static constexpr std::pair<uint8_t, std::string_view> kNames[] = {{ReferenceTargets::kSdo, "an SDO"},
                                                                    {ReferenceTargets::kSco, "an SCO"},
                                                                    {ReferenceTargets::kSro, "an SRO"},
                                                                    {ReferenceTargets::kMeta, "a meta object"},
                                                                    {ReferenceTargets::kCustom, "a custom object"}};
  for (const auto& [bit, name] : kNames) {
    if ((targets.categories & bit) == 0) continue;
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text;
}

// The identifier's type part, or "" after reporting a malformed identifier.
std::string_view CheckIdentifierForm(std::string_view text, CheckContext& context, int& version) {
  std::string_view type, uuid;
  version = 0;
  if (!SplitIdentifier(text, type, uuid) || (version = UuidVersion(uuid)) == 0) {
    context.Error("identifier-format", Quote(text) + " is not an identifier of the form type--UUID (RFC 4122)");
    return {};
  }
  return type;
}

void CheckReference(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  std::string_view text;
  if (!GetString(value, text, context)) return;
  int version;
  std::string_view type = CheckIdentifierForm(text, context, version);
  if (!type.empty() && !ReferenceAllowed(type, check.targets)) {
    context.Error("reference-type",
                  Quote(text) + " refers to a " + std::string(type) + "; expected " + DescribeTargets(check.targets));
  }
}

void CheckSelfIdentifier(simdjson::dom::element value, CheckContext& context) {
  std::string_view text;
  if (!GetString(value, text, context)) return;
  int version;
  std::string_view type = CheckIdentifierForm(text, context, version);
  if (type.empty()) return;
  std::string_view object_type;
  if (context.root()["type"].get(object_type) == simdjson::SUCCESS && type != object_type) {
    context.Error("identifier-type",
                  Quote(text) + " does not start with the object's type '" + std::string(object_type) + "--'");
    return;
  }
  const TypeDefinition* definition = context.definition();
  if (definition == nullptr) return;
  int expected = definition->category == Category::kSco ? 5 : 4;
  if (version != expected && !(definition->category == Category::kSco && version == 4)) {
    context.Warning("identifier-version", "the UUID should be version " + std::to_string(expected) + ", not version " +
                                              std::to_string(version));
  }
}

void CheckVocabulary(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  std::string_view text;
  if (!GetString(value, text, context)) return;
  if (check.vocabulary->Contains(text)) return;
  if (check.closed) {
    context.Error("enum-value", Quote(text) + " is not a value of " + std::string(check.vocabulary->name));
  } else {
    context.Warning("open-vocabulary", Quote(text) + " is not in " + std::string(check.vocabulary->name));
  }
}

void CheckDictionary(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  simdjson::dom::object dictionary;
  if (!GetNonEmptyObject(value, "a dictionary", dictionary, context)) return;
  for (simdjson::dom::key_value_pair member : dictionary) {
    auto scope = context.Property(member.key);
    if (!IsDictionaryKey(member.key)) {
      context.Error("dictionary-key",
                    Quote(member.key) + " is not a dictionary key (1-250 characters of a-z, A-Z, 0-9, '-', '_')");
    }
    if (check.element != nullptr) {
      CheckValue(member.value, *check.element, context);
    } else if (member.value.is_null()) {
      context.Error("null-value", "values must not be null");
    }
  }
}

void CheckHashes(simdjson::dom::element value, CheckContext& context) {
  simdjson::dom::object hashes;
  if (!GetNonEmptyObject(value, "a hashes dictionary", hashes, context)) return;
  for (simdjson::dom::key_value_pair member : hashes) {
    auto scope = context.Property(member.key);
    std::string_view digest;
    if (!GetString(member.value, digest, context)) continue;
    int hex_length = HexDigestLength(member.key);
    if (hex_length > 0) {
      if (static_cast<int>(digest.size()) != hex_length || !IsHex(digest)) {
        context.Error("hash-value", Quote(digest) + " is not a " + std::string(member.key) + " digest (" +
                                        std::to_string(hex_length) + " hex digits)");
      }
    } else if (hex_length < 0) {
      if (member.key.size() < 3 || !IsDictionaryKey(member.key)) {
        context.Error("hash-key", Quote(member.key) +
                                      " is not a hash algorithm name (3-250 characters of a-z, A-Z, 0-9, '-', '_')");
      } else {
        context.Warning("open-vocabulary", Quote(member.key) + " is not in hash-algorithm-ov");
      }
    }
  }
}

void CheckText(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  std::string_view text;
  if (!GetString(value, text, context)) return;
  if (!check.text_rule(text)) {
    context.Error("value-format", Quote(text) + " is not " + std::string(check.text_description));
  }
}

}  // namespace

bool GetNonEmptyObject(simdjson::dom::element value, std::string_view what, simdjson::dom::object& object,
                       CheckContext& context) {
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    WrongType(value, what, context);
    return false;
  }
  if (object.size() == 0) {
    context.Error("empty-dictionary", std::string(what) + " must not be empty (omit the property instead)");
    return false;
  }
  return true;
}

const ValueCheck* Any() { return Simple(ValueKind::kAny); }
const ValueCheck* String() { return Simple(ValueKind::kString); }
const ValueCheck* Timestamp() { return Simple(ValueKind::kTimestamp); }
const ValueCheck* VersionTimestamp() { return Simple(ValueKind::kVersionTimestamp); }
const ValueCheck* Boolean() { return Simple(ValueKind::kBoolean); }
const ValueCheck* SelfIdentifier() { return Simple(ValueKind::kSelfIdentifier); }
const ValueCheck* Hashes() { return Simple(ValueKind::kHashes); }
const ValueCheck* Extensions() { return Simple(ValueKind::kExtensions); }
const ValueCheck* Hex() { return Simple(ValueKind::kHex); }
const ValueCheck* Binary() { return Simple(ValueKind::kBinary); }

const ValueCheck* Text(bool (*rule)(std::string_view), std::string_view description) {
  ValueCheck check;
  check.kind = ValueKind::kText;
  check.text_rule = rule;
  check.text_description = description;
  return Keep(std::move(check));
}

const ValueCheck* Integer(int64_t minimum, int64_t maximum) {
  ValueCheck check;
  check.kind = ValueKind::kInteger;
  check.integer_minimum = minimum;
  check.integer_maximum = maximum;
  return Keep(std::move(check));
}

const ValueCheck* Count() {
  static const ValueCheck* const kCheck = Integer(0);
  return kCheck;
}

const ValueCheck* Number() { return Simple(ValueKind::kNumber); }

const ValueCheck* Number(double minimum, double maximum) {
  ValueCheck check;
  check.kind = ValueKind::kNumber;
  check.number_minimum = minimum;
  check.number_maximum = maximum;
  check.number_bounded = true;
  return Keep(std::move(check));
}

const ValueCheck* ListOf(const ValueCheck* element) {
  ValueCheck check;
  check.kind = ValueKind::kList;
  check.element = element;
  return Keep(std::move(check));
}

const ValueCheck* ReferenceTo(std::initializer_list<std::string_view> types, uint8_t categories) {
  ValueCheck check;
  check.kind = ValueKind::kReference;
  check.targets.types.assign(types.begin(), types.end());
  check.targets.categories = categories;
  return Keep(std::move(check));
}

const ValueCheck* ReferenceToAny(uint8_t categories) { return ReferenceTo({}, categories); }

const ValueCheck* Enum(const Vocabulary& vocabulary) {
  ValueCheck check;
  check.kind = ValueKind::kVocabulary;
  check.vocabulary = &vocabulary;
  check.closed = true;
  return Keep(std::move(check));
}

const ValueCheck* OpenVocabulary(const Vocabulary& vocabulary) {
  ValueCheck check;
  check.kind = ValueKind::kVocabulary;
  check.vocabulary = &vocabulary;
  return Keep(std::move(check));
}

const ValueCheck* Dictionary(const ValueCheck* values) {
  ValueCheck check;
  check.kind = ValueKind::kDictionary;
  check.element = values;
  return Keep(std::move(check));
}

const ValueCheck* Nested(const ObjectShape* shape) {
  ValueCheck check;
  check.kind = ValueKind::kObject;
  check.shape = shape;
  return Keep(std::move(check));
}

uint8_t ReferenceCategoryOf(std::string_view type) {
  const TypeDefinition* definition = TypeRegistry::Global().Find(type);
  if (definition == nullptr) return ReferenceTargets::kCustom;
  switch (definition->category) {
    case Category::kSdo: return ReferenceTargets::kSdo;
    case Category::kSco: return ReferenceTargets::kSco;
    case Category::kSro: return ReferenceTargets::kSro;
    case Category::kMeta: return ReferenceTargets::kMeta;
  }
  return ReferenceTargets::kCustom;
}

void CheckValue(simdjson::dom::element value, const ValueCheck& check, CheckContext& context) {
  if (value.is_null()) {
    context.Error("null-value", "properties must not be null (omit the property instead)");
    return;
  }
  switch (check.kind) {
    case ValueKind::kAny: {
      simdjson::dom::array list;
      if (value.get_array().get(list) == simdjson::SUCCESS && list.size() == 0) {
        context.Error("empty-list", "lists must not be empty (omit the property instead)");
      }
      return;
    }
    case ValueKind::kString: {
      std::string_view text;
      GetString(value, text, context);
      return;
    }
    case ValueKind::kText: return CheckText(value, check, context);
    case ValueKind::kTimestamp: return CheckTimestamp(value, false, context);
    case ValueKind::kVersionTimestamp: return CheckTimestamp(value, true, context);
    case ValueKind::kInteger: return CheckInteger(value, check, context);
    case ValueKind::kNumber: return CheckNumber(value, check, context);
    case ValueKind::kBoolean:
      if (!value.is_bool()) WrongType(value, "a boolean", context);
      return;
    case ValueKind::kList: return CheckList(value, check, context);
    case ValueKind::kReference: return CheckReference(value, check, context);
    case ValueKind::kSelfIdentifier: return CheckSelfIdentifier(value, context);
    case ValueKind::kVocabulary: return CheckVocabulary(value, check, context);
    case ValueKind::kDictionary: return CheckDictionary(value, check, context);
    case ValueKind::kHashes: return CheckHashes(value, context);
    case ValueKind::kObject: {
      simdjson::dom::object object;
      if (value.get_object().get(object) != simdjson::SUCCESS) return WrongType(value, "an object", context);
      return CheckShape(object, *check.shape, context);
    }
    case ValueKind::kExtensions: return CheckExtensions(value, context);
    case ValueKind::kHex: {
      std::string_view text;
      if (GetString(value, text, context) && !IsHex(text)) {
        context.Error("value-format", Quote(text) + " is not hex (an even number of hex digits)");
      }
      return;
    }
    case ValueKind::kBinary: {
      std::string_view text;
      if (GetString(value, text, context) && !IsBase64(text)) {
        context.Error("value-format", Quote(text) + " is not base64 binary (RFC 4648)");
      }
      return;
    }
  }
}

}  // namespace kenes::stix::validation
