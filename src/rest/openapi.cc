#include "rest/openapi.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <vector>

#include "rest/json_members.h"

namespace kenes::rest {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// One named member set being merged ("paths" or "components/schemas"): the
// members in order, with the names seen so far to refuse a second definition.
class MemberSet {
 public:
  explicit MemberSet(std::string_view what) : what_(what) {}

  Status Add(object members, size_t text) {
    for (auto [name, value] : members) {
      if (!names_.insert(std::string(name)).second) {
        return Status::InvalidArgument(fmt::format("OpenAPI file {}: {} '{}' is defined twice", text, what_, name));
      }
      AppendRawMember(json_, name, simdjson::to_string(value));
    }
    return Status::Ok();
  }
  std::string Object() const { return json_ + "}"; }

 private:
  std::string_view what_;
  std::set<std::string, std::less<>> names_;
  std::string json_ = "{";
};

}  // namespace

Result<std::string> MergeOpenApi(std::span<const std::string_view> texts) {
  if (texts.empty()) return Status::InvalidArgument("no OpenAPI document");
  std::vector<simdjson::dom::parser> parsers(texts.size());
  std::vector<object> roots(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    simdjson::padded_string padded(texts[i]);
    if (parsers[i].parse(padded).get(roots[i]) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("OpenAPI file {} is not a JSON object", i));
    }
  }
  MemberSet paths("path");
  MemberSet schemas("schema");
  std::string tags;
  for (size_t i = 0; i < texts.size(); ++i) {
    object root = roots[i];
    for (auto [name, value] : root) {
      if (i > 0 && name != "tags" && name != "paths" && name != "schemas") {
        return Status::InvalidArgument(
            fmt::format("OpenAPI file {}: '{}' is not a fragment's member (tags, paths, schemas)", i, name));
      }
    }
    object members;
    if (root["paths"].get(members) == simdjson::SUCCESS) KENES_RETURN_IF_ERROR(paths.Add(members, i));
    // The document keeps its schemas where OpenAPI puts them; a fragment, at its top.
    auto schema_members = i == 0 ? root.at_pointer("/components/schemas") : root["schemas"];
    if (schema_members.get(members) == simdjson::SUCCESS) KENES_RETURN_IF_ERROR(schemas.Add(members, i));
    simdjson::dom::array list;
    if (root["tags"].get(list) == simdjson::SUCCESS) {
      for (element tag : list) {
        if (!tags.empty()) tags += ',';
        tags += simdjson::to_string(tag);
      }
    }
  }
  // The document's own members in their order, with the merged ones in place.
  std::string document = "{";
  for (auto [name, value] : roots[0]) {
    AppendKey(document, name);
    if (name == "paths") {
      document += paths.Object();
    } else if (name == "tags") {
      document += "[" + tags + "]";
    } else if (name == "components") {
      object components;
      if (value.get(components) != simdjson::SUCCESS) {
        return Status::InvalidArgument("OpenAPI file 0: components is not an object");
      }
      document += '{';
      for (auto [part, content] : components) {
        AppendKey(document, part);
        document += part == "schemas" ? schemas.Object() : simdjson::to_string(content);
      }
      document += '}';
    } else {
      document += simdjson::to_string(value);
    }
  }
  document += '}';
  return document;
}

std::string_view OpenApiDocument() {
  static const std::string document = [] {
    Result<std::string> merged = MergeOpenApi(OpenApiTexts());
    if (!merged.ok()) {
      std::fprintf(stderr, "%s\n", merged.status().message().c_str());
      std::abort();
    }
    return std::move(merged).value();
  }();
  return document;
}

}  // namespace kenes::rest
