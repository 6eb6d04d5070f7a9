// Community: sharing groups, named sets of organisations managed by their owner.
#include <fmt/format.h>

#include <algorithm>

#include "share/community.h"
#include "share/distribution_marking.h"
#include "stix/random_id.h"

namespace kenes::share {
namespace {

using store::sqlite::Statement;

Status CheckGroupName(std::string_view name) {
  bool valid = !name.empty() && name.size() <= 64;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      valid = false;
    }
  }
  if (valid) return Status::Ok();
  return Status::InvalidArgument(fmt::format("'{}' is not a group name: use 1-64 letters, digits, '_' or '-'", name));
}

}  // namespace

Result<SharingGroup> Community::LoadGroup(std::string_view name) {
  KENES_ASSIGN_OR_RETURN(
      Statement query,
      connection_->Prepare("SELECT id, name, owner_id FROM sharing_groups WHERE name = ?1 OR id = ?1"));
  query.BindText(1, name);
  KENES_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return Status::NotFound(fmt::format("no sharing group '{}'", name));
  SharingGroup group{std::string(query.Text(0)), std::string(query.Text(1)), std::string(query.Text(2)), {}};
  KENES_ASSIGN_OR_RETURN(Statement members,
                         connection_->Prepare("SELECT organisation_id FROM sharing_group_members WHERE group_id = ?1 "
                                              "ORDER BY organisation_id"));
  members.BindText(1, group.id);
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, members.Step());
    if (!row) return group;
    group.members.emplace_back(members.Text(0));
  }
}

Status Community::MayManageGroup(const Principal& actor, const SharingGroup& group) {
  if (actor.role == Role::kAdmin) return Status::Ok();
  if (actor.role == Role::kOrgAdmin && actor.organisation == group.owner) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("{} may not manage sharing group {}: only an org-admin of its owner organisation or an admin may",
                  actor.user, group.name));
}

Result<SharingGroup> Community::AddGroup(const Principal& actor, std::string_view name, std::string_view owner) {
  std::lock_guard lock(mutex_);
  SharingGroup group;
  KENES_RETURN_IF_ERROR(Audited(actor, "group.add", name, [&](std::string& detail) -> Status {
    KENES_RETURN_IF_ERROR(CheckGroupName(name));
    std::string_view owner_reference = owner.empty() ? std::string_view(actor.organisation) : owner;
    if (owner_reference.empty()) return Status::InvalidArgument("name the organisation that owns the group");
    KENES_ASSIGN_OR_RETURN(Organisation owner_organisation, LookupOrganisation(owner_reference));
    group = SharingGroup{stix::RandomUuid(), std::string(name), owner_organisation.id, {}};
    KENES_RETURN_IF_ERROR(MayManageGroup(actor, group));
    if (LoadGroup(name).ok()) return Status::AlreadyExists(fmt::format("sharing group '{}' exists", name));
    KENES_ASSIGN_OR_RETURN(Statement insert,
                           connection_->Prepare("INSERT INTO sharing_groups(id, name, owner_id) VALUES (?1, ?2, ?3)"));
    insert.BindText(1, group.id);
    insert.BindText(2, group.name);
    insert.BindText(3, group.owner);
    detail = fmt::format("{} owned by {}", group.id, owner_organisation.code);
    KENES_RETURN_IF_ERROR(insert.Run());
    // The group's distribution marking travels with the objects shared with it.
    return PutPublicObjects({DistributionMarkingJson({DistributionKind::kGroup, group.id})});
  }));
  return group;
}

Status Community::ChangeGroupMember(const Principal& actor, std::string_view group_name,
                                    std::string_view organisation_reference, bool add) {
  std::lock_guard lock(mutex_);
  return Audited(
      actor, add ? "group.add-member" : "group.remove-member", group_name, [&](std::string& detail) -> Status {
        KENES_ASSIGN_OR_RETURN(SharingGroup group, LoadGroup(group_name));
        KENES_RETURN_IF_ERROR(MayManageGroup(actor, group));
        KENES_ASSIGN_OR_RETURN(Organisation organisation, LookupOrganisation(organisation_reference));
        bool member = std::find(group.members.begin(), group.members.end(), organisation.id) != group.members.end();
        if (add && member) {
          return Status::AlreadyExists(fmt::format("{} is already in {}", organisation.code, group.name));
        }
        if (!add && !member) {
          return Status::NotFound(fmt::format("{} is not in {}", organisation.code, group.name));
        }
        KENES_ASSIGN_OR_RETURN(
            Statement change, connection_->Prepare(add ? "INSERT INTO sharing_group_members(group_id, organisation_id) "
                                                         "VALUES (?1, ?2)"
                                                       : "DELETE FROM sharing_group_members WHERE group_id = ?1 AND "
                                                         "organisation_id = ?2"));
        change.BindText(1, group.id);
        change.BindText(2, organisation.id);
        detail = organisation.code + " " + organisation.id;
        return change.Run();
      });
}

Status Community::AddGroupMember(const Principal& actor, std::string_view group, std::string_view organisation) {
  return ChangeGroupMember(actor, group, organisation, /*add=*/true);
}

Status Community::RemoveGroupMember(const Principal& actor, std::string_view group, std::string_view organisation) {
  return ChangeGroupMember(actor, group, organisation, /*add=*/false);
}

Result<std::vector<SharingGroup>> Community::Groups(const Principal& actor) {
  std::lock_guard lock(mutex_);
  KENES_ASSIGN_OR_RETURN(Statement query, connection_->Prepare("SELECT name FROM sharing_groups ORDER BY name"));
  std::vector<std::string> names;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    names.emplace_back(query.Text(0));
  }
  std::vector<SharingGroup> groups;
  for (const std::string& name : names) {
    KENES_ASSIGN_OR_RETURN(SharingGroup group, LoadGroup(name));
    bool involved = group.owner == actor.organisation ||
                    std::find(group.members.begin(), group.members.end(), actor.organisation) != group.members.end();
    if (actor.role == Role::kAdmin || involved) groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace kenes::share
