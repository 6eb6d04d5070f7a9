#include "taxii/request_filters.h"

#include <fmt/format.h>

#include <charconv>

namespace kenes::taxii {
namespace {

// Every value of parameter `name`, its comma-separated parts split apart.
std::vector<std::string> Values(const http::Request& request, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : request.query) {
    if (key != name) continue;
    std::string_view rest = value;
    while (true) {
      size_t comma = rest.find(',');
      values.emplace_back(rest.substr(0, comma));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return values;
}

bool Present(const http::Request& request, std::string_view name) { return request.Query(name).has_value(); }

Status ParseVersionMatch(const std::vector<std::string>& values, store::VersionMatch& match) {
  bool all = false;
  for (const std::string& value : values) {
    if (value == "first") {
      match.first = true;
    } else if (value == "last") {
      match.last = true;
    } else if (value == "all") {
      all = true;
    } else if (std::optional<Timestamp> version = ParseTimestamp(value)) {
      match.at.push_back(*version);
    } else {
      return Status::InvalidArgument(fmt::format(
          "match[version] takes first, last, all or STIX timestamps (2026-01-31T12:00:00.000Z), not '{}'", value));
    }
  }
  // "all" admits every version, whatever the other values say.
  if (all) match = store::VersionMatch{};
  return Status::Ok();
}

Status ApplyPaging(const http::Request& request, const PageSizes& sizes, store::ListQuery& query) {
  if (std::optional<std::string_view> added_after = request.Query("added_after")) {
    query.added_after = ParseTimestamp(*added_after);
    if (!query.added_after) {
      return Status::InvalidArgument(
          fmt::format("added_after must be a STIX timestamp such as 2026-01-31T12:00:00.000Z, not '{}'", *added_after));
    }
  }
  query.limit = sizes.default_size;
  if (std::optional<std::string_view> limit = request.Query("limit")) {
    size_t value = 0;
    auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (limit->empty() || error == std::errc::invalid_argument || end != limit->data() + limit->size() ||
        (error == std::errc() && value == 0)) {
      return Status::InvalidArgument(fmt::format("limit must be a positive whole number, not '{}'", *limit));
    }
    // Larger than the server's page, or too large to read: the server's page.
    query.limit = error == std::errc() ? std::min(value, sizes.max_size) : sizes.max_size;
  }
  if (std::optional<std::string_view> next = request.Query("next")) {
    if (next->empty()) return Status::InvalidArgument("next must be the value of `next` of an earlier page");
    query.cursor = *next;
  }
  return Status::Ok();
}

}  // namespace

Status ApplyFilters(const http::Request& request, const FilterSet& filters, const PageSizes& sizes,
                    store::ListQuery& query) {
  if (filters.paging) KENES_RETURN_IF_ERROR(ApplyPaging(request, sizes, query));
  if (filters.id_and_type) {
    query.ids = Values(request, "match[id]");
    query.types = Values(request, "match[type]");
    for (const auto& [name, values] : {std::pair{"match[id]", &query.ids}, std::pair{"match[type]", &query.types}}) {
      for (const std::string& value : *values) {
        if (value.empty()) return Status::InvalidArgument(fmt::format("{} has an empty value", name));
      }
    }
  }
  query.spec_versions = SpecVersions(request);
  if (filters.version) {
    if (Present(request, "match[version]")) {
      KENES_RETURN_IF_ERROR(ParseVersionMatch(Values(request, "match[version]"), query.versions));
    } else {
      query.versions.last = true;
    }
  }
  return Status::Ok();
}

Result<store::VersionMatch> VersionsToDelete(const http::Request& request) {
  store::VersionMatch match;
  if (Present(request, "match[version]")) {
    KENES_RETURN_IF_ERROR(ParseVersionMatch(Values(request, "match[version]"), match));
  }
  return match;
}

std::vector<std::string> SpecVersions(const http::Request& request) { return Values(request, "match[spec_version]"); }

}  // namespace kenes::taxii
