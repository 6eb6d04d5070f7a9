#include "taxii/collections.h"

#include <fmt/format.h>

#include <algorithm>

#include "share/write_labeller.h"
#include "stix/sco_id.h"

namespace kenes::taxii {
namespace {

// The namespace of Kenes' TAXII collection ids (a fixed random UUID).
constexpr stix::UuidBytes kCollectionNamespace = {0x5b, 0x1f, 0x0e, 0x7c, 0x3a, 0x94, 0x4d, 0x21,
                                                  0x8f, 0x60, 0x2c, 0xd4, 0x19, 0xa7, 0x53, 0xe8};

bool MayWrite(const share::Principal& principal) { return principal.role >= share::Role::kAnalyst; }

Collection Shared(const share::Principal& principal) {
  Collection collection;
  collection.id = CollectionId(CollectionKind::kShared, principal.organisation);
  collection.kind = CollectionKind::kShared;
  collection.title = "Shared with my organisation";
  collection.description = "Every object your organisation may see: its own and what others share with it.";
  collection.alias = "shared";
  collection.organisation = principal.organisation;
  return collection;
}

Collection Own(const share::Principal& principal) {
  Collection collection;
  collection.id = CollectionId(CollectionKind::kOwn, principal.organisation);
  collection.kind = CollectionKind::kOwn;
  collection.title = "My organisation's objects";
  collection.description =
      "The objects your organisation authored; the outbox: objects written here are your organisation's, with its "
      "default TLP and distribution to the organisation only, unless their markings say otherwise.";
  collection.alias = "own";
  collection.organisation = principal.organisation;
  collection.can_write = MayWrite(principal);
  return collection;
}

Collection Group(const share::Principal& principal, const share::SharingGroup& group) {
  Collection collection;
  collection.id = CollectionId(CollectionKind::kGroup, group.id);
  collection.kind = CollectionKind::kGroup;
  collection.title = fmt::format("Sharing group {}", group.name);
  collection.description = fmt::format(
      "Objects distributed to the sharing group {}; objects written here are distributed to it, with your "
      "organisation's default TLP, unless their markings say otherwise.",
      group.name);
  collection.alias = "group-" + group.name;
  collection.organisation = principal.organisation;
  collection.group = group.id;
  collection.can_write = MayWrite(principal);
  return collection;
}

Collection All(const share::Principal& principal) {
  Collection collection;
  collection.id = CollectionId(CollectionKind::kAll, "");
  collection.kind = CollectionKind::kAll;
  collection.title = "All objects";
  collection.description = "Every object on the node (administrators only).";
  collection.alias = "all";
  collection.organisation = principal.organisation;
  collection.can_write = true;
  return collection;
}

bool IsMember(const share::SharingGroup& group, std::string_view organisation) {
  return std::find(group.members.begin(), group.members.end(), organisation) != group.members.end();
}

// The collections that need no look-up in the community.
std::vector<Collection> FixedCollections(const share::Principal& principal) {
  std::vector<Collection> collections;
  if (!principal.organisation.empty()) {
    collections.push_back(Shared(principal));
    collections.push_back(Own(principal));
  }
  if (principal.role == share::Role::kAdmin) collections.push_back(All(principal));
  return collections;
}

}  // namespace

std::string CollectionId(CollectionKind kind, std::string_view owner) {
  static constexpr std::string_view kNames[] = {"shared", "own", "group", "all"};
  return stix::UuidV5(fmt::format("kenes taxii collection {} {}", kNames[static_cast<int>(kind)], owner),
                      kCollectionNamespace);
}

Result<std::vector<Collection>> CollectionsOf(share::Community& community, const share::Principal& principal) {
  std::vector<Collection> collections = FixedCollections(principal);
  if (principal.organisation.empty()) return collections;
  KENES_ASSIGN_OR_RETURN(std::vector<share::SharingGroup> groups, community.Groups(principal));
  // Before "all", so an admin's list reads shared, own, groups, all.
  auto insert_at = collections.begin() + 2;
  for (const share::SharingGroup& group : groups) {
    if (IsMember(group, principal.organisation)) insert_at = collections.insert(insert_at, Group(principal, group)) + 1;
  }
  return collections;
}

Result<Collection> FindCollection(share::Community& community, const share::Principal& principal, std::string_view id) {
  // Most requests name a fixed collection: answer those without the community.
  for (Collection& collection : FixedCollections(principal)) {
    if (collection.id == id) return std::move(collection);
  }
  if (!principal.organisation.empty()) {
    KENES_ASSIGN_OR_RETURN(std::vector<share::SharingGroup> groups, community.Groups(principal));
    for (const share::SharingGroup& group : groups) {
      if (IsMember(group, principal.organisation) && CollectionId(CollectionKind::kGroup, group.id) == id) {
        return Group(principal, group);
      }
    }
  }
  return Status::NotFound(fmt::format("no collection {}", id));
}

store::ListQuery CollectionQuery(const Collection& collection, const std::optional<store::Viewer>& viewer) {
  store::ListQuery query;
  if (collection.kind != CollectionKind::kAll) query.viewer = viewer;
  if (collection.kind == CollectionKind::kOwn) query.label_author = collection.organisation;
  if (collection.kind == CollectionKind::kGroup) query.label_group = collection.group;
  return query;
}

Result<share::LabelDefaults> WriteDefaults(share::Community& community, const share::Principal& principal,
                                           const Collection& collection) {
  share::Distribution distribution;
  if (collection.kind == CollectionKind::kGroup) distribution = {share::DistributionKind::kGroup, collection.group};
  KENES_ASSIGN_OR_RETURN(share::LabelDefaults defaults, share::DefaultsFor(community, principal, distribution));
  // An admin's objects that name no author are its organisation's (users
  // always write as their organisation whatever this says).
  defaults.author = principal.organisation;
  return defaults;
}

}  // namespace kenes::taxii
