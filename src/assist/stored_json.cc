#include "assist/stored_json.h"

#include <fmt/format.h>

namespace kenes::assist {

Result<simdjson::dom::element> ParseStored(simdjson::dom::parser& parser, std::string_view json,
                                           std::string_view type) {
  simdjson::dom::element object;
  if (parser.parse(simdjson::padded_string(json)).get(object) != simdjson::SUCCESS) {
    return Status::Corruption(fmt::format("a stored {} is not JSON", type));
  }
  if (StringMember(object, "type") != type) {
    return Status::InvalidArgument(fmt::format("{} is not an {}", StringMember(object, "id"), type));
  }
  return object;
}

std::string StringMember(simdjson::dom::element object, std::string_view name) {
  std::string_view value;
  return object[name].get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

int64_t IntegerMember(simdjson::dom::element object, std::string_view name) {
  int64_t value = 0;
  return object[name].get(value) == simdjson::SUCCESS ? value : 0;
}

std::optional<Timestamp> VersionOf(simdjson::dom::element object) {
  std::optional<Timestamp> version = ParseTimestamp(StringMember(object, "modified"));
  return version ? version : ParseTimestamp(StringMember(object, "created"));
}

}  // namespace kenes::assist
