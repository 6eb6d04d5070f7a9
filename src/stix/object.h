// Object: one version of one STIX object as Kenes handles it after parsing.
//
// It carries the few properties every layer needs (identity, version,
// author, markings) next to the producer's original JSON text, which is kept
// byte for byte: Kenes never re-serialises what a producer sent unless asked.
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/timestamp.h"

namespace kenes::stix {

struct Object {
  std::string id;                 // "type--uuid"
  std::string type;               // "indicator", "ipv4-addr", ...
  std::string spec_version;       // "2.1"; "2.0" for objects without the property that came in a 2.0 bundle
  std::optional<Timestamp> created;   // absent for SCOs
  std::optional<Timestamp> modified;  // absent for SCOs and marking definitions
  std::string created_by_ref;     // empty when absent
  bool revoked = false;
  std::vector<std::string> object_marking_refs;
  std::string json;               // the original text of this object

  // The timestamp that tells this version from others: modified, else
  // created, else none (SCOs have a single version).
  std::optional<Timestamp> VersionTimestamp() const { return modified ? modified : created; }
};

}  // namespace kenes::stix
