// Resources: the JSON text of the TAXII 2.1 resources Kenes serves
// (discovery, API root, collections, envelope, manifest, versions, status,
// error message), written straight from store values.
//
// Times are written with microseconds, the resolution of the store's
// date_added, so a client's added_after from a header never skips a
// version added in the same millisecond. A version is written as its
// `modified` (else `created`) exactly as precise as the producer wrote it;
// an observable, which has neither, has its date_added as version, as the
// specification says.
//
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/timestamp.h"
#include "store/store.h"
#include "taxii/collections.h"

namespace kenes::taxii {

// A timestamp as TAXII resources and headers carry it.
std::string TaxiiTimestamp(const Timestamp& timestamp);
// The TAXII version of a stored version (see above).
std::string VersionText(const store::StoredVersion& version);

std::string DiscoveryJson(std::string_view title, std::string_view description, std::string_view api_root);
std::string ApiRootJson(std::string_view title, std::string_view description, size_t max_content_length);
std::string CollectionJson(const Collection& collection);
std::string CollectionsJson(std::span<const Collection> collections);

// An envelope of `page`'s objects; a manifest of its versions; a versions
// resource of its version texts. `more` and `next` (the page's cursor, set
// only when there is more) as the page says.
std::string EnvelopeJson(const store::Page& page);
std::string ManifestJson(const store::Page& page);
std::string VersionsJson(const store::Page& page);

// One entry of a status resource's successes or failures.
struct StatusDetail {
  std::string id;
  std::string version;
  std::string message;  // empty: none
};

struct StatusReport {
  std::string id;
  Timestamp request_timestamp;
  size_t total = 0;
  std::vector<StatusDetail> successes;
  std::vector<StatusDetail> failures;
};

// The status resource of a POST that was completely processed.
std::string StatusJson(const StatusReport& report);

// The error message resource.
std::string ErrorJson(int http_status, std::string_view title, std::string_view description);

}  // namespace kenes::taxii
