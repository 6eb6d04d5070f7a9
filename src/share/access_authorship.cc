#include "share/access_authorship.h"

#include <fmt/format.h>

#include "base/json_text.h"

namespace kenes::share {
namespace {

// `json` with created_by_ref as its first property. The object is never
// empty (it has a type and an id), so a comma always follows.
std::string WithCreatedByRef(const std::string& json, const std::string& author) {
  const size_t brace = json.find('{');
  return json.substr(0, brace + 1) + "\"created_by_ref\":" + JsonString(author) + "," + json.substr(brace + 1);
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
      object.json = WithCreatedByRef(object.json, principal.organisation);
      object.created_by_ref = principal.organisation;
    }
    LabelDefaults own = defaults;
    own.author = principal.organisation;
    write.label = LabelOf(object, own, group_ids);
    write.label.author = principal.organisation;
  }
  KENES_RETURN_IF_ERROR(CheckLabel(write.label));
  write.object = std::move(object);
  return write;
}

}  // namespace kenes::share
