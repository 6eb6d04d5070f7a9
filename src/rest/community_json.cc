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

void AppendKeyInfo(std::string& out, const share::KeyInfo& key) {
  out += '{';
  AppendStringMember(out, "key_id", key.key_id);
  AppendStringMember(out, "user", key.user);
  AppendStringMember(out, "label", key.label);
  AppendStringMember(out, "created", FormatTimestamp(key.created, 3));
  AppendOptionalMember(out, "expires", key.expires ? FormatTimestamp(*key.expires, 3) : "");
  AppendOptionalMember(out, "revoked", key.revoked ? FormatTimestamp(*key.revoked, 3) : "");
  out += '}';
}

void AppendAuditEntry(std::string& out, const share::AuditEntry& entry) {
  out += '{';
  AppendRawMember(out, "sequence", std::to_string(entry.sequence));
  AppendStringMember(out, "time", FormatTimestamp(entry.time, 6));
  AppendStringMember(out, "actor", entry.actor);
  AppendStringMember(out, "organisation", entry.organisation);
  AppendStringMember(out, "action", entry.action);
  AppendStringMember(out, "target", entry.target);
  AppendStringMember(out, "outcome", entry.outcome);
  AppendStringMember(out, "detail", entry.detail);
  AppendStringMember(out, "source", entry.source);
  out += '}';
}

}  // namespace kenes::rest
