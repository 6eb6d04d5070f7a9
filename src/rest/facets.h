// Facets: how a search's whole result set divides by type, TLP level and
// author, so the web UI can offer its filters with counts.
//
// Counted from the same store query as the search (so from visible objects
// only, as the search itself), page by page without the objects' text, and
// bounded: past `max_versions` the counts stop and say they are incomplete.
//
// Thread-safety: as the store; the result is a plain value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace kenes::rest {

struct FacetCounts {
  std::map<std::string, int64_t> type;
  std::map<std::string, int64_t> tlp;     // "clear" ... "red", or "none" for objects without a TLP marking
  std::map<std::string, int64_t> author;  // created_by_ref, or "none"
  bool complete = true;                   // false: more than max_versions matched
};

// The facets of what `query` (its filters and viewer; not its cursor or limit) selects.
Result<FacetCounts> CountFacets(store::Store& store, store::ListQuery query, size_t max_versions);

// Appends {"type": {...}, "tlp": {...}, "author": {...}, "complete": bool}.
void AppendFacets(std::string& out, const FacetCounts& facets);

}  // namespace kenes::rest
