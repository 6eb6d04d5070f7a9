// Finding: one problem the validator saw in one STIX object.
//
// Findings are plain values the validator appends to a caller's vector; an
// error marks a broken MUST of STIX 2.1, a warning a SHOULD or a deprecated
// construct. `rule` names are stable so that tools and tests can match them.
// Thread-compatible.
#pragma once

#include <string>
#include <vector>

namespace kenes::stix {

enum class Severity { kError, kWarning };

struct Finding {
  Severity severity = Severity::kError;
  std::string object_id;  // "" when the object has no usable id
  std::string path;       // JSON path inside the object: "$.external_references[0].source_name"
  std::string rule;       // short stable rule name, e.g. "required-property", "timestamp-format"
  std::string message;    // what is wrong, in words

  // One readable line, e.g.
  // "indicator--8e2e... $.valid_from: [timestamp-format] 'yesterday' is not an RFC 3339 timestamp";
  // warnings carry "warning " before the rule.
  std::string ToString() const;
};

// True when at least one finding is an error (warnings alone do not reject).
bool HasErrors(const std::vector<Finding>& findings);

}  // namespace kenes::stix
