#include "rest/object_write.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "base/json_text.h"
#include "ingest/importer.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/object_json.h"
#include "share/access_label.h"
#include "share/access_viewer.h"
#include "share/distribution_marking.h"
#include "share/read_audit.h"
#include "share/write_labeller.h"
#include "stix/random_id.h"
#include "stix/sco_id.h"
#include "stix/validator.h"

namespace kenes::rest {
namespace {

constexpr std::string_view kBodyShape =
    R"(the body must be {"object": {...a STIX object...}} with optional "tlp" and "distribution")";

using Properties = std::vector<std::pair<std::string, std::string>>;  // name, JSON value

// `object` as text with `set` as its first properties, replacing any of the same name.
std::string WithProperties(simdjson::dom::object object, const Properties& set) {
  std::string out = "{";
  for (const auto& [name, value] : set) {
    if (out.size() > 1) out += ',';
    AppendJsonString(out, name);
    out += ':';
    out += value;
  }
  for (auto [key, value] : object) {
    bool replaced =
        std::any_of(set.begin(), set.end(), [key = key](const auto& property) { return property.first == key; });
    if (replaced) continue;
    if (out.size() > 1) out += ',';
    AppendJsonString(out, key);
    out += ':';
    out += simdjson::minify(value);
  }
  out += '}';
  return out;
}

std::string StringOf(simdjson::dom::object object, std::string_view name) {
  std::string_view value;
  return object[name].get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

// A modified timestamp, to the millisecond, after `latest`: now, unless the clock is behind it.
std::string ModifiedAfter(const std::optional<Timestamp>& latest) {
  int64_t milliseconds = Now().TotalMicroseconds() / 1000;
  if (latest) milliseconds = std::max(milliseconds, latest->TotalMicroseconds() / 1000 + 1);
  return FormatTimestamp(TimestampFromMicroseconds(milliseconds * 1000), 3);
}

// The latest version of `id` the viewer may see; NotFound the same way for hidden and unknown ids.
Result<store::StoredVersion> VisibleObject(store::Store& store, const store::Viewer* viewer, std::string_view id) {
  Result<store::StoredVersion> found = store.Latest(id, viewer);
  if (found.ok() || found.status().code() != StatusCode::kNotFound) return found;
  return Status::NotFound(fmt::format("no object {}", id));
}

std::vector<std::string> MarkingRefs(simdjson::dom::element object) {
  std::vector<std::string> refs;
  simdjson::dom::array list;
  if (object["object_marking_refs"].get(list) != simdjson::SUCCESS) return refs;
  for (simdjson::dom::element item : list) {
    std::string_view ref;
    if (item.get(ref) == simdjson::SUCCESS) refs.emplace_back(ref);
  }
  return refs;
}

}  // namespace

struct ObjectWrite::Draft {
  bool revision = false;
  std::string id;
  std::string text;  // the object as it goes to the importer
  std::optional<share::Tlp> tlp;
  std::optional<share::Distribution> distribution;
  std::vector<stix::Finding> findings;  // the validator's, on `text`
};

ObjectWrite::ObjectWrite(store::Store& store, share::Community& community, std::function<void(size_t)> on_stored)
    : store_(store), community_(community), on_stored_(std::move(on_stored)) {}

Result<ObjectWrite::Draft> ObjectWrite::Prepare(const share::Principal& principal, const store::Viewer* viewer,
                                                std::string_view body, std::string_view revised_id) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::element document;
  if (simdjson::error_code error = parser.parse(padded).get(document); error != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("the body is not JSON: {}", simdjson::error_message(error)));
  }
  simdjson::dom::object envelope;
  if (document.get(envelope) != simdjson::SUCCESS) return Status::InvalidArgument(std::string(kBodyShape));
  Draft draft;
  draft.revision = !revised_id.empty();
  std::optional<simdjson::dom::object> object;
  simdjson::dom::element object_element;
  for (auto [key, value] : envelope) {
    std::string_view text;
    if (key == "object") {
      simdjson::dom::object given;
      if (value.get(given) != simdjson::SUCCESS) return Status::InvalidArgument(std::string(kBodyShape));
      object = given;
      object_element = value;
    } else if (key == "tlp") {
      if (value.get(text) == simdjson::SUCCESS) draft.tlp = share::ParseTlp(text);
      if (!draft.tlp) return Status::InvalidArgument("tlp must be clear, green, amber, amber+strict or red");
    } else if (key == "distribution") {
      if (value.get(text) != simdjson::SUCCESS) {
        return Status::InvalidArgument("distribution must be organisation, members, community or group:<group id>");
      }
      KENES_ASSIGN_OR_RETURN(draft.distribution, share::ParseDistribution(text));
    } else {
      return Status::InvalidArgument(fmt::format("unknown property '{}' in the body; {}", key, kBodyShape));
    }
  }
  if (!object) return Status::InvalidArgument(std::string(kBodyShape));
  if (draft.distribution && draft.distribution->kind == share::DistributionKind::kGroup) {
    KENES_ASSIGN_OR_RETURN(std::vector<share::SharingGroup> groups, community_.Groups(principal));
    bool known = std::any_of(groups.begin(), groups.end(),
                             [&](const share::SharingGroup& group) { return group.id == draft.distribution->group; });
    if (!known) return Status::InvalidArgument(fmt::format("no sharing group {}", draft.distribution->group));
  }

