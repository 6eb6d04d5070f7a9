// AccessAuthorship: who may write an object, as whom, and with what label.
//
// Users write as their organisation, and the node, not the client, decides
// who that is: an analyst's or org-admin's object gets its organisation as
// created_by_ref when it names none (the JSON text gains the property), and
// is refused when it names another organisation. Only the creator versions
// an object (STIX 2.1 section 3.6): a new version of an object another
// organisation created is refused, whatever it changes (a removed TLP
// marking included). Readers write nothing. The node's admin imports in
// bulk (a partner's feed, a file): producers' created_by_ref are kept, and
// objects whose markings say nothing take the defaults chosen for the import.
// Every label is checked with CheckLabel.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "base/status.h"
#include "share/access_label.h"
#include "share/principal.h"
#include "stix/object.h"

namespace kenes::share {

struct AuthorisedWrite {
  stix::Object object;  // as it is to be stored: created_by_ref set for users' objects
  Label label;
};

// `object` as `principal` may store it, and its label. `stored_creator` is
// the created_by_ref of the versions of object.id already stored ("" when
// they have none), nullopt when the id is new; admins do not need it. `defaults` fills in what the
// object's markings do not say (its author is ignored for users, who always
// write as their organisation); `group_ids` are the sharing groups known
// here. PermissionDenied for a write the principal may not make,
// InvalidArgument for a label CheckLabel refuses.
Result<AuthorisedWrite> AuthoriseWrite(const Principal& principal, stix::Object object,
                                       const std::optional<std::string>& stored_creator, const LabelDefaults& defaults,
                                       std::span<const std::string> group_ids);

}  // namespace kenes::share
