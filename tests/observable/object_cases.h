// Object cases: the JSON case files of the observable tests hold
// {"cases": [{"name": ..., "object": {a STIX object}, ...what to expect}]};
// this loads one, so each runner only says what it expects.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace kenes::observable {

struct ObjectCase {
  std::string name;
  simdjson::dom::element object;
  simdjson::dom::element expectation;  // the whole case, for its other members
};

// The cases of `file` in tests/observable/cases, parsed by `parser` (which
// must outlive them); a test failure, and no cases, when the file is
// missing or malformed.
inline std::vector<ObjectCase> LoadObjectCases(simdjson::dom::parser& parser, std::string_view file) {
  std::vector<ObjectCase> loaded;
  simdjson::dom::element document;
  simdjson::dom::array cases;
  if (parser.load(std::string(KENES_OBSERVABLE_CASES_DIR) + "/" + std::string(file)).get(document) !=
          simdjson::SUCCESS ||
      document["cases"].get(cases) != simdjson::SUCCESS) {
    ADD_FAILURE() << file << " is missing or not {\"cases\": [...]}";
    return loaded;
  }
  for (simdjson::dom::element c : cases) {
    std::string_view name;
    simdjson::dom::element object;
    if (c["name"].get(name) != simdjson::SUCCESS || c["object"].get(object) != simdjson::SUCCESS) {
      ADD_FAILURE() << file << ": a case without a name or an object";
      continue;
    }
    loaded.push_back({std::string(name), object, c});
  }
  return loaded;
}

}  // namespace kenes::observable
