#include "stix/validation/indicator_pattern.h"

#include <string>
#include <string_view>

#include "pattern/pattern.h"
#include "stix/validation/check_context.h"

namespace kenes::stix::validation {

void CheckIndicatorPattern(simdjson::dom::object indicator, CheckContext& context) {
  std::string_view pattern_type, pattern;
  if (indicator["pattern_type"].get(pattern_type) != simdjson::SUCCESS || pattern_type != "stix" ||
      indicator["pattern"].get(pattern) != simdjson::SUCCESS) {
    return;
  }
  std::string_view version;
  if (indicator["pattern_version"].get(version) != simdjson::SUCCESS) version = "2.1";
  auto scope = context.Property("pattern");
  if (version != "2.0" && version != "2.1") {
    context.Warning("pattern-version", Quote(version) + " is not a STIX Patterning version this validator knows");
    return;
  }
  Status status =
      pattern::CheckSyntax(pattern, version == "2.0" ? pattern::StixVersion::k20 : pattern::StixVersion::k21);
  if (!status.ok()) context.Error("pattern-syntax", Quote(pattern) + ": " + status.message());
}

}  // namespace kenes::stix::validation
