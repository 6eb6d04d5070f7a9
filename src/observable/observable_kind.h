// ObservableKind: the registry of observable types this subsystem reads
// keys from, one entry per STIX type with the function that extracts them.
// New kinds plug in here (and, for Kenes' own types, in kenes_sco_types.cc),
// never as branches on type names elsewhere.
//
// The table is constant; thread-safe.
#pragma once

#include <simdjson.h>

#include <string_view>
#include <vector>

#include "base/status.h"
#include "observable/observable.h"

namespace kenes::observable {

struct ObservableKind {
  std::string_view type;
  // Appends the keys of `object`, an object of `type`; InvalidArgument,
  // naming the property, for a malformed value.
  Status (*extract_keys)(simdjson::dom::object object, std::vector<CorrelationKey>& keys);
};

// nullptr for types without correlation keys.
const ObservableKind* FindObservableKind(std::string_view type);

// The normaliser of a key kind made of a single value; nullptr for others.
using ValueNormaliser = Result<std::string> (*)(std::string_view);
ValueNormaliser FindValueNormaliser(std::string_view kind);

}  // namespace kenes::observable
