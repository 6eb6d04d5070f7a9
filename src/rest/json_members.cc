#include "rest/json_members.h"

#include "base/json_text.h"

namespace kenes::rest {

void AppendKey(std::string& out, std::string_view name) {
  if (!out.empty() && out.back() != '{' && out.back() != '[') out += ',';
  AppendJsonString(out, name);
  out += ':';
}

void AppendStringMember(std::string& out, std::string_view name, std::string_view value) {
  AppendKey(out, name);
  AppendJsonString(out, value);
}

void AppendOptionalMember(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) {
    AppendRawMember(out, name, "null");
  } else {
    AppendStringMember(out, name, value);
  }
}

void AppendBoolMember(std::string& out, std::string_view name, bool value) {
  AppendRawMember(out, name, value ? "true" : "false");
}

void AppendStringArrayMember(std::string& out, std::string_view name, const std::vector<std::string>& values) {
  AppendKey(out, name);
  out += '[';
  for (const std::string& value : values) {
    if (out.back() != '[') out += ',';
    AppendJsonString(out, value);
  }
  out += ']';
}

void AppendRawMember(std::string& out, std::string_view name, std::string_view json) {
  AppendKey(out, name);
  out += json;
}

}  // namespace kenes::rest
