// JsonMembers: writing the members of a JSON object as text, for response
// bodies (simdjson has no writer; base/json_text.h escapes strings).
//
// Each function appends `"name":value` to `out`, preceded by a comma unless
// `out` has just opened an object or array. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kenes::rest {

// `"name":`, ready for the value.
void AppendKey(std::string& out, std::string_view name);
void AppendStringMember(std::string& out, std::string_view name, std::string_view value);
// A string member that is null when `value` is empty.
void AppendOptionalMember(std::string& out, std::string_view name, std::string_view value);
void AppendBoolMember(std::string& out, std::string_view name, bool value);
// `"name":["value",...]`.
void AppendStringArrayMember(std::string& out, std::string_view name, const std::vector<std::string>& values);
// `"name":` followed by `json`, which is JSON text already.
void AppendRawMember(std::string& out, std::string_view name, std::string_view json);

// {"key": [append(item)...]}.
template <typename Item, typename Append>
std::string ListBody(std::string_view key, const std::vector<Item>& items, Append append) {
  std::string out = "{";
  AppendKey(out, key);
  out += '[';
  for (const Item& item : items) {
    if (out.back() != '[') out += ',';
    append(out, item);
  }
  out += "]}";
  return out;
}

}  // namespace kenes::rest
