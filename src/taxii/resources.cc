#include "taxii/resources.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "taxii/media_types.h"

namespace kenes::taxii {
namespace {

// Appends "title" and "description" members (description left out when empty).
void AppendTitled(std::string& out, std::string_view title, std::string_view description) {
  out += "\"title\":";
  AppendJsonString(out, title);
  if (!description.empty()) {
    out += ",\"description\":";
    AppendJsonString(out, description);
  }
}

// `{"more":..,"next":..,"<name>":[items]}`; `append` writes one item.
template <typename Append>
std::string PagedJson(const store::Page& page, std::string_view name, Append append) {
  std::string out = page.more ? "{\"more\":true,\"next\":" + JsonString(page.cursor) : "{\"more\":false";
  // One allocation for the whole page: objects are their JSON, manifest records about 200 bytes.
  size_t size = out.size() + 16;
  for (const store::StoredVersion& version : page.versions) size += version.json.size() + 200;
  out.reserve(size);
  if (!page.versions.empty()) {
    out += fmt::format(",\"{}\":[", name);
    for (size_t i = 0; i < page.versions.size(); ++i) {
      if (i > 0) out += ',';
      append(out, page.versions[i]);
    }
    out += ']';
  }
  out += '}';
  return out;
}

// `,"<count_name>_count":n,"<name>":[details]`, the list left out when empty.
void AppendDetails(std::string& out, std::string_view count_name, std::string_view name,
                   const std::vector<StatusDetail>& details) {
  out += fmt::format(",\"{}_count\":{}", count_name, details.size());
  if (details.empty()) return;
  out += fmt::format(",\"{}\":[", name);
  for (size_t i = 0; i < details.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"id\":";
    AppendJsonString(out, details[i].id);
    out += ",\"version\":";
    AppendJsonString(out, details[i].version);
    if (!details[i].message.empty()) {
      out += ",\"message\":";
      AppendJsonString(out, details[i].message);
    }
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string TaxiiTimestamp(const Timestamp& timestamp) { return FormatTimestamp(timestamp, 6); }

std::string VersionText(const store::StoredVersion& version) {
  if (!version.version) return TaxiiTimestamp(version.date_added);
  return FormatTimestamp(*version.version, version.version->fraction_digits);
}

std::string DiscoveryJson(std::string_view title, std::string_view description, std::string_view api_root) {
  std::string out = "{";
  AppendTitled(out, title, description);
  out += ",\"default\":" + JsonString(api_root) + ",\"api_roots\":[" + JsonString(api_root) + "]}";
  return out;
}

std::string ApiRootJson(std::string_view title, std::string_view description, size_t max_content_length) {
  std::string out = "{";
  AppendTitled(out, title, description);
  out += fmt::format(",\"versions\":[{}],\"max_content_length\":{}}}", JsonString(kTaxiiMediaType), max_content_length);
  return out;
}

std::string CollectionJson(const Collection& collection) {
  std::string out = "{\"id\":" + JsonString(collection.id) + ",";
  AppendTitled(out, collection.title, collection.description);
  out +=
      fmt::format(",\"alias\":{},\"can_read\":{},\"can_write\":{},\"media_types\":[{}]}}", JsonString(collection.alias),
                  collection.can_read, collection.can_write, JsonString(kStixMediaType));
  return out;
}

std::string CollectionsJson(std::span<const Collection> collections) {
  if (collections.empty()) return "{}";
  std::string out = "{\"collections\":[";
  for (size_t i = 0; i < collections.size(); ++i) {
    if (i > 0) out += ',';
    out += CollectionJson(collections[i]);
  }
  out += "]}";
  return out;
}

std::string EnvelopeJson(const store::Page& page) {
  return PagedJson(page, "objects", [](std::string& out, const store::StoredVersion& version) { out += version.json; });
}

std::string ManifestJson(const store::Page& page) {
  return PagedJson(page, "objects", [](std::string& out, const store::StoredVersion& version) {
    out += "{\"id\":" + JsonString(version.id) + ",\"date_added\":" + JsonString(TaxiiTimestamp(version.date_added)) +
           ",\"version\":" + JsonString(VersionText(version)) + ",\"media_type\":" + JsonString(kStixMediaType) + "}";
  });
}

std::string VersionsJson(const store::Page& page) {
  return PagedJson(page, "versions", [](std::string& out, const store::StoredVersion& version) {
    AppendJsonString(out, VersionText(version));
  });
}

std::string StatusJson(const StatusReport& report) {
  std::string out =
      fmt::format(R"({{"id":{},"status":"complete","request_timestamp":{},"total_count":{})", JsonString(report.id),
                  JsonString(TaxiiTimestamp(report.request_timestamp)), report.total);
  AppendDetails(out, "success", "successes", report.successes);
  AppendDetails(out, "failure", "failures", report.failures);
  out += ",\"pending_count\":0}";
  return out;
}

std::string ErrorJson(int http_status, std::string_view title, std::string_view description) {
  std::string out = "{";
  AppendTitled(out, title, description);
  out += fmt::format(",\"http_status\":\"{}\"}}", http_status);
  return out;
}

}  // namespace kenes::taxii
