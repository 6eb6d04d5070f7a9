// RequestFilters: the URL parameters TAXII 2.1 defines for reading a
// collection, turned into a store query.
//
//   added_after=<timestamp>        date_added strictly after it
//   limit=<n>                      at most n per page (1..; capped by the server)
//   next=<text>                    the `next` of the previous page
//   match[id]=<id>[,<id>...]       any of these ids
//   match[type]=<type>[,...]       any of these types
//   match[version]=<v>[,...]       "first", "last", "all" or version timestamps; default "last"
//   match[spec_version]=<v>[,...]  any of these STIX versions; default: any
//
// A parameter may repeat; its values then add up (OR), as comma-separated
// ones do. Parameters an endpoint does not take, and unknown ones, are
// ignored, as the specification asks. A malformed value is InvalidArgument
// naming the parameter.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>

#include "base/status.h"
#include "http/message.h"
#include "store/store.h"

namespace kenes::taxii {

// Which parameters an endpoint takes.
struct FilterSet {
  bool paging = true;        // added_after, limit, next
  bool id_and_type = false;  // match[id], match[type]
  bool version = true;       // match[version] (without it: the latest version only)
};

struct PageSizes {
  size_t default_size = 100;
  size_t max_size = 1000;
};

// Adds to `query` what `request`'s parameters ask for.
Status ApplyFilters(const http::Request& request, const FilterSet& filters, const PageSizes& sizes,
                    store::ListQuery& query);

// The version selection of match[version] alone (for DELETE, which takes no
// paging); every version when the parameter is absent.
Result<store::VersionMatch> VersionsToDelete(const http::Request& request);

// The values of match[spec_version], empty when absent.
std::vector<std::string> SpecVersions(const http::Request& request);

}  // namespace kenes::taxii
