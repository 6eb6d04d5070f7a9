// The observations a pattern is matched against: observed-data objects and the
// cyber-observables they report, read from JSON.
//
// Both forms are understood. STIX 2.0 (and deprecated 2.1) observed-data embeds
// its observables in an `objects` dictionary, whose keys its `_ref` properties
// name. STIX 2.1 observed-data lists them by id in `object_refs`; those objects,
// and any object a `_ref` names, are looked up among every object added to the
// set (whatever the order they were added in), so a bundle and the objects a
// store returns for its references both work. An object_ref the set cannot
// resolve is skipped, as the OASIS reference matcher does.
//
// Not thread-safe while adding; once filled, any number of threads may read it
// and match against it. Pointers it hands out live until Clear() or destruction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"

namespace kenes::pattern {

// A JSON value of an observable, as the matcher compares it. Numbers keep their
// JSON form: `5` is kInteger, `5.0` and `5e0` are kFloat.
struct JsonValue {
  enum class Kind { kNull, kBoolean, kInteger, kFloat, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::string text;                                        // kString
  std::vector<JsonValue> items;                            // kArray
  std::vector<std::pair<std::string, JsonValue>> members;  // kObject, in document order

  // Declared here, defined where JsonValue is complete: clang refuses to instantiate the members'
  // vector of pairs for an implicit destructor inside the class.
  JsonValue();
  ~JsonValue();
  JsonValue(const JsonValue&);
  JsonValue(JsonValue&&) noexcept;
  JsonValue& operator=(const JsonValue&);
  JsonValue& operator=(JsonValue&&) noexcept;

  // The member named `key` of an object, or null (also for non-objects).
  const JsonValue* Member(std::string_view key) const;
};

// One observed-data object of the set.
struct ObservedData {
  std::string id;  // empty for 2.0 inputs that have none
  Timestamp first_observed;
  Timestamp last_observed;
  int64_t number_observed = 1;
  const JsonValue* document = nullptr;  // the whole observed-data object
};

class ObservationSet {
 public:
  ObservationSet();
  ~ObservationSet();
  ObservationSet(ObservationSet&&) noexcept;
  ObservationSet& operator=(ObservationSet&&) noexcept;

  // Adds what `json` holds: one object, a bundle, or a JSON array of objects and bundles. Every
  // observed-data (or cybox-container, its name in drafts of STIX 2.0) becomes an observation; every
  // object with an id becomes a reference target.
  // Errors: InvalidArgument naming the problem (malformed JSON; an observed-data without valid
  // first_observed, last_observed or number_observed; ...), and then nothing of `json` is added.
  Status AddJson(std::string_view json);

  // The observations, in the order they were added.
  const std::vector<ObservedData>& observed_data() const;

  // The observables observation `index` reports, in order: its embedded objects (2.0 form) or
  // those of its object_refs the set holds (2.1 form).
  // REQUIRES: index < observed_data().size().
  std::vector<const JsonValue*> ObjectsOf(size_t index) const;
  // As above, appending to `out`, so that a caller matching many sets reuses one vector.
  void ObjectsOf(size_t index, std::vector<const JsonValue*>& out) const;

  // What the `_ref` value `reference` found inside an observable of observation `index` names: an
  // embedded object's key in the 2.0 form, an object id in the 2.1 form; null when not held.
  const JsonValue* Resolve(size_t index, std::string_view reference) const;

  // Empties the set, keeping its allocations for the next use.
  void Clear();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kenes::pattern
