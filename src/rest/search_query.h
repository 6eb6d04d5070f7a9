// SearchQuery: the query parameters of GET /api/v1/objects as the store
// query that answers them.
//
//   type          object types, repeatable or comma-separated ("indicator,malware")
//   author        created_by_ref: an identity id or an organisation's code ("KZ")
//   tlp           TLP levels, repeatable or comma-separated (clear, green, amber, amber+strict, red;
//                 "amber strict" too, which is what an unescaped '+' in a query string means)
//   added_after   RFC 3339; versions the node added strictly after it
//   added_before  RFC 3339; versions the node added at or before it
//   q             full text over name, description and aliases: every word must occur
//   limit         objects per page (default and maximum from PageLimits; larger is cut down)
//   cursor        the "next" of the previous page
//   facets        true: also count the whole result set by type, TLP and author (facets.h)
//
// The query asks for the latest version of each id the reader may see; the
// caller sets the viewer. Anything else, a parameter given twice where one
// is expected, or a value that cannot be read is InvalidArgument naming the
// parameter. Thread-safe as the Community.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "http/message.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::rest {

// How many items a page holds when the request does not say, and at most.
struct PageLimits {
  size_t default_limit = 50;
  size_t max_limit = 500;
};

struct SearchRequest {
  store::ListQuery query;
  bool facets = false;
};

// Reads `query`; organisation codes given as author are looked up in `community`.
Result<SearchRequest> ParseSearch(const http::Fields& query, const PageLimits& limits, share::Community& community);

// For other endpoints' parameters, with the same words for the same mistakes:

// InvalidArgument naming the first parameter of `query` that is not in `known`.
Status CheckParameterNames(const http::Fields& query, std::span<const std::string_view> known);
// The single value of `name`, nullopt when absent; InvalidArgument when repeated.
Result<std::optional<std::string>> SingleParameter(const http::Fields& query, std::string_view name);
// `name` as an RFC 3339 timestamp, nullopt when absent.
Result<std::optional<Timestamp>> TimeParameter(const http::Fields& query, std::string_view name);
// "limit": a whole number from 1, default and maximum from `limits`.
Result<size_t> LimitParameter(const http::Fields& query, const PageLimits& limits);

}  // namespace kenes::rest