  Properties set;  // what the server fills in
  std::optional<store::StoredVersion> latest;
  if (draft.revision) {
    KENES_ASSIGN_OR_RETURN(latest, VisibleObject(store_, viewer, revised_id));
  }
  std::string type = StringOf(*object, "type");
  if (latest && type.empty()) {
    type = latest->type;
    set.emplace_back("type", JsonString(type));
  }
  if (type.empty()) return Status::InvalidArgument("the object needs a type, e.g. \"indicator\"");
  if (latest && type != latest->type) {
    return Status::InvalidArgument(fmt::format("{} is of type {}, not {}", latest->id, latest->type, type));
  }
  const stix::validation::TypeDefinition* definition = stix::validation::TypeRegistry::Global().Find(type);
  const bool observable = definition != nullptr && definition->category == stix::validation::Category::kSco;
  if (StringOf(*object, "spec_version").empty() && (*object)["spec_version"].error() == simdjson::NO_SUCH_FIELD) {
    set.emplace_back("spec_version", R"("2.1")");
  }

  draft.id = StringOf(*object, "id");
  if (latest) {
    if (draft.id.empty()) {
      draft.id = latest->id;
      set.emplace_back("id", JsonString(draft.id));
    } else if (draft.id != latest->id) {
      return Status::InvalidArgument(
          fmt::format("the object's id {} is not the id of the object revised, {}", draft.id, latest->id));
    }
    if (observable) {
      return Status::AlreadyExists(fmt::format("{} is a cyber observable, which has a single version", draft.id));
    }
    if (latest->revoked) {
      return Status::AlreadyExists(fmt::format("{} is revoked: no newer version may be stored", draft.id));
    }
  } else {
    if (draft.id.empty()) {
      if (observable) {
        KENES_ASSIGN_OR_RETURN(draft.id, stix::ScoId(object_element));
      } else {
        draft.id = stix::RandomId(type);
      }
      set.emplace_back("id", JsonString(draft.id));
    }
    if (store_.Latest(draft.id, viewer).ok()) {
      return Status::AlreadyExists(
          fmt::format("{} exists already: PUT /api/v1/objects/{} stores a new version", draft.id, draft.id));
    }
  }

  // An admin writing as a person of its organisation authors like one (a user's author the labeller sets).
  if (principal.role == share::Role::kAdmin && !principal.organisation.empty() && !observable &&
      (*object)["created_by_ref"].error() == simdjson::NO_SUCH_FIELD) {
    set.emplace_back("created_by_ref", JsonString(principal.organisation));
  }
  if (!observable) {
    std::string created = StringOf(*object, "created");
    if (latest) {
      std::string stored_created = StringProperty(latest->json, "created");
      if (created.empty()) {
        set.emplace_back("created", JsonString(stored_created));
      } else if (ParseTimestamp(created) && ParseTimestamp(stored_created) != ParseTimestamp(created)) {
        return Status::InvalidArgument(
            fmt::format("created is {} in every version of {}: it cannot change", stored_created, draft.id));
      }
    } else if (created.empty() && (*object)["created"].error() == simdjson::NO_SUCH_FIELD) {
      created = ModifiedAfter(std::nullopt);
      set.emplace_back("created", JsonString(created));
    }
    // Marking definitions have no modified: they never change.
    if (type != "marking-definition" && (*object)["modified"].error() == simdjson::NO_SUCH_FIELD) {
      if (latest || !created.empty()) {
        set.emplace_back("modified", JsonString(latest ? ModifiedAfter(latest->version) : created));
      }
    } else if (latest) {
      std::optional<Timestamp> modified = ParseTimestamp(StringOf(*object, "modified"));
      if (modified && latest->version && *modified <= *latest->version) {
        set.emplace_back("modified", JsonString(ModifiedAfter(latest->version)));
      }
    }
  }
  draft.text = WithProperties(*object, set);

  simdjson::dom::parser completed_parser;
  simdjson::dom::element completed;
  if (completed_parser.parse(draft.text).get(completed) != simdjson::SUCCESS) {
    return Status::Internal("the completed object is not JSON");
  }
  stix::ValidateObject(completed, draft.findings);
  std::vector<std::string> markings = MarkingRefs(completed);
  std::optional<share::Tlp> marked_tlp = share::StrictestTlp(markings);
  if (draft.tlp && marked_tlp && *draft.tlp != *marked_tlp) {
    return Status::InvalidArgument(fmt::format("tlp is {} but the object's object_marking_refs say {}: give one",
                                               TlpParameterName(*draft.tlp), TlpParameterName(*marked_tlp)));
  }
  if (draft.distribution) {
    KENES_ASSIGN_OR_RETURN(std::vector<std::string> group_ids, share::SharingGroupIds(community_));
    std::optional<share::Distribution> marked = share::DistributionOfMarkings(markings, group_ids);
    if (marked && *marked != *draft.distribution) {
      return Status::InvalidArgument(
          fmt::format("distribution is {} but the object's object_marking_refs say {}: give one",
                      share::DistributionText(*draft.distribution), share::DistributionText(*marked)));
    }
  }
  return draft;
}

