#include "stix/validation/markings.h"

#include <memory>
#include <string>
#include <string_view>

#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/object_shape.h"

namespace kenes::stix::validation {
namespace {

bool IsSelectorNameChar(char c, bool first_segment) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         (!first_segment && c >= 'A' && c <= 'Z');  // later segments may be dictionary keys
}

// Checks one selector (section 7.2.3.1): "name(.name|.[index])*", resolved
// against the object.
void CheckSelector(std::string_view selector, simdjson::dom::object root, CheckContext& context) {
  simdjson::dom::element current;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t dot = selector.find('.', start);
    std::string_view segment =
        selector.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool is_index = !first && segment.size() >= 3 && segment.front() == '[' && segment.back() == ']';
    if (is_index) {
      size_t index = 0;
      std::string_view digits = segment.substr(1, segment.size() - 2);
      for (char c : digits) {
        if (c < '0' || c > '9') return context.Error("selector-syntax", Quote(selector) + " has a bad list index");
        index = index * 10 + static_cast<size_t>(c - '0');
      }
      simdjson::dom::array list;
      if (current.get_array().get(list) != simdjson::SUCCESS || index >= list.size()) {
        return context.Error("selector-target", Quote(selector) + " selects a list item the object does not have");
      }
      current = list.at(index).value_unsafe();
    } else {
      bool valid = !segment.empty() && (!first || segment.size() >= 3 || segment == "id");
      for (char c : segment) valid = valid && IsSelectorNameChar(c, first);
      if (!valid) return context.Error("selector-syntax", Quote(selector) + " is not a valid selector");
      simdjson::dom::object object = root;
      if ((!first && current.get_object().get(object) != simdjson::SUCCESS) ||
          object.at_key(segment).get(current) != simdjson::SUCCESS) {
        return context.Error("selector-target", Quote(selector) + " selects a property the object does not have");
      }
    }
    if (dot == std::string_view::npos) return;
    start = dot + 1;
    first = false;
  }
}

void CheckGranularMarking(simdjson::dom::object marking, CheckContext& context) {
  bool has_marking = Has(marking, "marking_ref");
  bool has_lang = Has(marking, "lang");
  if (has_marking == has_lang) {
    context.Error("granular-marking", "a granular marking must have exactly one of marking_ref and lang");
  }
  simdjson::dom::array selectors;
  if (marking["selectors"].get(selectors) != simdjson::SUCCESS) return;
  auto selectors_scope = context.Property("selectors");
  size_t index = 0;
  for (simdjson::dom::element selector : selectors) {
    auto scope = context.Index(index++);
    std::string_view text;
    if (selector.get(text) == simdjson::SUCCESS) CheckSelector(text, context.root(), context);
  }
}

// The standard marking definitions, as JSON text: TLP 1.0 (STIX 2.1 section
// 7.2.1.4) and TLP 2.0 (OASIS extension-definition--60a3c5c5-...).
constexpr std::string_view kTlp1Template =
    R"({"type":"marking-definition","spec_version":"2.1","id":"marking-definition--%ID%",)"
    R"("created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:%NAME%","definition":{"tlp":"%LEVEL%"}})";
constexpr std::string_view kTlp2Template =
    R"({"type":"marking-definition","spec_version":"2.1","id":"marking-definition--%ID%",)"
    R"("created":"2022-10-01T00:00:00.000Z","name":"TLP:%NAME%","extensions":{)"
    R"("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":)"
    R"({"extension_type":"property-extension","tlp_2_0":"%LEVEL%"}}})";

struct StandardMarking {
  std::string_view uuid;
  std::string_view name;
  std::string_view level;
  std::string_view json_template;
};

