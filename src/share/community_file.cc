#include "share/community_file.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

namespace kenes::share {
namespace {

using simdjson::dom::element;

Status ReadOrganisation(element entry, std::string_view where, OrganisationSpec& spec) {
  simdjson::dom::object object;
  if (entry.get_object().get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("{}: an organisation must be a JSON object", where));
  }
  std::string standing;
  for (auto [key, value] : object) {
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{}: \"{}\" must be a string", where, key));
    }
    if (key == "code") {
      spec.code = text;
    } else if (key == "name") {
      spec.name = text;
    } else if (key == "standing") {
      standing = text;
    } else if (key == "country") {
      spec.country = text;
    } else if (key == "parent") {
      spec.parent = text;
    } else if (key == "id") {
      spec.id = text;
    } else {
      return Status::InvalidArgument(
          fmt::format("{}: unknown member \"{}\" (expected code, name, standing, country, parent, id)", where, key));
    }
  }
  if (spec.code.empty() || spec.name.empty() || standing.empty()) {
    return Status::InvalidArgument(fmt::format("{}: code, name and standing are required", where));
  }
  std::optional<Standing> parsed = ParseStanding(standing);
  if (!parsed) {
    return Status::InvalidArgument(
        fmt::format("{}: standing must be \"member\" or \"partner\", not \"{}\"", where, standing));
  }
  spec.standing = *parsed;
  return Status::Ok();
}

}  // namespace

Result<std::vector<OrganisationSpec>> ParseCommunityFile(std::string_view text, std::string_view origin) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  element root;
  if (auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("{}: not JSON: {}", origin, simdjson::error_message(error)));
  }
  simdjson::dom::object object;
  simdjson::dom::array list;
  if (root.get_object().get(object) != simdjson::SUCCESS || object.size() != 1 ||
      object["organisations"].get_array().get(list) != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("{}: expected an object with one member, \"organisations\", a list", origin));
  }
  std::vector<OrganisationSpec> organisations;
  for (element entry : list) {
    std::string where = fmt::format("{}: organisations[{}]", origin, organisations.size());
    KENES_RETURN_IF_ERROR(ReadOrganisation(entry, where, organisations.emplace_back()));
  }
  if (organisations.empty()) return Status::InvalidArgument(fmt::format("{}: no organisations", origin));
  return organisations;
}

Result<std::vector<OrganisationSpec>> ReadCommunityFile(const std::filesystem::path& path) {
  std::ifstream file(path);
  if (!file) return Status::NotFound("cannot open community file " + path.string());
  std::stringstream content;
  content << file.rdbuf();
  return ParseCommunityFile(content.str(), path.string());
}

}  // namespace kenes::share
