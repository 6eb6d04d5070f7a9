// MediaTypes: the one media type TAXII 2.1 speaks, and how requests name it.
//
// Every TAXII 2.1 resource, envelopes of STIX objects included, travels as
// application/taxii+json;version=2.1; the objects inside are
// application/stix+json;version=2.1. A client may leave out the version
// parameter (it then means the latest, 2.1). Requests whose Accept admits
// none of these get 406; POSTs whose Content-Type is not it get 415.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace kenes::taxii {

inline constexpr std::string_view kTaxiiMediaType = "application/taxii+json;version=2.1";
inline constexpr std::string_view kStixMediaType = "application/stix+json;version=2.1";

// True when an Accept header admits kTaxiiMediaType: absent or empty (RFC
// 9110: anything), "*/*", "application/*" or application/taxii+json without
// a version or with version=2.1, at a quality above zero.
bool AcceptsTaxii(std::string_view accept);

// True when a Content-Type names application/taxii+json with version 2.1
// or no version (other parameters, e.g. charset=utf-8, are allowed).
bool IsTaxiiContentType(std::string_view content_type);

}  // namespace kenes::taxii