constexpr StandardMarking kStandardMarkings[] = {
    {"613f2e26-407d-48c7-9eca-b8e91df99dc9", "WHITE", "white", kTlp1Template},
    {"34098fce-860f-48ae-8e50-ebd3cc5e41da", "GREEN", "green", kTlp1Template},
    {"f88d31f6-486f-44da-b317-01333bde0b82", "AMBER", "amber", kTlp1Template},
    {"5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "RED", "red", kTlp1Template},
    {"94868c89-83c2-464b-929b-a1a8aa3c8487", "CLEAR", "clear", kTlp2Template},
    {"bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "GREEN", "green", kTlp2Template},
    {"55d920b0-5e8b-4f79-9ee9-91f868d9b421", "AMBER", "amber", kTlp2Template},
    {"939a9414-2ddd-4d32-a0cd-375ea402b003", "AMBER+STRICT", "amber+strict", kTlp2Template},
    {"e828b379-4e03-4974-9ac4-e53a884c97c1", "RED", "red", kTlp2Template},
};
constexpr size_t kStandardCount = std::size(kStandardMarkings);

std::string Fill(std::string text, std::string_view field, std::string_view value) {
  size_t at = text.find(field);
  if (at != std::string::npos) text.replace(at, field.size(), value);
  return text;
}

// The standard objects, parsed once; each document keeps its own parser.
struct ParsedStandard {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
};

const ParsedStandard* Standards() {
  static const std::unique_ptr<ParsedStandard[]> kParsed = [] {
    auto parsed = std::make_unique<ParsedStandard[]>(kStandardCount);
    for (size_t i = 0; i < kStandardCount; ++i) {
      const StandardMarking& marking = kStandardMarkings[i];
      std::string text =
          Fill(Fill(Fill(std::string(marking.json_template), "%ID%", marking.uuid), "%NAME%", marking.name), "%LEVEL%",
               marking.level);
      // The texts are constants of this file: a parse failure is a bug here.
      if (parsed[i].parser.parse(text).get(parsed[i].object) != simdjson::SUCCESS) std::abort();
    }
    return parsed;
  }();
  return kParsed.get();
}

bool JsonEqual(simdjson::dom::element a, simdjson::dom::element b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object left = a.get_object().value_unsafe(), right = b.get_object().value_unsafe();
      if (left.size() != right.size()) return false;
      for (simdjson::dom::key_value_pair member : left) {
        simdjson::dom::element other;
        if (right.at_key(member.key).get(other) != simdjson::SUCCESS || !JsonEqual(member.value, other)) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array left = a.get_array().value_unsafe(), right = b.get_array().value_unsafe();
      if (left.size() != right.size()) return false;
      for (size_t i = 0; i < left.size(); ++i) {
        if (!JsonEqual(left.at(i).value_unsafe(), right.at(i).value_unsafe())) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::STRING: return a.get_string().value_unsafe() == b.get_string().value_unsafe();
    default: return std::string_view(simdjson::minify(a)) == std::string_view(simdjson::minify(b));
  }
}

}  // namespace

const ValueCheck* GranularMarkings() {
  static const ValueCheck* const kCheck = ListOf(Nested(MakeShape("granular marking",
                                                                  {{"selectors", ListOf(String()), true},
                                                                   {"marking_ref", ReferenceTo({"marking-definition"})},
                                                                   {"lang", LanguageTag()}},
                                                                  {CheckGranularMarking})));
  return kCheck;
}

void CheckTlpMarking(simdjson::dom::object object, CheckContext& context) {
  std::string_view id;
  if (object["id"].get(id) != simdjson::SUCCESS) return;
  constexpr std::string_view kPrefix = "marking-definition--";
  const ParsedStandard* standards = Standards();
  for (size_t i = 0; i < kStandardCount; ++i) {
    if (id.size() != kPrefix.size() + 36 || id.substr(kPrefix.size()) != kStandardMarkings[i].uuid) continue;
    std::string what = "the standard TLP:" + std::string(kStandardMarkings[i].name) +
                       " marking must have exactly its standard content";
    simdjson::dom::object expected = standards[i].object;
    for (simdjson::dom::key_value_pair member : expected) {
      simdjson::dom::element actual;
      auto scope = context.Property(member.key);
      if (object.at_key(member.key).get(actual) != simdjson::SUCCESS) {
        context.Error("tlp-marking", what + "; '" + std::string(member.key) + "' is missing");
      } else if (!JsonEqual(actual, member.value)) {
        context.Error("tlp-marking", what + "; '" + std::string(member.key) + "' differs");
      }
    }
    for (simdjson::dom::key_value_pair member : object) {
      simdjson::dom::element ignored;
      if (expected.at_key(member.key).get(ignored) == simdjson::SUCCESS) continue;
      auto scope = context.Property(member.key);
      context.Error("tlp-marking", what + "; '" + std::string(member.key) + "' is not part of it");
    }
    return;
  }
  std::string_view definition_type;
  if (object["definition_type"].get(definition_type) == simdjson::SUCCESS && definition_type == "tlp") {
    auto scope = context.Property("id");
    context.Error("tlp-marking", "TLP markings must use one of the standard TLP marking-definition ids");
  }
}

}  // namespace kenes::stix::validation
