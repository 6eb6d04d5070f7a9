#include "rest/object_write.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "base/json_text.h"
#include "ingest/importer.h"
#include "ingest/single_write.h"
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
  for (const auto& [name, value] : set) AppendRawMember(out, name, value);
  for (auto [key, value] : object) {
    bool replaced =
        std::any_of(set.begin(), set.end(), [key = key](const auto& property) { return property.first == key; });
    if (!replaced) AppendRawMember(out, key, simdjson::minify(value));
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

struct WriteDraft {
  bool revision = false;
  std::string id;
  std::string text;  // the object as it goes to the importer
  std::optional<share::Tlp> tlp;
  std::optional<share::Distribution> distribution;
  std::vector<stix::Finding> findings;  // the validator's, on `text`
};

namespace {

// The object of a write as the client sent it, and what the server fills in.
struct Completion {
  simdjson::dom::element element;
  simdjson::dom::object object;
  std::optional<store::StoredVersion> latest;  // of the object revised; none for a create
  std::string type;
  bool observable = false;
  Properties set;  // the properties the server sets

  bool Has(std::string_view name) const { return object[name].error() != simdjson::NO_SUCH_FIELD; }
};

// Reads {"object", "tlp", "distribution"} into `draft` and `completion`.
Status ReadEnvelope(simdjson::dom::element document, WriteDraft& draft, Completion& completion) {
  simdjson::dom::object envelope;
  if (document.get(envelope) != simdjson::SUCCESS) return Status::InvalidArgument(std::string(kBodyShape));
  bool has_object = false;
  for (auto [key, value] : envelope) {
    std::string_view text;
    if (key == "object") {
      if (value.get(completion.object) != simdjson::SUCCESS) return Status::InvalidArgument(std::string(kBodyShape));
      completion.element = value;
      has_object = true;
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
  return has_object ? Status::Ok() : Status::InvalidArgument(std::string(kBodyShape));
}

// The type, kept from the object revised; and spec_version.
Status CompleteType(Completion& completion) {
  completion.type = StringOf(completion.object, "type");
  const store::StoredVersion* latest = completion.latest ? &*completion.latest : nullptr;
  if (latest && completion.type.empty()) {
    completion.type = latest->type;
    completion.set.emplace_back("type", JsonString(completion.type));
  }
  if (completion.type.empty()) return Status::InvalidArgument("the object needs a type, e.g. \"indicator\"");
  if (latest && completion.type != latest->type) {
    return Status::InvalidArgument(fmt::format("{} is of type {}, not {}", latest->id, latest->type, completion.type));
  }
  const stix::validation::TypeDefinition* definition = stix::validation::TypeRegistry::Global().Find(completion.type);
  completion.observable = definition != nullptr && definition->category == stix::validation::Category::kSco;
  if (!completion.Has("spec_version")) completion.set.emplace_back("spec_version", R"("2.1")");
  return Status::Ok();
}

// The id: the revised object's, or a new one for a create (an observable's
// deterministic id), which must not exist yet.
Result<std::string> CompleteId(Completion& completion, store::Store& store, const store::Viewer* viewer) {
  std::string id = StringOf(completion.object, "id");
  if (completion.latest) {
    const store::StoredVersion& latest = *completion.latest;
    if (id.empty()) {
      id = latest.id;
      completion.set.emplace_back("id", JsonString(id));
    } else if (id != latest.id) {
      return Status::InvalidArgument(
          fmt::format("the object's id {} is not the id of the object revised, {}", id, latest.id));
    }
    if (completion.observable) {
      return Status::AlreadyExists(fmt::format("{} is a cyber observable, which has a single version", id));
    }
    if (latest.revoked) return Status::AlreadyExists(fmt::format("{} is revoked: no newer version may be stored", id));
    return id;
  }
  if (id.empty()) {
    if (completion.observable) {
      KENES_ASSIGN_OR_RETURN(id, stix::ScoId(completion.element));
    } else {
      id = stix::RandomId(completion.type);
    }
    completion.set.emplace_back("id", JsonString(id));
  }
  if (store.Latest(id, viewer).ok()) {
    return Status::AlreadyExists(fmt::format("{} exists already: PUT /api/v1/objects/{} stores a new version", id, id));
  }
  return id;
}

// created (kept across versions) and modified (newer than the latest version).
Status CompleteTimestamps(Completion& completion, std::string_view id) {
  if (completion.observable) return Status::Ok();  // observables have neither
  std::string created = StringOf(completion.object, "created");
  if (completion.latest) {
    std::string stored_created = StringProperty(completion.latest->json, "created");
    if (created.empty()) {
      completion.set.emplace_back("created", JsonString(stored_created));
    } else if (ParseTimestamp(created) && ParseTimestamp(stored_created) != ParseTimestamp(created)) {
      return Status::InvalidArgument(
          fmt::format("created is {} in every version of {}: it cannot change", stored_created, id));
    }
  } else if (!completion.Has("created")) {
    created = ModifiedAfter(std::nullopt);
    completion.set.emplace_back("created", JsonString(created));
  }
  // Marking definitions have no modified: they never change.
  if (completion.type == "marking-definition") return Status::Ok();
  if (!completion.Has("modified")) {
    if (completion.latest) {
      completion.set.emplace_back("modified", JsonString(ModifiedAfter(completion.latest->version)));
    } else if (!created.empty()) {
      completion.set.emplace_back("modified", JsonString(created));
    }
  } else if (completion.latest) {
    std::optional<Timestamp> modified = ParseTimestamp(StringOf(completion.object, "modified"));
    const std::optional<Timestamp>& latest = completion.latest->version;
    if (modified && latest && *modified <= *latest) {
      completion.set.emplace_back("modified", JsonString(ModifiedAfter(latest)));
    }
  }
  return Status::Ok();
}

// InvalidArgument when the body's tlp or distribution differs from what the object's markings say.
Status CheckMarkingsAgree(const WriteDraft& draft, simdjson::dom::element object, share::Community& community) {
  std::vector<std::string> markings = MarkingRefs(object);
  std::optional<share::Tlp> marked_tlp = share::StrictestTlp(markings);
  if (draft.tlp && marked_tlp && *draft.tlp != *marked_tlp) {
    return Status::InvalidArgument(fmt::format("tlp is {} but the object's object_marking_refs say {}: give one",
                                               TlpParameterName(*draft.tlp), TlpParameterName(*marked_tlp)));
  }
  if (!draft.distribution) return Status::Ok();
  KENES_ASSIGN_OR_RETURN(std::vector<std::string> group_ids, share::SharingGroupIds(community));
  std::optional<share::Distribution> marked = share::DistributionOfMarkings(markings, group_ids);
  if (marked && *marked != *draft.distribution) {
    return Status::InvalidArgument(
        fmt::format("distribution is {} but the object's object_marking_refs say {}: give one",
                    share::DistributionText(*draft.distribution), share::DistributionText(*marked)));
  }
  return Status::Ok();
}

}  // namespace

ObjectWrite::ObjectWrite(store::Store& store, share::Community& community, std::function<void(size_t)> on_stored,
                         std::function<void(const ingest::StoredBatch&)> on_batch)
    : store_(store), community_(community), on_stored_(std::move(on_stored)), on_batch_(std::move(on_batch)) {}

Result<WriteDraft> ObjectWrite::Prepare(const share::Principal& principal, const store::Viewer* viewer,
                                        std::string_view body, std::string_view revised_id) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::element document;
  if (simdjson::error_code error = parser.parse(padded).get(document); error != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("the body is not JSON: {}", simdjson::error_message(error)));
  }
  WriteDraft draft;
  draft.revision = !revised_id.empty();
  Completion completion;
  KENES_RETURN_IF_ERROR(ReadEnvelope(document, draft, completion));
  if (draft.distribution && draft.distribution->kind == share::DistributionKind::kGroup) {
    KENES_ASSIGN_OR_RETURN(std::vector<share::SharingGroup> groups, community_.Groups(principal));
    bool known = std::any_of(groups.begin(), groups.end(),
                             [&](const share::SharingGroup& group) { return group.id == draft.distribution->group; });
    if (!known) return Status::InvalidArgument(fmt::format("no sharing group {}", draft.distribution->group));
  }
  if (draft.revision) {
    KENES_ASSIGN_OR_RETURN(completion.latest, VisibleObject(store_, viewer, revised_id));
  }
  KENES_RETURN_IF_ERROR(CompleteType(completion));
  KENES_ASSIGN_OR_RETURN(draft.id, CompleteId(completion, store_, viewer));
  // An admin writing as a person of its organisation authors like one (a user's author the labeller sets).
  if (principal.role == share::Role::kAdmin && !principal.organisation.empty() && !completion.observable &&
      !completion.Has("created_by_ref")) {
    completion.set.emplace_back("created_by_ref", JsonString(principal.organisation));
  }
  KENES_RETURN_IF_ERROR(CompleteTimestamps(completion, draft.id));
  draft.text = WithProperties(completion.object, completion.set);

  simdjson::dom::parser completed_parser;
  simdjson::dom::element completed;
  if (completed_parser.parse(draft.text).get(completed) != simdjson::SUCCESS) {
    return Status::Internal("the completed object is not JSON");
  }
  stix::ValidateObject(completed, draft.findings);
  KENES_RETURN_IF_ERROR(CheckMarkingsAgree(draft, completed, community_));
  return draft;
}

ObjectWrite::Imported ObjectWrite::Import(const share::Principal& principal, const share::WriteLabel& labeller,
                                          const WriteDraft& draft) {
  Imported imported;
  // Conflicting texts and versions after a revocation are AlreadyExists; Prepare turns most away with clearer words.
  ingest::SingleWriteResult written = ingest::WriteSingle(store_, draft.text, draft.id, labeller, on_batch_);
  imported.status = written.status;
  imported.version = written.version;
  imported.stored = written.stored ? 1 : 0;

  share::AuditEvent event;
  event.actor = principal;
  event.action = "object.write";
  event.target = draft.id;
  const Status& outcome = imported.status;
  event.outcome = outcome.ok()                                      ? share::AuditOutcome::kOk
                  : outcome.code() == StatusCode::kPermissionDenied ? share::AuditOutcome::kDenied
                                                                    : share::AuditOutcome::kFailed;
  event.detail = fmt::format("rest {}: {}", draft.revision ? "revise" : "create",
                             !outcome.ok()          ? outcome.message()
                             : imported.stored == 1 ? std::string("stored")
                                                    : std::string("already stored"));
  imported.audited = community_.audit().Record(event);
  return imported;
}

Result<http::Response> ObjectWrite::Write(const share::Principal& principal, const WriteDraft& draft) {
  if (stix::HasErrors(draft.findings)) {
    return FindingsResponse(400, fmt::format("{} is not valid STIX 2.1", draft.id), draft.findings);
  }
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults,
                         share::DefaultsFor(community_, principal, draft.distribution.value_or(share::Distribution{})));
  if (draft.tlp) defaults.tlp = *draft.tlp;
  defaults.author = principal.organisation;
  KENES_ASSIGN_OR_RETURN(share::WriteLabel labeller, share::WriteLabeller(store_, community_, principal, defaults));
  Imported imported = Import(principal, labeller, draft);
  KENES_RETURN_IF_ERROR(imported.audited);
  KENES_RETURN_IF_ERROR(imported.status);
  if (on_stored_ && imported.stored > 0) on_stored_(imported.stored);

  // Read as the node: the version is the writer's organisation's own, which it always sees.
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored, store_.Version(draft.id, imported.version, nullptr));
  const store::StoredVersion read[] = {stored};
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), principal, read, "rest write"));
  std::string body = "{";
  AppendEntryMembers(body, stored);
  AppendKey(body, "warnings");
  AppendFindings(body, draft.findings);
  body += '}';
  http::Response response = JsonResponse(imported.stored == 1 ? 201 : 200, std::move(body));
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
  Result<WriteDraft> draft = Prepare(principal, viewer, body, revised_id);
  Result<http::Response> written = draft.ok() ? Write(principal, *draft) : Result<http::Response>(draft.status());
  return written.ok() ? std::move(written).value() : StatusResponse(written.status());
}

http::Response ObjectWrite::Validate(const share::Principal& principal, const store::Viewer* viewer,
                                     std::string_view body) {
  Result<WriteDraft> draft = Prepare(principal, viewer, body, "");
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
