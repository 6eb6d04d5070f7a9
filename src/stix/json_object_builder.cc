#include "stix/json_object_builder.h"

#include "base/json_text.h"
#include "stix/canonical_json.h"

namespace kenes::stix {

JsonObjectBuilder::JsonObjectBuilder(std::string& out) : out_(out) {
  out_.clear();
  out_ += '{';
}

void JsonObjectBuilder::Name(std::string_view name) {
  if (out_.size() > 1) out_ += ',';
  AppendJsonString(out_, name);
  out_ += ':';
}

JsonObjectBuilder& JsonObjectBuilder::String(std::string_view name, std::string_view value) {
  Name(name);
  AppendJsonString(out_, value);
  return *this;
}

JsonObjectBuilder& JsonObjectBuilder::Integer(std::string_view name, int64_t value) {
  Name(name);
  out_ += std::to_string(value);
  return *this;
}

JsonObjectBuilder& JsonObjectBuilder::Number(std::string_view name, double value) {
  Name(name);
  out_ += CanonicalNumber(value);
  return *this;
}

JsonObjectBuilder& JsonObjectBuilder::Raw(std::string_view name, std::string_view json) {
  Name(name);
  out_ += json;
  return *this;
}

void JsonObjectBuilder::Finish() { out_ += '}'; }

}  // namespace kenes::stix
