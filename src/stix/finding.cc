#include "stix/finding.h"

#include <algorithm>

namespace kenes::stix {

std::string Finding::ToString() const {
  std::string line = object_id.empty() ? std::string("(no id)") : object_id;
  line += ' ';
  line += path;
  line += severity == Severity::kWarning ? ": warning [" : ": [";
  line += rule;
  line += "] ";
  line += message;
  return line;
}

bool HasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& finding) { return finding.severity == Severity::kError; });
}

}  // namespace kenes::stix
