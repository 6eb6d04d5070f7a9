// CommunityJson: the community's organisations, users and sharing groups
// as the REST API writes them.
//
//   organisation  {"id", "code", "name", "standing", "country", "parent", "default_tlp", "created", "modified"}
//                 (country and parent null when none)
//   user          {"name", "organisation", "role", "disabled", "has_password"}
//   group         {"id", "name", "owner", "members": [identity ids]}
//   key           {"key_id", "user", "label", "created", "expires", "revoked"} (the last two null when not)
//   audit entry   {"sequence", "time", "actor", "organisation", "action", "target", "outcome", "detail", "source"}
//
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "share/community.h"

namespace kenes::rest {

void AppendOrganisation(std::string& out, const share::Organisation& organisation);
void AppendUser(std::string& out, const share::User& user);
void AppendGroup(std::string& out, const share::SharingGroup& group);
void AppendKeyInfo(std::string& out, const share::KeyInfo& key);
void AppendAuditEntry(std::string& out, const share::AuditEntry& entry);

}  // namespace kenes::rest
