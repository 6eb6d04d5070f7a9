#include "taxii/service.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "ingest/importer.h"
#include "share/audit_log.h"
#include "share/read_audit.h"
#include "share/write_labeller.h"
#include "stix/random_id.h"
#include "taxii/media_types.h"
#include "taxii/resources.h"

namespace kenes::taxii {
namespace {

http::Response TaxiiResponse(int status, std::string body) {
  return http::MakeResponse(status, std::string(kTaxiiMediaType), std::move(body));
}

http::Response TaxiiError(int status, std::string_view title, std::string_view description) {
  return TaxiiResponse(status, ErrorJson(status, title, description));
}

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kResourceExhausted: return 413;
    default: return 500;
  }
}

http::Response ErrorFromStatus(const Status& status) {
  int code = HttpStatusOf(status.code());
  return TaxiiError(code, http::ReasonPhrase(code), status.message());
}

// What every request must have: a principal, and an Accept the answer meets.
std::optional<http::Response> Refusal(const http::Request& request) {
  if (!request.principal) return TaxiiError(401, "Unauthorized", "this endpoint needs credentials");
  if (!AcceptsTaxii(request.Header("Accept"))) {
    return TaxiiError(
        406, "Not Acceptable",
        fmt::format("the Accept header must admit {}; it says '{}'", kTaxiiMediaType, request.Header("Accept")));
  }
  return std::nullopt;
}

// The collection a request names, with what its principal may see.
struct OpenedCollection {
  Collection collection;
  std::optional<store::Viewer> viewer;
};

Result<OpenedCollection> OpenCollection(share::Community& community, share::ViewerCache& viewers,
                                        const http::Request& request) {
  KENES_ASSIGN_OR_RETURN(Collection collection,
                         FindCollection(community, *request.principal, request.Param("collection")));
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, viewers.ViewerOf(*request.principal));
  return OpenedCollection{std::move(collection), std::move(viewer)};
}

void SetDateAddedHeaders(const store::Page& page, http::Response& response) {
  if (page.versions.empty()) return;
  response.SetHeader("X-TAXII-Date-Added-First", TaxiiTimestamp(page.versions.front().date_added));
  response.SetHeader("X-TAXII-Date-Added-Last", TaxiiTimestamp(page.versions.back().date_added));
}

std::string NoObject(const http::Request& request) {
  return fmt::format("no object {} in collection {}", request.Param("object"), request.Param("collection"));
}

// Sets `objects` to the text of the envelope's "objects" list, or returns
// why the body is refused: 400 when it is not JSON, 422 when it is JSON but
// not an envelope.
std::optional<http::Response> ReadEnvelope(const simdjson::padded_string& body, simdjson::ondemand::parser& parser,
                                           std::string_view& objects) {
  simdjson::dom::parser validator;
  simdjson::dom::element envelope;
  if (auto error = validator.parse(body).get(envelope)) {
    return TaxiiError(400, "Bad Request", fmt::format("the body is not JSON: {}", simdjson::error_message(error)));
  }
  simdjson::dom::array list;
  if (!envelope.is_object() || envelope["objects"].get(list) != simdjson::SUCCESS) {
    return TaxiiError(422, "Unprocessable Content",
                      "the body must be a TAXII envelope: an object whose \"objects\" is a list of STIX objects");
  }
  simdjson::ondemand::document document;
  simdjson::ondemand::array items;
  if (parser.iterate(body).get(document) != simdjson::SUCCESS ||
      document.find_field_unordered("objects").get_array().get(items) != simdjson::SUCCESS ||
      items.raw_json().get(objects) != simdjson::SUCCESS) {
    return TaxiiError(400, "Bad Request", "the envelope's objects could not be read");
  }
  return std::nullopt;
}

std::string OutcomeVersion(const ingest::ObjectOutcome& outcome, const Timestamp& request_time) {
  if (outcome.version) return FormatTimestamp(*outcome.version, outcome.version->fraction_digits);
  return TaxiiTimestamp(outcome.date_added.value_or(request_time));
}

