// Collections: the TAXII collections each user of the node has, and what
// reading and writing each one means in the sharing model.
//
// Every user has, under the one API root:
//   shared  everything shared with its organisation: what the organisation
//           may see (share/access_viewer.h), its own objects included.
//           Read-only.
//   own     its organisation's own objects (label author = the
//           organisation); the outbox: analysts and above write here, as
//           their organisation, with its default TLP and distribution
//           "organisation" (the CLI's default) unless the objects' markings
//           say otherwise.
//   group   one per sharing group its organisation is a member of: the
//           objects distributed to that group that the organisation may see;
//           analysts and above write objects distributed to the group.
//   all     admins only: every object, read without a filter; admins write
//           here as the node operator imports (producers' authors kept).
// Collection ids are UUIDv5s of the kind and the organisation or group, so
// they stay the same for every user of an organisation, across restarts,
// and clients can bookmark them. A collection a user does not have does not
// exist for that user (404, like an unknown id).
//
// Pure functions over the community; thread-safe as Community is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "share/access_label.h"
#include "share/community.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::taxii {

enum class CollectionKind { kShared, kOwn, kGroup, kAll };

struct Collection {
  std::string id;  // a UUID
  CollectionKind kind = CollectionKind::kShared;
  std::string title;
  std::string description;
  std::string alias;         // "shared", "own", "group-<name>", "all"
  std::string organisation;  // the user's organisation (identity id); empty for a user of none
  std::string group;         // the sharing group's id, for kGroup
  bool can_read = true;
  bool can_write = false;
};

// The collection id of `kind` for `owner` (an organisation id for kShared
// and kOwn, a group id for kGroup, ignored for kAll).
std::string CollectionId(CollectionKind kind, std::string_view owner);

// The collections `principal` has, in the order above.
Result<std::vector<Collection>> CollectionsOf(share::Community& community, const share::Principal& principal);

// The collection `id` of `principal`; NotFound when it has none by that id.
Result<Collection> FindCollection(share::Community& community, const share::Principal& principal, std::string_view id);

// The store query reading `collection` as `viewer` (StoreViewerOf the
// principal): the viewer plus the collection's own label filter.
store::ListQuery CollectionQuery(const Collection& collection, const std::optional<store::Viewer>& viewer);

// What `principal`'s objects written to `collection` get when their
// markings do not say. REQUIRES: collection.can_write.
Result<share::LabelDefaults> WriteDefaults(share::Community& community, const share::Principal& principal,
                                           const Collection& collection);

}  // namespace kenes::taxii