Result<http::Response> ObjectWrite::Write(const share::Principal& principal, const Draft& draft) {
  if (stix::HasErrors(draft.findings)) {
    return FindingsResponse(400, fmt::format("{} is not valid STIX 2.1", draft.id), draft.findings);
  }
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults,
                         share::DefaultsFor(community_, principal, draft.distribution.value_or(share::Distribution{})));
  if (draft.tlp) defaults.tlp = *draft.tlp;
  defaults.author = principal.organisation;
  KENES_ASSIGN_OR_RETURN(share::WriteLabel labeller, share::WriteLabeller(store_, community_, principal, defaults));

  Status refusal;  // why the sharing rules refused the object
  std::optional<Timestamp> version;
  ingest::ImportOptions options;
  options.batch_size = 1;
  options.label = [&](stix::Object& object) -> Result<store::AccessLabel> {
    Result<store::AccessLabel> label = labeller(object);
    if (label.ok()) {
      version = object.VersionTimestamp();
    } else {
      refusal = label.status();
    }
    return label;
  };
  std::string problem;  // the importer's last error
  ingest::Importer importer(&store_, options, [&](const ingest::ImportMessage& message) {
    if (message.is_error) problem = message.text;
  });
  Status imported = importer.ImportBuffer(draft.text, draft.id);
  if (imported.ok()) imported = importer.Finish();
  const ingest::ImportTotals& totals = importer.totals();

  Status outcome = imported;
  if (outcome.ok() && !refusal.ok()) outcome = refusal;
  if (outcome.ok() && totals.invalid > 0) outcome = Status::InvalidArgument(problem);
  if (outcome.ok() && totals.refused > 0) outcome = Status::AlreadyExists(problem);
  share::AuditEvent event;
  event.actor = principal;
  event.action = "object.write";
  event.target = draft.id;
  event.outcome = outcome.ok()                                      ? share::AuditOutcome::kOk
                  : outcome.code() == StatusCode::kPermissionDenied ? share::AuditOutcome::kDenied
                                                                    : share::AuditOutcome::kFailed;
  event.detail = fmt::format("rest {}: {}", draft.revision ? "revise" : "create",
                             !outcome.ok()        ? outcome.message()
                             : totals.stored == 1 ? std::string("stored")
                                                  : std::string("already stored"));
  KENES_RETURN_IF_ERROR(community_.audit().Record(event));
  KENES_RETURN_IF_ERROR(outcome);
  if (on_stored_ && totals.stored > 0) on_stored_(totals.stored);

  // Read as the node: the version is the writer's organisation's own, which it always sees.
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored, store_.Version(draft.id, version, nullptr));
  const store::StoredVersion read[] = {stored};
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), principal, read, "rest write"));
  std::string body = "{";
  AppendEntryMembers(body, stored);
  AppendKey(body, "warnings");
  AppendFindings(body, draft.findings);
  body += '}';
  http::Response response = JsonResponse(totals.stored == 1 ? 201 : 200, std::move(body));
  response.SetHeader("Location", "/api/v1/objects/" + draft.id);
  return response;
}

http::Response ObjectWrite::Create(const share::Principal& principal, const store::Viewer* viewer,
                                   std::string_view body) {
  return Submit(principal, viewer, body, "");
}

http::Response ObjectWrite::Revise(const share::Principal& principal, const store::Viewer* viewer, std::string_view id,
                                   std::string_view body) {
  return Submit(principal, viewer, body, id);
}

http::Response ObjectWrite::Submit(const share::Principal& principal, const store::Viewer* viewer,
                                   std::string_view body, std::string_view revised_id) {
  if (principal.role == share::Role::kReader) {
    return ErrorResponse(403, fmt::format("user {} is a reader and may not write objects", principal.user));
  }
  Result<Draft> draft = Prepare(principal, viewer, body, revised_id);
  Result<http::Response> written = draft.ok() ? Write(principal, *draft) : Result<http::Response>(draft.status());
  return written.ok() ? std::move(written).value() : StatusResponse(written.status());
}

http::Response ObjectWrite::Validate(const share::Principal& principal, const store::Viewer* viewer,
                                     std::string_view body) {
  Result<Draft> draft = Prepare(principal, viewer, body, "");
  if (!draft.ok()) return StatusResponse(draft.status());
  std::vector<stix::Finding> errors;
  std::vector<stix::Finding> warnings;
  for (const stix::Finding& finding : draft->findings) {
    (finding.severity == stix::Severity::kError ? errors : warnings).push_back(finding);
  }
  std::string out = "{";
  AppendBoolMember(out, "valid", errors.empty());
  AppendRawMember(out, "object", draft->text);
  AppendKey(out, "errors");
  AppendFindings(out, errors);
  AppendKey(out, "warnings");
  AppendFindings(out, warnings);
  out += '}';
  return JsonResponse(200, std::move(out));
}

}  // namespace kenes::rest