StatusReport ReportOf(std::vector<ingest::ObjectOutcome> outcomes, const Timestamp& request_time) {
  std::stable_sort(outcomes.begin(), outcomes.end(),
                   [](const ingest::ObjectOutcome& a, const ingest::ObjectOutcome& b) { return a.index < b.index; });
  StatusReport report;
  report.id = stix::RandomUuid();
  report.request_timestamp = request_time;
  report.total = outcomes.size();
  for (ingest::ObjectOutcome& outcome : outcomes) {
    StatusDetail detail{std::move(outcome.id), OutcomeVersion(outcome, request_time), std::move(outcome.message)};
    switch (outcome.kind) {
      case ingest::ObjectOutcome::Kind::kStored: report.successes.push_back(std::move(detail)); break;
      case ingest::ObjectOutcome::Kind::kDuplicate:
        detail.message = "already stored";
        report.successes.push_back(std::move(detail));
        break;
      case ingest::ObjectOutcome::Kind::kInvalid:
      case ingest::ObjectOutcome::Kind::kRefused: report.failures.push_back(std::move(detail)); break;
    }
  }
  return report;
}

}  // namespace

Service::Service(store::Store& store, share::Community& community, ServiceOptions options)
    : store_(store),
      community_(community),
      options_(std::move(options)),
      viewers_(community),
      statuses_(options_.status_capacity, options_.status_retention,
                options_.clock != nullptr ? *options_.clock : store::SystemClock()) {}

void Service::Register(http::Router& router) {
  using http::Method;
  const std::string root(kApiRoot);
  const std::string collection = root + "collections/{collection}/";
  const std::string object = collection + "objects/{object}/";
  auto add = [&](Method method, std::string pattern, http::Response (Service::*handler)(const http::Request&)) {
    router.Add(method, std::move(pattern), http::Auth::kRequired,
               [this, handler](http::Request& request) { return (this->*handler)(request); });
  };
  add(Method::kGet, std::string(kDiscoveryPath), &Service::Discovery);
  add(Method::kGet, root, &Service::ApiRoot);
  add(Method::kGet, root + "status/{status}/", &Service::StatusResource);
  add(Method::kGet, root + "collections/", &Service::Collections);
  add(Method::kGet, collection, &Service::OneCollection);
  add(Method::kGet, collection + "manifest/", &Service::Manifest);
  add(Method::kGet, collection + "objects/", &Service::Objects);
  add(Method::kPost, collection + "objects/", &Service::AddObjects);
  add(Method::kGet, object, &Service::Object);
  add(Method::kDelete, object, &Service::DeleteObject);
  add(Method::kGet, object + "versions/", &Service::Versions);
  router.SetErrorRenderer(std::string(kDiscoveryPath), TaxiiError);
}

http::Response Service::Discovery(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  return TaxiiResponse(200, DiscoveryJson(options_.title, options_.description, kApiRoot));
}

http::Response Service::ApiRoot(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  return TaxiiResponse(200, ApiRootJson(options_.title, options_.description, options_.max_content_length));
}

http::Response Service::StatusResource(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  std::optional<std::string> status = statuses_.Find(request.Param("status"), *request.principal);
  if (!status) return TaxiiError(404, "Not Found", fmt::format("no status {}", request.Param("status")));
  return TaxiiResponse(200, std::move(*status));
}

http::Response Service::Collections(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  Result<std::vector<Collection>> collections = CollectionsOf(community_, *request.principal);
  if (!collections.ok()) return ErrorFromStatus(collections.status());
  return TaxiiResponse(200, CollectionsJson(*collections));
}

http::Response Service::OneCollection(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  Result<Collection> collection = FindCollection(community_, *request.principal, request.Param("collection"));
  if (!collection.ok()) return ErrorFromStatus(collection.status());
  return TaxiiResponse(200, CollectionJson(*collection));
}

http::Response Service::Objects(const http::Request& request) {
  return ReadPage(request, FilterSet{true, true, true}, false, true, EnvelopeJson);
}

http::Response Service::Manifest(const http::Request& request) {
  return ReadPage(request, FilterSet{true, true, true}, false, false, ManifestJson);
}

