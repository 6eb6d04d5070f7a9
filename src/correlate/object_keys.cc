#include "correlate/object_keys.h"

#include <simdjson.h>

#include <algorithm>
#include <array>

#include "base/json_text.h"
#include "pattern/pattern.h"
#include "pattern/pattern_cover.h"

namespace kenes::correlate {
namespace {

using observable::CorrelationKey;

constexpr char kStringValueTag = 's';  // pattern/value_key.h: a string literal's key is 's' and its text

// The keys observable::KeysOf reads from an observable of `type` with the
// members `members` (JSON text without braces).
Result<std::vector<CorrelationKey>> KeysOfShape(std::string_view type, std::string_view members) {
  thread_local simdjson::dom::parser parser;
  std::string json = "{\"type\":" + JsonString(type) + "," + std::string(members) + "}";
  simdjson::dom::element element;
  if (parser.parse(json).get(element) != simdjson::SUCCESS) return Status::Internal("unparsable shape " + json);
  return observable::KeysOf(element);
}

// `"a":{"b":VALUE}` for the property names of `steps`, or nullopt when a step is not a name.
std::optional<std::string> NestedMembers(const std::vector<pattern::PathStep>& steps, std::string_view value) {
  std::string members;
  for (const pattern::PathStep& step : steps) {
    if (step.kind != pattern::PathStep::Kind::kKey || step.IsReference()) return std::nullopt;
    if (!members.empty()) members += '{';
    members += JsonString(step.key) + ":";
  }
  members += JsonString(value);
  members.append(steps.size() - 1, '}');
  return members;
}

void AddIndicatorKeys(simdjson::dom::object object, const stix::Object& indicator, std::vector<CorrelationKey>& keys) {
  std::string_view pattern_type, text;
  if (object["pattern_type"].get(pattern_type) == simdjson::SUCCESS && pattern_type != "stix") return;
  if (object["pattern"].get(text) != simdjson::SUCCESS) return;
  pattern::StixVersion version =
      indicator.spec_version == "2.0" ? pattern::StixVersion::k20 : pattern::StixVersion::k21;
  Result<pattern::Pattern> parsed = pattern::Parse(text, version);
  if (!parsed.ok()) return;
  for (const pattern::CoverAtom& atom : pattern::CoverOf(*parsed)) {
    if (atom.kind != pattern::CoverAtom::Kind::kValue || atom.steps.empty() || atom.text.empty() ||
        atom.text[0] != kStringValueTag) {
      continue;
    }
    std::optional<std::string> members = NestedMembers(atom.steps, std::string_view(atom.text).substr(1));
    if (!members) continue;
    // A value the normalisers refuse is no observation of anything.
    Result<std::vector<CorrelationKey>> found = KeysOfShape(atom.object_type, *members);
    if (!found.ok()) continue;
    for (CorrelationKey& key : *found) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
}

// Splits "A:B:C" into `count` parts (the last keeps any further colons).
std::optional<std::vector<std::string_view>> Parts(std::string_view value, size_t count) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < count) {
    size_t colon = value.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    parts.push_back(value.substr(0, colon));
    value.remove_prefix(colon + 1);
  }
  parts.push_back(value);
  return parts;
}

// The observable a key of `kind` with `value` comes from, as its type and members.
Result<std::pair<std::string, std::string>> ShapeOf(std::string_view kind, std::string_view value) {
  struct Shape {
    std::string_view kind, type, property;
  };
  static constexpr std::array<Shape, 10> kShapes = {{
      {"ipv4-addr", "ipv4-addr", "value"},
      {"ipv6-addr", "ipv6-addr", "value"},
      {"domain-name", "domain-name", "value"},
      {"url", "url", "value"},
      {"email-addr", "email-addr", "value"},
      {"phone-number", "phone-number", "value"},
      {"cryptocurrency-wallet", "cryptocurrency-wallet", "value"},
      {"iban", "bank-account", "iban"},
      {"bank-account-number", "bank-account", "account_number"},
      {"vehicle-vin", "vehicle", "vin"},
  }};
  for (const Shape& shape : kShapes) {
    if (shape.kind == kind) {
      return std::pair{std::string(shape.type), JsonString(shape.property) + ":" + JsonString(value)};
    }
  }
  if (kind.starts_with("hash:")) {
    return std::pair{std::string("file"), "\"hashes\":{" + JsonString(kind.substr(5)) + ":" + JsonString(value) + "}"};
  }
  if (kind == "autonomous-system") {
    if (value.empty() || value.size() > 10 || value.find_first_not_of("0123456789") != std::string_view::npos) {
      return Status::InvalidArgument("an autonomous-system value is its number, 0 to 4294967295");
    }
    return std::pair{std::string("autonomous-system"), "\"number\":" + std::string(value)};
  }
  if (kind == "vehicle") {
    std::optional<std::vector<std::string_view>> parts = Parts(value, 2);
    if (!parts) return Status::InvalidArgument("a vehicle value reads COUNTRY:PLATE (KZ:123ABC02)");
    return std::pair{std::string("vehicle"),
                     "\"country\":" + JsonString((*parts)[0]) + ",\"plate_number\":" + JsonString((*parts)[1])};
  }
  if (kind == "identity-document") {
    std::optional<std::vector<std::string_view>> parts = Parts(value, 3);
    if (!parts) return Status::InvalidArgument("an identity-document value reads COUNTRY:TYPE:NUMBER");
    return std::pair{std::string("identity-document"), "\"issuing_country\":" + JsonString((*parts)[0]) +
                                                           ",\"document_type\":" + JsonString((*parts)[1]) +
                                                           ",\"document_number\":" + JsonString((*parts)[2])};
  }
  return Status::InvalidArgument("unknown kind '" + std::string(kind) +
                                 "'; kinds: ipv4-addr, ipv6-addr, domain-name, url, email-addr, phone-number, "
                                 "cryptocurrency-wallet, iban, bank-account-number, vehicle, vehicle-vin, "
                                 "identity-document, autonomous-system, hash:ALGORITHM");
}

}  // namespace

