// ObservedValue: one value an object path selects in an observable, as the
// comparisons see it. Besides plain JSON, the reference matcher turns the value
// of a property whose name ends in _hex or _bin into bytes, and the value of a
// _refs property into the list of objects it names; both forms are kept here
// without copying the JSON they come from.
//
// A value views memory it does not own: the JSON of an ObservationSet and a
// ValueArena. Plain value type; not thread-safe beyond that memory's rules.
#pragma once

#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pattern/observation.h"

namespace kenes::pattern {

struct ObservedValue {
  enum class Kind { kJson, kBytes, kReferences };
  Kind kind = Kind::kJson;
  const JsonValue* json = nullptr;               // kJson
  std::string_view bytes;                        // kBytes
  std::span<const JsonValue* const> references;  // kReferences: the objects named, those found only

  bool IsJson(JsonValue::Kind json_kind) const { return kind == Kind::kJson && json->kind == json_kind; }
  bool IsList() const { return kind == Kind::kReferences || IsJson(JsonValue::Kind::kArray); }
};

// Owns the bytes and reference lists of ObservedValues during one evaluation. Reset() keeps the
// memory for the next one; what it handed out stays valid until then.
class ValueArena {
 public:
  std::string& NewBytes();
  std::vector<const JsonValue*>& NewReferences();
  void Reset();

 private:
  std::deque<std::string> bytes_;
  size_t bytes_used_ = 0;
  std::deque<std::vector<const JsonValue*>> references_;
  size_t references_used_ = 0;
};

}  // namespace kenes::pattern