http::Response Service::Object(const http::Request& request) {
  return ReadPage(request, FilterSet{true, false, true}, true, true, EnvelopeJson);
}

http::Response Service::Versions(const http::Request& request) {
  return ReadPage(request, FilterSet{true, false, false}, true, false, VersionsJson);
}

http::Response Service::ReadPage(const http::Request& request, const FilterSet& filters, bool one_object,
                                 bool with_json, const std::function<std::string(const store::Page&)>& render) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  Result<OpenedCollection> opened = OpenCollection(community_, viewers_, request);
  if (!opened.ok()) return ErrorFromStatus(opened.status());
  store::ListQuery query = CollectionQuery(opened->collection, opened->viewer);
  if (Status applied = ApplyFilters(request, filters, options_.page_sizes, query); !applied.ok()) {
    return ErrorFromStatus(applied);
  }
  if (one_object) query.ids = {std::string(request.Param("object"))};
  query.with_json = with_json;
  Result<store::Page> page = store_.List(query);
  if (!page.ok()) {
    if (page.status().code() == StatusCode::kInvalidArgument) {
      return TaxiiError(400, "Bad Request",
                        fmt::format("next is not the value of an earlier page's next: {}", page.status().message()));
    }
    return ErrorFromStatus(page.status());
  }
  // One object that shows no version at all does not exist for this reader;
  // a later page of it (next given) is just empty.
  if (one_object && page->versions.empty() && query.cursor.empty()) {
    return TaxiiError(404, "Not Found", NoObject(request));
  }
  if (with_json) {
    Status audited = share::AuditSensitiveReads(community_.audit(), *request.principal, page->versions,
                                                fmt::format("taxii {}", request.path));
    if (!audited.ok()) return ErrorFromStatus(Status::Internal("the read could not be audited, so nothing is shown"));
  }
  http::Response response = TaxiiResponse(200, render(*page));
  SetDateAddedHeaders(*page, response);
  return response;
}

http::Response Service::AddObjects(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  const Timestamp request_time = Now();
  // Writing needs no viewer: the labeller decides about each object.
  Result<Collection> found = FindCollection(community_, *request.principal, request.Param("collection"));
  if (!found.ok()) return ErrorFromStatus(found.status());
  const Collection& collection = *found;
  if (!collection.can_write) {
    return TaxiiError(403, "Forbidden", fmt::format("you may not write to collection {}", collection.id));
  }
  if (!IsTaxiiContentType(request.Header("Content-Type"))) {
    return TaxiiError(415, "Unsupported Media Type",
                      fmt::format("POST a TAXII envelope as {}; the Content-Type says '{}'", kTaxiiMediaType,
                                  request.Header("Content-Type")));
  }
  if (request.body.size() > options_.max_content_length) {
    return TaxiiError(413, "Content Too Large",
                      fmt::format("the body has {} bytes; this API root takes at most {} (max_content_length)",
                                  request.body.size(), options_.max_content_length));
  }
  simdjson::padded_string body(request.body);
  simdjson::ondemand::parser parser;
  std::string_view objects;
  if (std::optional<http::Response> refused = ReadEnvelope(body, parser, objects)) return *refused;

  const share::Principal& principal = *request.principal;
  Result<share::LabelDefaults> defaults = WriteDefaults(community_, principal, collection);
  if (!defaults.ok()) return ErrorFromStatus(defaults.status());
  Result<share::WriteLabel> labeller = share::WriteLabeller(store_, community_, principal, *defaults);
  if (!labeller.ok()) return ErrorFromStatus(labeller.status());
  std::vector<ingest::ObjectOutcome> outcomes;
  ingest::ImportOptions import_options;
  import_options.label = std::move(labeller).value();
  import_options.on_outcome = [&outcomes](const ingest::ObjectOutcome& outcome) { outcomes.push_back(outcome); };
  import_options.on_batch = options_.on_batch;
  ingest::Importer importer(&store_, std::move(import_options), {});
  Status imported = importer.ImportBuffer(objects, "envelope");
  if (imported.ok()) imported = importer.Finish();
  const ingest::ImportTotals& totals = importer.totals();
  if (options_.on_stored) options_.on_stored(totals.stored);

  share::AuditEvent event;
  event.actor = principal;
  event.action = "object.write";
  event.target = collection.id;
  event.outcome = imported.ok() && totals.AllAccepted() ? share::AuditOutcome::kOk : share::AuditOutcome::kFailed;
  event.detail =
      fmt::format("taxii POST to collection {}: {} read, {} stored, {} already stored, {} invalid, {} refused",
                  collection.alias, totals.read, totals.stored, totals.duplicates, totals.invalid, totals.refused);
  if (!imported.ok()) event.detail += "; storing failed: " + imported.message();
  Status audited = community_.audit().Record(event);
  if (!imported.ok()) return ErrorFromStatus(Status::Internal("storing failed: " + imported.message()));
  if (!audited.ok()) {
    return ErrorFromStatus(Status::Internal(
        "the objects were processed, but the audit log could not record the write: " + audited.message()));
  }
  StatusReport report = ReportOf(std::move(outcomes), request_time);
  std::string json = StatusJson(report);
  statuses_.Add(report.id, principal, json);
  return TaxiiResponse(202, std::move(json));
}

