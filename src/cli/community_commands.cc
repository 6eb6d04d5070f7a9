// `kenes org|user|key|group|audit|whoami`: the community and the audit log.
#include "cli/community_commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/node_session.h"
#include "share/community.h"

namespace kenes::cli {
namespace {

using share::Community;
using share::Principal;

// "30d", "12h" from now, or a STIX timestamp.
Result<Timestamp> ParseExpiry(const std::string& text) {
  if (std::optional<Timestamp> at = ParseTimestamp(text)) return *at;
  int64_t amount = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
  std::string_view unit(end, text.data() + text.size() - end);
  if (error == std::errc() && amount > 0 && amount < 100'000 && (unit == "d" || unit == "h")) {
    Timestamp at = Now();
    at.seconds += amount * (unit == "d" ? 86'400 : 3'600);
    return at;
  }
  return Status::InvalidArgument(fmt::format(
      "--expires '{}' is neither a duration such as 30d or 12h nor a STIX timestamp such as 2027-01-31T00:00:00Z",
      text));
}

Result<std::optional<Timestamp>> ParseOptionalTime(std::string_view option, const std::string& text) {
  if (text.empty()) return std::optional<Timestamp>();
  if (std::optional<Timestamp> at = ParseTimestamp(text)) return at;
  return Status::InvalidArgument(
      fmt::format("{} '{}' is not a STIX timestamp such as 2026-01-31T12:00:00Z", option, text));
}

Result<share::Standing> ParseStandingOption(const std::string& text) {
  if (std::optional<share::Standing> standing = share::ParseStanding(text)) return *standing;
  return Status::InvalidArgument(fmt::format("--standing must be member or partner, not '{}'", text));
}

// The code of organisation `id`, or the id itself when it is not in the community.
std::string CodeOf(Community& community, const std::string& id) {
  if (id.empty()) return "-";
  Result<share::Organisation> organisation = community.FindOrganisation(id);
  return organisation.ok() ? organisation->code : id;
}

}  // namespace

CommunityCommands::CommunityCommands(CLI::App& app) {
  org_ = app.add_subcommand("org", "The organisations of the community");
  org_->require_subcommand(1);
  org_add_ = org_->add_subcommand("add", "Add an organisation (admin)");
  org_add_->add_option("code", code_, "Short unique code, e.g. KZ-FIN")->required();
  org_add_->add_option("--name", name_, "Full name")->required();
  org_add_->add_option("--standing", standing_, "member or partner")->required();
  org_add_->add_option("--country", country_, "ISO 3166-1 alpha-2 code (EU and user-assigned codes too)");
  org_add_->add_option("--parent", parent_, "Code or id of the organisation this one sits under");
  org_add_->add_option("--id", id_, "Its STIX identity id (default: a new one)");
  org_add_->add_option("--default-tlp", default_tlp_, "TLP for what its users write without one (default amber)");
  org_list_ = org_->add_subcommand("list", "List the organisations");
  org_set_ = org_->add_subcommand("set", "Change an organisation (admin); writes a new identity version");
  org_set_->add_option("code", code_, "Code or id")->required();
  org_set_->add_option("--name", name_, "New full name");
  org_set_->add_option("--standing", standing_, "member or partner");
  org_set_->add_option("--country", country_, "ISO 3166-1 alpha-2 code; empty for none");
  org_set_->add_option("--parent", parent_, "Code or id of the new parent; empty for none");
  org_set_->add_option("--default-tlp", default_tlp_, "TLP for what its users write without one");

  user_ = app.add_subcommand("user", "The users of the node");
  user_->require_subcommand(1);
  user_add_ = user_->add_subcommand("add", "Add a user (admin; org-admin in its own organisation)");
  user_add_->add_option("name", name_, "User name")->required();
  user_add_->add_option("--org", organisation_, "Code or id of the user's organisation")->required();
  user_add_->add_option("--role", role_, "reader, analyst, org-admin or admin")->required();
  user_add_->add_flag("--password-stdin", password_stdin_, "Read a password (12+ characters) from standard input");
  user_list_ = user_->add_subcommand("list", "List the users you manage");
  user_disable_ = user_->add_subcommand("disable", "Disable a user; their keys stop working");
  user_disable_->add_option("name", name_, "User name")->required();

  key_ = app.add_subcommand("key", "API keys");
  key_->require_subcommand(1);
  key_create_ = key_->add_subcommand("create", "Create an API key and print it (shown only this once)");
  key_create_->add_option("user", key_user_, "The user the key is for")->required();
  key_create_->add_option("--expires", expires_, "When it stops working: 30d, 12h or a STIX timestamp");
  key_create_->add_option("--label", label_, "What the key is for");
  key_list_ = key_->add_subcommand("list", "List the API keys you manage (never the keys themselves)");
  key_revoke_ = key_->add_subcommand("revoke", "Revoke an API key");
  key_revoke_->add_option("key-id", key_id_, "The key id (16 hex digits after kenes_)")->required();

  group_ = app.add_subcommand("group", "Sharing groups: named sets of organisations");
  group_->require_subcommand(1);
  group_add_ = group_->add_subcommand("add", "Create a sharing group owned by your organisation");
  group_add_->add_option("name", name_, "Group name")->required();
  group_add_->add_option("--owner", owner_, "Owning organisation (admin only; default: your own)");
  group_list_ = group_->add_subcommand("list", "List the groups your organisation owns or belongs to");
  group_add_member_ = group_->add_subcommand("add-member", "Add an organisation to a group");
  group_add_member_->add_option("name", name_, "Group name")->required();
  group_add_member_->add_option("organisation", organisation_, "Code or id")->required();
  group_remove_member_ = group_->add_subcommand("remove-member", "Remove an organisation from a group");
  group_remove_member_->add_option("name", name_, "Group name")->required();
  group_remove_member_->add_option("organisation", organisation_, "Code or id")->required();

  audit_ = app.add_subcommand("audit", "The audit log (admin)");
  audit_->require_subcommand(1);
  audit_show_ = audit_->add_subcommand("show", "Print audit entries, oldest first");
  audit_show_->add_option("--actor", actor_, "Only this user (@operator for the node operator)");
  audit_show_->add_option("--action", action_, "Only this action, or all under it if it ends with '.' (key.)");
  audit_show_->add_option("--since", since_, "Only entries at or after this STIX timestamp");
  audit_show_->add_option("--until", until_, "Only entries before this STIX timestamp");
  audit_verify_ = audit_->add_subcommand("verify", "Check the hash chain; exit 1 if any entry was changed");

  whoami_ = app.add_subcommand("whoami", "Show who the command acts as");
}

bool CommunityCommands::Selected() const { return *org_ || *user_ || *key_ || *group_ || *audit_ || *whoami_; }

int CommunityCommands::Run(const Config& config, const std::string& as_user) {
  Result<NodeSession> session = OpenNodeSession(config, as_user);
  if (!session.ok()) {
    fmt::print(stderr, "error: {}\n", session.status().message());
    return kExitError;
  }
  Community& community = *session->community;
  const Principal& actor = session->actor;

  if (*whoami_) {
    if (actor.IsNodeOperator()) {
      fmt::print("the node operator (admin)\n");
    } else {
      fmt::print("{} of {} ({})\n", actor.user, CodeOf(community, actor.organisation), share::RoleName(actor.role));
    }
    return kExitOk;
  }

  if (*org_) return RunOrg(community, actor);
  if (*user_) return RunUser(community, actor);
  if (*key_) return RunKey(community, actor);
  if (*group_) return RunGroup(community, actor);
  return RunAudit(community, actor);
}

int CommunityCommands::RunOrg(Community& community, const Principal& actor) {
  if (*org_add_ || *org_set_) {
    std::optional<share::Tlp> default_tlp;
    if (!default_tlp_.empty()) {
      default_tlp = share::ParseTlp(default_tlp_);
      if (!default_tlp)
        return FailWith(Status::InvalidArgument("--default-tlp must be clear, green, amber, amber+strict or red"));
    }
    Result<share::Organisation> organisation = Status::Internal("no organisation command");
    if (*org_add_) {
      Result<share::Standing> standing = ParseStandingOption(standing_);
      if (!standing.ok()) return FailWith(standing.status());
      organisation = community.AddOrganisation(
          actor, {id_, code_, name_, *standing, country_, parent_, default_tlp.value_or(share::Tlp::kAmber)});
    } else {
      share::OrganisationChange change;
      if (!name_.empty()) change.name = name_;
      if (!standing_.empty()) {
        Result<share::Standing> standing = ParseStandingOption(standing_);
        if (!standing.ok()) return FailWith(standing.status());
        change.standing = *standing;
      }
      // An empty --country or --parent removes it; a missing one leaves it.
      if (org_set_->count("--country") > 0) change.country = country_;
      if (org_set_->count("--parent") > 0) change.parent = parent_;
      change.default_tlp = default_tlp;
      organisation = community.ChangeOrganisation(actor, code_, change);
    }
    if (!organisation.ok()) return FailWith(organisation.status());
    fmt::print("{} {} ({})\n", *org_add_ ? "Added" : "Changed", organisation->code, organisation->id);
    return kExitOk;
  }
  if (*org_list_) {
    Result<std::vector<share::Organisation>> organisations = community.Organisations();
    if (!organisations.ok()) return FailWith(organisations.status());
    fmt::print("{:<10} {:<8} {:<7} {:<10} {:<16} {:<46} {}\n", "CODE", "STANDING", "COUNTRY", "PARENT", "DEFAULT TLP",
               "ID", "NAME");
    for (const share::Organisation& each : *organisations) {
      fmt::print("{:<10} {:<8} {:<7} {:<10} {:<16} {:<46} {}\n", each.code, share::StandingName(each.standing),
                 each.country.empty() ? "-" : each.country, CodeOf(community, each.parent),
                 share::TlpName(each.default_tlp), each.id, each.name);
    }
    return kExitOk;
  }
  return kExitError;
}

int CommunityCommands::RunUser(Community& community, const Principal& actor) {
  if (*user_add_) {
    std::optional<share::Role> role = share::ParseRole(role_);
    if (!role) return FailWith(Status::InvalidArgument("--role must be reader, analyst, org-admin or admin"));
    std::optional<std::string> password;
    if (password_stdin_) {
      std::string line;
      std::getline(std::cin, line);
      password = line;
    }
    Status added = community.AddUser(actor, share::User{name_, organisation_, *role, false, false}, password);
    if (!added.ok()) return FailWith(added);
    fmt::print("Added user {} ({} of {})\n", name_, role_, organisation_);
    return kExitOk;
  }
  if (*user_list_) {
    Result<std::vector<share::User>> users = community.Users(actor);
    if (!users.ok()) return FailWith(users.status());
    fmt::print("{:<24} {:<10} {:<10} {}\n", "NAME", "ORG", "ROLE", "STATUS");
    for (const share::User& each : *users) {
      fmt::print("{:<24} {:<10} {:<10} {}\n", each.name, CodeOf(community, each.organisation),
                 share::RoleName(each.role), each.disabled ? "disabled" : "active");
    }
    return kExitOk;
  }
  if (*user_disable_) {
    Status disabled = community.DisableUser(actor, name_);
    if (!disabled.ok()) return FailWith(disabled);
    fmt::print("Disabled user {}\n", name_);
    return kExitOk;
  }
  return kExitError;
}

int CommunityCommands::RunKey(Community& community, const Principal& actor) {
  if (*key_create_) {
    share::NewKey request{key_user_, std::nullopt, label_};
    if (!expires_.empty()) {
      Result<Timestamp> expires = ParseExpiry(expires_);
      if (!expires.ok()) return FailWith(expires.status());
      request.expires = *expires;
    }
    Result<std::string> key = community.CreateKey(actor, request);
    if (!key.ok()) return FailWith(key.status());
    fmt::print("{}\n", *key);
    fmt::print(stderr, "This key is shown only once: store it now. Kenes keeps only its hash.\n");
    return kExitOk;
  }
  if (*key_list_) {
    Result<std::vector<share::KeyInfo>> keys = community.Keys(actor);
    if (!keys.ok()) return FailWith(keys.status());
    Timestamp now = Now();
    fmt::print("{:<16} {:<24} {:<20} {:<20} {:<8} {}\n", "KEY ID", "USER", "CREATED", "EXPIRES", "STATUS", "LABEL");
    for (const share::KeyInfo& each : *keys) {
      std::string_view status = each.revoked ? "revoked" : each.expires && *each.expires <= now ? "expired" : "active";
      fmt::print("{:<16} {:<24} {:<20} {:<20} {:<8} {}\n", each.key_id, each.user, FormatTimestamp(each.created, 0),
                 each.expires ? FormatTimestamp(*each.expires, 0) : "never", status, each.label);
    }
    return kExitOk;
  }
  if (*key_revoke_) {
    Status revoked = community.RevokeKey(actor, key_id_);
    if (!revoked.ok()) return FailWith(revoked);
    fmt::print("Revoked key {}\n", key_id_);
    return kExitOk;
  }
  return kExitError;
}

int CommunityCommands::RunGroup(Community& community, const Principal& actor) {
  if (*group_add_) {
    Result<share::SharingGroup> group = community.AddGroup(actor, name_, owner_);
    if (!group.ok()) return FailWith(group.status());
    fmt::print("Added sharing group {} ({}) owned by {}\n", group->name, group->id, CodeOf(community, group->owner));
    return kExitOk;
  }
  if (*group_add_member_ || *group_remove_member_) {
    bool add = group_add_member_->parsed();
    Status changed = add ? community.AddGroupMember(actor, name_, organisation_)
                         : community.RemoveGroupMember(actor, name_, organisation_);
    if (!changed.ok()) return FailWith(changed);
    fmt::print("{} {} {} {}\n", add ? "Added" : "Removed", organisation_, add ? "to" : "from", name_);
    return kExitOk;
  }
  if (*group_list_) {
    Result<std::vector<share::SharingGroup>> groups = community.Groups(actor);
    if (!groups.ok()) return FailWith(groups.status());
    fmt::print("{:<24} {:<10} {:<36} {}\n", "NAME", "OWNER", "ID", "MEMBERS");
    for (const share::SharingGroup& each : *groups) {
      std::vector<std::string> members;
      for (const std::string& member : each.members) members.push_back(CodeOf(community, member));
      fmt::print("{:<24} {:<10} {:<36} {}\n", each.name, CodeOf(community, each.owner), each.id,
                 fmt::join(members, ","));
    }
    return kExitOk;
  }
  return kExitError;
}

int CommunityCommands::RunAudit(Community& community, const Principal& actor) {
  if (actor.role != share::Role::kAdmin)
    return FailWith(Status::PermissionDenied("only an admin may read the audit log"));
  if (*audit_show_) {
    share::AuditFilter filter{actor_, action_, std::nullopt, std::nullopt};
    Result<std::optional<Timestamp>> since = ParseOptionalTime("--since", since_);
    Result<std::optional<Timestamp>> until = ParseOptionalTime("--until", until_);
    if (!since.ok()) return FailWith(since.status());
    if (!until.ok()) return FailWith(until.status());
    filter.since = *since;
    filter.until = *until;
    Result<std::vector<share::AuditEntry>> entries = community.audit().Show(filter);
    if (!entries.ok()) return FailWith(entries.status());
    for (const share::AuditEntry& entry : *entries) {
      fmt::print("#{} {} {} {} {} {} {} [{}] {}\n", entry.sequence, FormatTimestamp(entry.time, 6),
                 entry.actor.empty() ? "-" : entry.actor, CodeOf(community, entry.organisation), entry.action,
                 entry.target.empty() ? "-" : entry.target, entry.outcome, entry.source, entry.detail);
    }
    return kExitOk;
  }
  if (*audit_verify_) {
    Result<share::AuditVerification> verification = community.audit().Verify();
    if (!verification.ok()) return FailWith(verification.status());
    if (!verification->intact) {
      fmt::print("audit log BROKEN at entry {} of {} read: {}\n", verification->first_broken, verification->entries,
                 verification->problem);
      return kExitFailed;
    }
    fmt::print("audit log intact: {} entries, head hash {}\n", verification->entries,
               verification->head_hash.empty() ? "-" : verification->head_hash);
    return kExitOk;
  }
  return kExitError;
}

}  // namespace kenes::cli
