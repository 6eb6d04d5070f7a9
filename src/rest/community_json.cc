#include "rest/community_json.h"

#include "base/json_text.h"
#include "rest/json_members.h"
#include "rest/object_json.h"

namespace kenes::rest {

void AppendOrganisation(std::string& out, const share::Organisation& organisation) {
  out += '{';
  AppendStringMember(out, "id", organisation.id);
  AppendStringMember(out, "code", organisation.code);
  AppendStringMember(out, "name", organisation.name);
  AppendStringMember(out, "standing", share::StandingName(organisation.standing));
  AppendOptionalMember(out, "country", organisation.country);
  AppendOptionalMember(out, "parent", organisation.parent);
  AppendStringMember(out, "default_tlp", TlpParameterName(organisation.default_tlp));
  AppendStringMember(out, "created", FormatTimestamp(organisation.created, 3));
  AppendStringMember(out, "modified", FormatTimestamp(organisation.modified, 3));
  out += '}';
}

void AppendUser(std::string& out, const share::User& user) {
  out += '{';
  AppendStringMember(out, "name", user.name);
  AppendStringMember(out, "organisation", user.organisation);
  AppendStringMember(out, "role", share::RoleName(user.role));
  AppendBoolMember(out, "disabled", user.disabled);
  AppendBoolMember(out, "has_password", user.has_password);
  out += '}';
}

void AppendGroup(std::string& out, const share::SharingGroup& group) {
  out += '{';
  AppendStringMember(out, "id", group.id);
  AppendStringMember(out, "name", group.name);
  AppendStringMember(out, "owner", group.owner);
  AppendKey(out, "members");
  out += '[';
  for (const std::string& member : group.members) {
    if (out.back() != '[') out += ',';
    AppendJsonString(out, member);
  }
  out += "]}";
}

}  // namespace kenes::rest