http::Response Service::DeleteObject(const http::Request& request) {
  if (std::optional<http::Response> refused = Refusal(request)) return *refused;
  Result<OpenedCollection> opened = OpenCollection(community_, viewers_, request);
  if (!opened.ok()) return ErrorFromStatus(opened.status());
  Result<store::VersionMatch> match = VersionsToDelete(request);
  if (!match.ok()) return ErrorFromStatus(match.status());
  std::vector<std::string> spec_versions = SpecVersions(request);
  const std::string id(request.Param("object"));

  // Only what the user can see in this collection can be deleted: anything
  // else reads as unknown, before any question of permission.
  store::ListQuery visible = CollectionQuery(opened->collection, opened->viewer);
  visible.ids = {id};
  visible.versions = *match;
  visible.spec_versions = spec_versions;
  visible.with_json = false;
  visible.limit = 1;
  Result<store::Page> page = store_.List(visible);
  if (!page.ok()) return ErrorFromStatus(page.status());
  if (page->versions.empty()) return TaxiiError(404, "Not Found", NoObject(request));

  const share::Principal& principal = *request.principal;
  share::AuditEvent event;
  event.actor = principal;
  event.action = "object.delete";
  event.target = id;
  if (!opened->collection.can_write) {
    event.outcome = share::AuditOutcome::kDenied;
    event.detail = fmt::format("taxii DELETE in collection {}, which the user may not write", opened->collection.alias);
    community_.audit().Record(event);
    return TaxiiError(403, "Forbidden", fmt::format("you may not delete from collection {}", opened->collection.id));
  }
  // Users delete their organisation's versions only: a viewer with the
  // organisation as author and no grants sees just those.
  std::optional<store::Viewer> own;
  if (principal.role != share::Role::kAdmin) own = store::Viewer{principal.organisation, {}};
  Result<size_t> deleted = store_.Delete(id, *match, spec_versions, own ? &*own : nullptr);
  if (!deleted.ok() && deleted.status().code() != StatusCode::kNotFound) return ErrorFromStatus(deleted.status());
  event.outcome = deleted.ok() ? share::AuditOutcome::kOk : share::AuditOutcome::kDenied;
  event.detail = deleted.ok()
                     ? fmt::format("taxii DELETE in collection {}: {} versions", opened->collection.alias, *deleted)
                     : fmt::format(
                           "taxii DELETE in collection {}: none of the selected versions is the "
                           "user's organisation's",
                           opened->collection.alias);
  if (Status audited = community_.audit().Record(event); !audited.ok()) {
    return ErrorFromStatus(Status::Internal("the delete could not be audited: " + audited.message()));
  }
  if (!deleted.ok()) {
    return TaxiiError(403, "Forbidden",
                      fmt::format("your organisation authored none of the selected versions of {}; only their "
                                  "author may delete them",
                                  id));
  }
  if (options_.on_deleted) options_.on_deleted(id);
  http::Response response;
  response.status = 200;
  return response;
}

}  // namespace kenes::taxii
