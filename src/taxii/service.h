// Service: Kenes' TAXII 2.1 server side, as routes on the node's router.
//
// One API root, /taxii2/kenes/, listed by the discovery resource at
// /taxii2/. Under it, every endpoint of TAXII 2.1 (OASIS Standard, 10 June
// 2021): the API root information, status resources, the collections of the
// requesting user (collections.h says which and what they mean), and each
// collection's objects (GET, POST), manifest, one object (GET, DELETE) and
// its versions. Every route needs an authenticated principal (the server
// answers 401 before a handler runs); requests and responses use
// application/taxii+json;version=2.1 (media_types.h); every error, the
// router's and the server's under /taxii2/ included, is an error message
// resource.
//
// What a request may see is decided in the store query, with the viewer
// of the user's organisation (share/access_viewer.h), so pages, `more`,
// `next`, the X-TAXII-Date-Added-First/Last headers and 404s cover visible
// versions only: a hidden object, and a collection the user does not have,
// read exactly like unknown ones (404). 403 is only for what the user can
// see but may not do: write to a collection whose can_write is false, or
// delete versions another organisation authored.
//
// Choices the specification leaves open:
//  - match[version] defaults to "last" on reads and to every version on
//    DELETE. Its timestamps select by `modified` (else `created`); an
//    observable, whose version is its date_added, is selected by first,
//    last or all. Without match[spec_version] every STIX version is
//    returned (the specification asks for the latest spec_version of each
//    object; Kenes keeps 2.1, and 2.0 only from 2.0 bundles, so an object
//    rarely has both).
//  - POST processes the envelope before answering: the 202 carries a
//    status resource that is already "complete", with one success (id,
//    version; "already stored" for duplicates) or failure (id, version,
//    why) per object. A bad object never sinks the good ones. Objects go
//    through the same importer and sharing rules as `kenes import`; an
//    object without a version of its own (an observable) that is not
//    stored has the request time as version. Status resources are kept in
//    memory (options: how many, how long) and read only by the POSTing
//    organisation (and admins).
//  - A body that is not JSON is 400; JSON that is not an envelope (no
//    "objects" list) is 422; over max_content_length, 413.
//  - DELETE needs a collection the user may write and an object visible in
//    it (else 403 / 404); it then removes the selected versions of that id
//    the user's organisation authored, whichever collection shows them
//    (admins: any author's); when the organisation authored none, 403.
//  - Every POST and DELETE is audited ("object.write", "object.delete"), and
//    every response carrying TLP:AMBER or TLP:RED objects is audited before
//    it is sent ("object.read").
//
// The discovery resource lists the API root by its path ("/taxii2/kenes/"):
// the node does not know the scheme and host its clients reach it by.
//
// Thread-safety: Register once, then handlers run on any number of threads.
// The store and community must outlive the Service.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "http/router.h"
#include "ingest/importer.h"
#include "share/community.h"
#include "share/viewer_cache.h"
#include "store/clock.h"
#include "store/store.h"
#include "taxii/collections.h"
#include "taxii/request_filters.h"
#include "taxii/status_registry.h"

namespace kenes::taxii {

struct ServiceOptions {
  size_t max_content_length = 64 << 20;  // bytes of a POST body; tell the server's body limit
  PageSizes page_sizes;                  // objects per page: default 100, at most 1000
  size_t status_capacity = 10000;        // status resources kept
  std::chrono::seconds status_retention = std::chrono::hours(24);
  std::function<void(size_t stored)> on_stored;              // after each POST, the new versions stored (metrics)
  std::function<void(const ingest::StoredBatch&)> on_batch;  // each stored batch (sightings, correlation)
  // After a DELETE removed versions of an object (the correlation index and the hunter forget them).
  std::function<void(std::string_view id)> on_deleted;
  std::string title = "Kenes";
  std::string description = "Kenes threat-intelligence sharing node";
  store::Clock* clock = nullptr;  // for status retention; nullptr: the system clock
};

class Service {
 public:
  static constexpr std::string_view kDiscoveryPath = "/taxii2/";
  static constexpr std::string_view kApiRoot = "/taxii2/kenes/";

  Service(store::Store& store, share::Community& community, ServiceOptions options);

  // Adds every TAXII route and the TAXII error renderer for "/taxii2/".
  void Register(http::Router& router);

 private:
  http::Response Discovery(const http::Request& request);
  http::Response ApiRoot(const http::Request& request);
  http::Response StatusResource(const http::Request& request);
  http::Response Collections(const http::Request& request);
  http::Response OneCollection(const http::Request& request);
  http::Response Objects(const http::Request& request);
  http::Response Manifest(const http::Request& request);
  http::Response AddObjects(const http::Request& request);
  http::Response Object(const http::Request& request);
  http::Response DeleteObject(const http::Request& request);
  http::Response Versions(const http::Request& request);

  // Reads one page of a collection for Objects, Manifest, Object and
  // Versions, and renders it with `render`.
  http::Response ReadPage(const http::Request& request, const FilterSet& filters, bool one_object, bool with_json,
                          const std::function<std::string(const store::Page&)>& render);

  store::Store& store_;
  share::Community& community_;
  const ServiceOptions options_;
  share::ViewerCache viewers_;
  StatusRegistry statuses_;
};

}  // namespace kenes::taxii
