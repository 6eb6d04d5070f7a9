#include "share/access_authorship.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "share/distribution_marking.h"
#include "stix/object_text.h"

namespace kenes::share {
namespace {

// The markings that carry `label` with the object to other nodes, for what
// its own markings do not say already.
std::vector<std::string> MissingMarkings(const stix::Object& object, const Label& label,
                                         std::span<const std::string> group_ids) {
  std::vector<std::string> missing;
  if (!StrictestTlp(object.object_marking_refs)) missing.emplace_back(TlpMarkingId(label.tlp));
  if (!DistributionOfMarkings(object.object_marking_refs, group_ids)) {
    missing.push_back(DistributionMarkingId(label.distribution));
  }
  return missing;
}

Status CheckUserWrite(const Principal& principal, const stix::Object& object,
                      const std::optional<std::string>& stored_creator) {
  if (principal.role == Role::kReader) {
    return Status::PermissionDenied(fmt::format("user {} is a reader and may not write objects", principal.user));
  }
  if (principal.organisation.empty()) {
    return Status::PermissionDenied(fmt::format("user {} belongs to no organisation to write as", principal.user));
  }
  if (!object.created_by_ref.empty() && object.created_by_ref != principal.organisation) {
    return Status::PermissionDenied(fmt::format("{} names {} as its author: users write as their own organisation "
                                                "({}), never on behalf of another",
                                                object.id, object.created_by_ref, principal.organisation));
  }
  if (stored_creator && *stored_creator != principal.organisation) {
    return Status::PermissionDenied(fmt::format(
        "{} was created by {}: only its creator may write new versions of it",
        object.id, stored_creator->empty() ? "no named organisation" : *stored_creator));
  }
  return Status::Ok();
}

}  // namespace

Result<AuthorisedWrite> AuthoriseWrite(const Principal& principal, stix::Object object,
                                       const std::optional<std::string>& stored_creator, const LabelDefaults& defaults,
                                       std::span<const std::string> group_ids) {
  AuthorisedWrite write;
  if (principal.role == Role::kAdmin) {
    write.label = LabelOf(object, defaults, group_ids);
  } else {
    KENES_RETURN_IF_ERROR(CheckUserWrite(principal, object, stored_creator));
    // Cyber observables have no created_by_ref property; their label still names the writer.
    if (object.created_by_ref.empty() && object.created) {
      object.json = stix::WithLeadingProperty(object.json, "created_by_ref", JsonString(principal.organisation));
      object.created_by_ref = principal.organisation;
    }
    LabelDefaults own = defaults;
    own.author = principal.organisation;
    write.label = LabelOf(object, own, group_ids);
    write.label.author = principal.organisation;
    KENES_RETURN_IF_ERROR(CheckLabel(write.label));
    // What users write carries its sharing decision in its own markings, so it travels with the object.
    std::vector<std::string> missing = MissingMarkings(object, write.label, group_ids);
    if (!missing.empty()) {
      KENES_ASSIGN_OR_RETURN(object.json, stix::WithMarkingRefs(object.json, missing));
      object.object_marking_refs.insert(object.object_marking_refs.begin(), missing.begin(), missing.end());
    }
  }
  KENES_RETURN_IF_ERROR(CheckLabel(write.label));
  write.object = std::move(object);
  return write;
}

}  // namespace kenes::share
