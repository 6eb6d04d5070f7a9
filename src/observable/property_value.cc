#include "observable/property_value.h"

#include <string>

namespace kenes::observable {

Result<std::optional<std::string_view>> StringProperty(simdjson::dom::object object, std::string_view property) {
  simdjson::dom::element value;
  if (object.at_key(property).get(value) != simdjson::SUCCESS) return std::optional<std::string_view>();
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Status::InvalidArgument(std::string(property) + " must be a string");
  }
  return std::optional<std::string_view>(text);
}

Status PropertyError(std::string_view property, const Status& status) {
  return Status(status.code() == StatusCode::kInvalidArgument
                    ? Status::InvalidArgument(std::string(property) + ": " + status.message())
                    : status);
}

}  // namespace kenes::observable
