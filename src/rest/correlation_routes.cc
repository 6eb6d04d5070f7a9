// Api's routes over the correlation index: who holds a value, and who
// holds the values an object holds. The index knows every organisation's
// holdings; these routes show the caller only what it may see: an object
// the caller's organisation may not see appears as "organisation X holds a
// match", never with its id, type or content, and once per organisation
// however many such objects it has.
#include <fmt/format.h>

#include <array>
#include <set>

#include "correlate/correlator.h"
#include "correlate/object_keys.h"
#include "rest/api.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/object_json.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

constexpr std::string_view kPersonName = "person-name";

// A holding as the caller may see it.
struct ShownHolding {
  std::string organisation;
  std::optional<store::StoredVersion> object;  // none: hidden from the caller
  std::optional<double> score;                 // persons: the name matcher's score
};

void AppendHoldings(std::string& out, const std::vector<ShownHolding>& holdings) {
  AppendKey(out, "holdings");
  out += '[';
  for (const ShownHolding& holding : holdings) {
    if (out.back() != '[') out += ',';
    out += '{';
    AppendStringMember(out, "organisation", holding.organisation);
    AppendBoolMember(out, "visible", holding.object.has_value());
    if (holding.object) {
      AppendStringMember(out, "object_id", holding.object->id);
      AppendStringMember(out, "type", holding.object->type);
    }
    if (holding.score) {
      AppendKey(out, "score");
      out += fmt::format("{:.3f}", *holding.score);
    }
    out += '}';
  }
  out += ']';
}

void AppendKeyMembers(std::string& out, const observable::CorrelationKey& key) {
  AppendStringMember(out, "kind", key.kind);
  AppendStringMember(out, "value", key.value);
}

Status NotRunning() { return Status::IoError("the correlation index is not running on this node"); }

using Scored = std::pair<correlate::Holding, std::optional<double>>;

// `holdings` but `except`, as `viewer` may see them; the versions shown go to `shown`.
Result<std::vector<ShownHolding>> Show(store::Store& store, const store::Viewer* viewer,
                                       const std::vector<Scored>& holdings, std::string_view except,
                                       std::vector<store::StoredVersion>& shown) {
  std::vector<ShownHolding> result;
  std::set<std::string> hidden_organisations;
  for (const auto& [holding, score] : holdings) {
    if (holding.object_id == except) continue;
    Result<store::StoredVersion> latest = store.Latest(holding.object_id, viewer);
    if (latest.ok()) {
      latest->json.clear();  // ids only: the caller reads the object itself if it wants it
      shown.push_back(*latest);
      result.push_back({holding.organisation, std::move(latest).value(), score});
    } else if (latest.status().code() != StatusCode::kNotFound) {
      return latest.status();
    } else if (hidden_organisations.insert(holding.organisation).second) {
      result.push_back({holding.organisation, std::nullopt, std::nullopt});
    }
  }
  return result;
}

std::vector<Scored> Unscored(const std::vector<correlate::Holding>& holdings) {
  std::vector<Scored> scored;
  for (const correlate::Holding& holding : holdings) scored.emplace_back(holding, std::nullopt);
  return scored;
}

std::vector<Scored> PersonHoldings(correlate::PersonIndex& persons, std::string_view name) {
  std::vector<Scored> scored;
  for (correlate::PersonMatch& match : persons.Matches(name))
    scored.emplace_back(std::move(match.holding), match.score);
  return scored;
}

// One key's entry: {"kind", "value", "warning", "over_correlated", "holdings"}.
Status AppendCorrelation(std::string& out, store::Store& store, const store::Viewer* viewer,
                         correlate::Correlator& correlator, const observable::CorrelationKey& key,
                         std::string_view except, std::vector<store::StoredVersion>& shown) {
  out += '{';
  AppendKeyMembers(out, key);
  std::vector<Scored> holdings;
  if (key.kind == kPersonName) {
    holdings = PersonHoldings(correlator.persons(), key.value);
  } else {
    correlate::KeyHolders holders = correlator.index().Holders(key);
    AppendOptionalMember(out, "warning", holders.warning.value_or(""));
    AppendBoolMember(out, "over_correlated", holders.over_correlated);
    holdings = Unscored(holders.holdings);
  }
  KENES_ASSIGN_OR_RETURN(std::vector<ShownHolding> visible, Show(store, viewer, holdings, except, shown));
  AppendHoldings(out, visible);
  out += '}';
  return Status::Ok();
}

}  // namespace

void Api::RegisterCorrelationRoutes(http::Router& router) {
  router.Add(http::Method::kGet, "/api/v1/correlations", http::Auth::kRequired, Handle(&Api::ReadCorrelations));
  router.Add(http::Method::kGet, "/api/v1/objects/{id}/correlations", http::Auth::kRequired,
             Handle(&Api::ReadObjectCorrelations));
}

Result<http::Response> Api::ReadCorrelations(const Caller& caller, const http::Request& request) {
  static constexpr std::array<std::string_view, 2> kParameters = {"kind", "value"};
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
  std::optional<std::string_view> kind = request.Query("kind");
  std::optional<std::string_view> value = request.Query("value");
  if (!kind || !value) return Status::InvalidArgument("kind and value are both required");
  if (options_.correlator == nullptr) return NotRunning();
  observable::CorrelationKey key{std::string(*kind), std::string(*value)};
  if (key.kind != kPersonName) {
    Result<observable::CorrelationKey> normalised = correlate::NormaliseKey(*kind, *value);
    if (!normalised.ok()) {
      return Status::InvalidArgument(fmt::format("value: {}", normalised.status().message()));
    }
    key = std::move(normalised).value();
  }
  std::vector<store::StoredVersion> shown;
  std::string body;
  KENES_RETURN_IF_ERROR(AppendCorrelation(body, store_, caller.filter(), *options_.correlator, key, "", shown));
  KENES_RETURN_IF_ERROR(AuditReads(caller, shown, "rest correlations"));
  return JsonResponse(200, std::move(body));
}

Result<http::Response> Api::ReadObjectCorrelations(const Caller& caller, const http::Request& request) {
  KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
  std::string_view id = request.Param("id");
  if (!IsStixId(id)) return Status::InvalidArgument(fmt::format("'{}' is not a STIX id (type--UUID)", id));
  Result<store::StoredVersion> latest = store_.Latest(id, caller.filter());
  if (!latest.ok()) {
    if (latest.status().code() != StatusCode::kNotFound) return latest.status();
    return Status::NotFound(fmt::format("no object {}", id));  // hidden and unknown alike
  }
  if (options_.correlator == nullptr) return NotRunning();
  std::vector<observable::CorrelationKey> keys = options_.correlator->index().KeysOf(id);
  if (std::optional<std::string> name = options_.correlator->persons().NameOf(id)) {
    keys.push_back({std::string(kPersonName), std::move(*name)});
  }
  std::vector<store::StoredVersion> shown;
  std::string body = "{";
  AppendStringMember(body, "object_id", id);
  AppendKey(body, "correlations");
  body += '[';
  for (const observable::CorrelationKey& key : keys) {
    if (body.back() != '[') body += ',';
    KENES_RETURN_IF_ERROR(AppendCorrelation(body, store_, caller.filter(), *options_.correlator, key, id, shown));
  }
  body += "]}";
  KENES_RETURN_IF_ERROR(AuditReads(caller, shown, "rest object correlations"));
  return JsonResponse(200, std::move(body));
}

}  // namespace kenes::rest
