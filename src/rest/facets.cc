#include "rest/facets.h"

#include <algorithm>

#include "rest/json_members.h"
#include "rest/object_json.h"

namespace kenes::rest {
namespace {

constexpr size_t kPageSize = 1000;

void AppendCounts(std::string& out, std::string_view name, const std::map<std::string, int64_t>& counts) {
  AppendKey(out, name);
  out += '{';
  for (const auto& [key, count] : counts) AppendRawMember(out, key, std::to_string(count));
  out += '}';
}

}  // namespace

Result<FacetCounts> CountFacets(store::Store& store, store::ListQuery query, size_t max_versions) {
  FacetCounts facets;
  query.cursor.clear();
  query.with_json = false;
  size_t counted = 0;
  while (true) {
    query.limit = std::min(kPageSize, max_versions - counted);
    KENES_ASSIGN_OR_RETURN(store::Page page, store.List(query));
    for (const store::StoredVersion& version : page.versions) {
      ++facets.type[version.type];
      std::optional<share::Tlp> tlp = TlpOf(version);
      ++facets.tlp[tlp ? TlpParameterName(*tlp) : "none"];
      ++facets.author[version.created_by_ref.empty() ? "none" : version.created_by_ref];
    }
    counted += page.versions.size();
    if (!page.more) return facets;
    if (counted >= max_versions) {
      facets.complete = false;
      return facets;
    }
    query.cursor = page.cursor;
  }
}

void AppendFacets(std::string& out, const FacetCounts& facets) {
  out += '{';
  AppendCounts(out, "type", facets.type);
  AppendCounts(out, "tlp", facets.tlp);
  AppendCounts(out, "author", facets.author);
  AppendBoolMember(out, "complete", facets.complete);
  out += '}';
}

}  // namespace kenes::rest
