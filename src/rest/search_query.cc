#include "rest/search_query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "rest/object_json.h"
#include "share/marking.h"

namespace kenes::rest {
namespace {

constexpr std::array<std::string_view, 9> kParameters = {"type", "author", "tlp",    "added_after", "added_before",
                                                         "q",    "limit",  "cursor", "facets"};

// Longer search text is refused rather than handed to the full-text index.
constexpr size_t kMaxTextBytes = 1000;

Result<std::string> AuthorParameter(const http::Fields& query, share::Community& community) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> author, SingleParameter(query, "author"));
  if (!author || author->starts_with("identity--")) return author.value_or("");
  Result<share::Organisation> organisation = community.FindOrganisation(*author);
  if (organisation.ok()) return organisation->id;
  if (organisation.status().code() != StatusCode::kNotFound) return organisation.status();
  return Status::InvalidArgument(
      fmt::format("author must be an identity id or an organisation's code; there is no organisation '{}'", *author));
}

// The items of every value of `name`, split at commas, empty items dropped.
std::vector<std::string> ListParameter(const http::Fields& query, std::string_view name) {
  std::vector<std::string> items;
  for (const auto& [key, value] : query) {
    if (key != name) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t comma = std::min(rest.find(','), rest.size());
      if (comma > 0) items.emplace_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
  return items;
}

}  // namespace

Result<std::optional<std::string>> SingleParameter(const http::Fields& query, std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [key, text] : query) {
    if (key != name) continue;
    if (value) return Status::InvalidArgument(fmt::format("query parameter '{}' may be given once", name));
    value = text;
  }
  return value;
}

Result<std::optional<Timestamp>> TimeParameter(const http::Fields& query, std::string_view name) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> text, SingleParameter(query, name));
  if (!text) return std::optional<Timestamp>();
  std::optional<Timestamp> time = ParseTimestamp(*text);
  if (!time) {
    return Status::InvalidArgument(
        fmt::format("{} must be an RFC 3339 timestamp in UTC such as 2026-01-31T08:00:00Z, not '{}'", name, *text));
  }
  return time;
}

Result<size_t> LimitParameter(const http::Fields& query, const PageLimits& limits) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> text, SingleParameter(query, "limit"));
  if (!text) return limits.default_limit;
  size_t limit = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc() || end != text->data() + text->size() || limit == 0) {
    if (error == std::errc::result_out_of_range) return limits.max_limit;
    return Status::InvalidArgument(fmt::format("limit must be a whole number from 1, not '{}'", *text));
  }
  return std::min(limit, limits.max_limit);
}

Status CheckParameterNames(const http::Fields& query, std::span<const std::string_view> known) {
  for (const auto& [key, value] : query) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (known.empty())
      return Status::InvalidArgument(fmt::format("unknown query parameter '{}': none is taken here", key));
    return Status::InvalidArgument(fmt::format("unknown query parameter '{}'; known: {}", key, fmt::join(known, ", ")));
  }
  return Status::Ok();
}

Result<SearchRequest> ParseSearch(const http::Fields& query, const PageLimits& limits, share::Community& community) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(query, kParameters));
  store::ListQuery list;
  list.versions.last = true;
  list.types = ListParameter(query, "type");
  for (const std::string& type : list.types) {
    if (!IsTypeName(type)) {
      return Status::InvalidArgument(
          fmt::format("type '{}' is not a STIX type name (3-250 characters of a-z, 0-9 and '-')", type));
    }
  }
  for (std::string name : ListParameter(query, "tlp")) {
    // In a query string '+' is a space, so a client writing tlp=amber+strict sends "amber strict".
    std::replace(name.begin(), name.end(), ' ', '+');
    std::optional<share::Tlp> tlp = share::ParseTlp(name);
    if (!tlp) {
      return Status::InvalidArgument(
          fmt::format("tlp must be clear, green, amber, amber+strict or red, not '{}'", name));
    }
    list.label_levels |= 1u << static_cast<int>(*tlp);
  }
  KENES_ASSIGN_OR_RETURN(list.created_by_ref, AuthorParameter(query, community));
  KENES_ASSIGN_OR_RETURN(list.added_after, TimeParameter(query, "added_after"));
  KENES_ASSIGN_OR_RETURN(list.added_before, TimeParameter(query, "added_before"));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> text, SingleParameter(query, "q"));
  list.text = text.value_or("");
  if (list.text.size() > kMaxTextBytes) {
    return Status::InvalidArgument(fmt::format("q may be at most {} bytes long", kMaxTextBytes));
  }
  KENES_ASSIGN_OR_RETURN(list.limit, LimitParameter(query, limits));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> cursor, SingleParameter(query, "cursor"));
  list.cursor = cursor.value_or("");
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> facets, SingleParameter(query, "facets"));
  if (facets && *facets != "true" && *facets != "false") {
    return Status::InvalidArgument(fmt::format("facets must be true or false, not '{}'", *facets));
  }
  return SearchRequest{std::move(list), facets == "true"};
}

}  // namespace kenes::rest
