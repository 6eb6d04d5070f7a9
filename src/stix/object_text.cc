#include "stix/object_text.h"

#include <simdjson.h>

#include "base/json_text.h"

namespace kenes::stix {

std::string WithLeadingProperty(std::string_view json, std::string_view name, std::string_view value_json) {
  const size_t brace = json.find('{');
  std::string result(json.substr(0, brace + 1));
  AppendJsonString(result, name);
  result += ':';
  result += value_json;
  std::string_view rest = json.substr(brace + 1);
  const size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] != '}') result += ',';
  result += rest;
  return result;
}

Result<std::string> WithMarkingRefs(std::string_view json, std::span<const std::string> marking_ids) {
  if (marking_ids.empty()) return std::string(json);
  std::string added;
  for (const std::string& id : marking_ids) {
    if (!added.empty()) added += ',';
    AppendJsonString(added, id);
  }
  simdjson::padded_string padded(json);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document document;
  simdjson::ondemand::object object;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS ||
      document.get_object().get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("not a JSON object");
  }
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return Status::InvalidArgument("malformed JSON");
    if (key != "object_marking_refs") continue;
    simdjson::ondemand::array list;
    std::string_view list_text;
    if (field.value().get_array().get(list) != simdjson::SUCCESS ||
        list.raw_json().get(list_text) != simdjson::SUCCESS) {
      return Status::InvalidArgument("object_marking_refs is not a list");
    }
    // list_text points into `padded`, a copy of `json` at the same offsets.
    const size_t open = static_cast<size_t>(list_text.data() - padded.data());
    const bool empty = list_text.find_first_not_of(" \t\r\n", 1) == list_text.size() - 1;
    std::string result(json.substr(0, open + 1));
    result += added;
    if (!empty) result += ',';
    result += json.substr(open + 1);
    return result;
  }
  return WithLeadingProperty(json, "object_marking_refs", "[" + added + "]");
}

}  // namespace kenes::stix
