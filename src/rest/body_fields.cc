#include "rest/body_fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <algorithm>

namespace kenes::rest {

Result<BodyFields> StringFields(std::string_view body, std::span<const std::string_view> known) {
  BodyFields fields;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return fields;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::object object;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("the body must be a JSON object with {}", fmt::join(known, ", ")));
  }
  for (auto [name, value] : object) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Status::InvalidArgument(fmt::format("unknown property '{}'; known: {}", name, fmt::join(known, ", ")));
    }
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) return Status::InvalidArgument(fmt::format("{} must be a string", name));
    fields.emplace(name, text);
  }
  return fields;
}

Result<std::string> Required(const BodyFields& fields, std::string_view name) {
  auto found = fields.find(name);
  if (found == fields.end()) return Status::InvalidArgument(fmt::format("{} is required", name));
  return found->second;
}

std::string Optional(const BodyFields& fields, std::string_view name) {
  auto found = fields.find(name);
  return found == fields.end() ? "" : found->second;
}

}  // namespace kenes::rest
