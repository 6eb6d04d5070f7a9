// ValueCheck: a composable, declarative rule for one JSON value, the building
// block of every property table in the type registry.
//
// Checks are built once, when types are registered, by the factory functions
// below (String(), ListOf(ReferenceTo(...)), Integer(0, 100), ...) and live
// for the whole process; they are immutable afterwards, so any number of
// threads may run them. Factories are thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kenes::stix::validation {

class CheckContext;
struct ObjectShape;

// A named set of terms (section 10). Closed vocabularies ("-enum") reject
// other values; open ones ("-ov") only warn.
struct Vocabulary {
  std::string_view name;
  std::unordered_set<std::string_view> terms;
  bool Contains(std::string_view term) const { return terms.count(term) != 0; }
};

// Which objects a reference may point at: any of `types`, or any type of
// one of the categories.
struct ReferenceTargets {
  enum Category : uint8_t { kNone = 0, kSdo = 1, kSco = 2, kSro = 4, kMeta = 8, kCustom = 16, kAny = 31 };
  uint8_t categories = kNone;
  std::vector<std::string_view> types;
};

enum class ValueKind {
  kAny,  // anything but null (custom and free-form values)
  kString,
  kText,  // string passing `text_rule`
  kTimestamp,
  kVersionTimestamp,  // created/modified: a timestamp with millisecond precision
  kInteger,
  kNumber,
  kBoolean,
  kList,            // non-empty list of `element`
  kReference,       // identifier of one of `targets`
  kSelfIdentifier,  // the object's own id: its type part is the object's type
  kVocabulary,
  kDictionary,  // keys per section 3.3; values checked by `element` when set
  kHashes,
  kObject,      // nested object of `shape`
  kExtensions,  // the extensions dictionary (section 7.3)
  kHex,
  kBinary,
};

struct ValueCheck {
  ValueKind kind = ValueKind::kAny;
  int64_t integer_minimum = 0;
  int64_t integer_maximum = 0;
  double number_minimum = 0;
  double number_maximum = 0;
  bool number_bounded = false;
  const ValueCheck* element = nullptr;
  ReferenceTargets targets;
  const Vocabulary* vocabulary = nullptr;
  bool closed = false;  // vocabulary is an enum
  const ObjectShape* shape = nullptr;
  bool (*text_rule)(std::string_view) = nullptr;
  std::string_view text_description;  // what text_rule accepts, for messages
};

const ValueCheck* Any();
const ValueCheck* String();
const ValueCheck* Text(bool (*rule)(std::string_view), std::string_view description);
const ValueCheck* Timestamp();
const ValueCheck* VersionTimestamp();
// Section 2.9: integers must fit a signed 54-bit value, [-(2^53)+1, (2^53)-1].
constexpr int64_t kMaxInteger = (int64_t{1} << 53) - 1;
const ValueCheck* Integer(int64_t minimum = -kMaxInteger, int64_t maximum = kMaxInteger);
const ValueCheck* Count();  // a non-negative integer
const ValueCheck* Number();
const ValueCheck* Number(double minimum, double maximum);
const ValueCheck* Boolean();
const ValueCheck* ListOf(const ValueCheck* element);
const ValueCheck* ReferenceTo(std::initializer_list<std::string_view> types, uint8_t categories = 0);
const ValueCheck* ReferenceToAny(uint8_t categories);
const ValueCheck* SelfIdentifier();
const ValueCheck* Enum(const Vocabulary& vocabulary);
const ValueCheck* OpenVocabulary(const Vocabulary& vocabulary);
const ValueCheck* Dictionary(const ValueCheck* values = nullptr);
const ValueCheck* Hashes();
const ValueCheck* Nested(const ObjectShape* shape);
const ValueCheck* Extensions();
const ValueCheck* Hex();
const ValueCheck* Binary();

// Runs `check` on `value`, reporting at the context's current path.
void CheckValue(simdjson::dom::element value, const ValueCheck& check, CheckContext& context);

// The object `value` holds; false after reporting that it is not one
// ("property-type") or is empty ("empty-dictionary"). `what` names it.
bool GetNonEmptyObject(simdjson::dom::element value, std::string_view what, simdjson::dom::object& object,
                       CheckContext& context);

// The category bit of a type known to the registry; kCustom when unknown.
uint8_t ReferenceCategoryOf(std::string_view type);

}  // namespace kenes::stix::validation