const std::vector<std::string>& CorrelatedTypes() {
  static const std::vector<std::string> kTypes = {"ipv4-addr",
                                                  "ipv6-addr",
                                                  "domain-name",
                                                  "url",
                                                  "email-addr",
                                                  "autonomous-system",
                                                  "user-account",
                                                  "file",
                                                  "artifact",
                                                  "x509-certificate",
                                                  "phone-number",
                                                  "bank-account",
                                                  "cryptocurrency-wallet",
                                                  "vehicle",
                                                  "identity-document",
                                                  "indicator",
                                                  "identity",
                                                  "threat-actor"};
  return kTypes;
}

Result<ObjectKeys> ObjectKeysOf(const stix::Object& object) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element element;
  simdjson::dom::object members;
  if (parser.parse(object.json).get(element) != simdjson::SUCCESS || element.get_object().get(members)) {
    return Status::InvalidArgument("the text of " + object.id + " is not a JSON object");
  }
  ObjectKeys result;
  result.versioned = object.VersionTimestamp().has_value();
  std::string_view text;
  if (object.type == "indicator") {
    AddIndicatorKeys(members, object, result.keys);
  } else if (object.type == "threat-actor" ||
             (object.type == "identity" && members["identity_class"].get(text) == simdjson::SUCCESS &&
              text == "individual")) {
    if (members["name"].get(text) == simdjson::SUCCESS) result.person_name = std::string(text);
  } else {
    KENES_ASSIGN_OR_RETURN(result.keys, observable::KeysOf(element));
  }
  return result;
}

Result<CorrelationKey> NormaliseKey(std::string_view kind, std::string_view value) {
  KENES_ASSIGN_OR_RETURN(auto shape, ShapeOf(kind, value));
  KENES_ASSIGN_OR_RETURN(std::vector<CorrelationKey> keys, KeysOfShape(shape.first, shape.second));
  for (CorrelationKey& key : keys) {
    if (key.kind == kind) return std::move(key);
  }
  return Status::InvalidArgument("'" + std::string(value) + "' gives no " + std::string(kind) + " key");
}

}  // namespace kenes::correlate
