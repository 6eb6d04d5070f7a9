#include "rest/object_json.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>

#include "base/json_text.h"
#include "rest/json_members.h"

namespace kenes::rest {

bool IsTypeName(std::string_view type) {
  return type.size() >= 3 && type.size() <= 250 && std::all_of(type.begin(), type.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool IsStixId(std::string_view id) {
  size_t separator = id.find("--");
  if (separator == std::string_view::npos || !IsTypeName(id.substr(0, separator))) return false;
  std::string_view uuid = id.substr(separator + 2);
  if (uuid.size() != 36) return false;
  for (size_t i = 0; i < uuid.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? uuid[i] != '-' : !std::isxdigit(static_cast<unsigned char>(uuid[i]))) return false;
  }
  return true;
}

std::vector<Reference> ReferencesOf(std::string_view json) {
  std::vector<Reference> references;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::object object;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS) return references;
  for (auto [key, value] : object) {
    if (key == "created_by_ref" || key == "object_marking_refs") continue;
    std::string_view id;
    if (key.ends_with("_ref")) {
      if (value.get(id) == simdjson::SUCCESS) references.push_back({std::string(key), std::string(id)});
    } else if (simdjson::dom::array list; key.ends_with("_refs") && value.get(list) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : list) {
        if (item.get(id) == simdjson::SUCCESS) references.push_back({std::string(key), std::string(id)});
      }
    }
  }
  return references;
}

std::string StringProperty(std::string_view json, std::string_view name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::object object;
  std::string_view value;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS || object[name].get(value) != simdjson::SUCCESS) {
    return "";
  }
  return std::string(value);
}

std::optional<share::Tlp> TlpOf(const store::StoredVersion& version) {
  return share::StrictestTlp(version.object_marking_refs);
}

std::string TlpParameterName(share::Tlp tlp) {
  std::string name(share::TlpName(tlp).substr(4));  // without "TLP:"
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

void AppendTlp(std::string& out, const store::StoredVersion& version) {
  std::optional<share::Tlp> tlp = TlpOf(version);
  if (tlp) {
    AppendJsonString(out, TlpParameterName(*tlp));
  } else {
    out += "null";
  }
}

void AppendEntry(std::string& out, const store::StoredVersion& version) {
  out += '{';
  AppendEntryMembers(out, version);
  out += '}';
}

void AppendEntryMembers(std::string& out, const store::StoredVersion& version) {
  AppendRawMember(out, "object", version.json);
  AppendStringMember(out, "date_added", FormatTimestamp(version.date_added, 6));
  AppendKey(out, "tlp");
  AppendTlp(out, version);
}

}  // namespace kenes::rest
