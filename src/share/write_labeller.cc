#include "share/write_labeller.h"

#include "share/access_authorship.h"
#include "share/access_viewer.h"

namespace kenes::share {

Result<WriteLabel> WriteLabeller(store::Store& store, Community& community, Principal principal,
                                 LabelDefaults defaults) {
  KENES_ASSIGN_OR_RETURN(std::vector<std::string> group_ids, SharingGroupIds(community));
  return WriteLabel([&store, principal = std::move(principal), defaults = std::move(defaults),
                     group_ids = std::move(group_ids)](stix::Object& object) -> Result<store::AccessLabel> {
    // Only users are held to "only the creator versions"; an admin's bulk
    // import skips the lookup. The creator is read unfiltered: a hidden
    // object is still someone else's.
    std::optional<std::string> stored_creator;
    if (principal.role != Role::kAdmin) {
      KENES_ASSIGN_OR_RETURN(stored_creator, store.CreatorOf(object.id));
    }
    KENES_ASSIGN_OR_RETURN(AuthorisedWrite write,
                           AuthoriseWrite(principal, std::move(object), stored_creator, defaults, group_ids));
    object = std::move(write.object);
    return ToStoreLabel(write.label);
  });
}

Result<LabelDefaults> DefaultsFor(Community& community, const Principal& principal, Distribution distribution) {
  LabelDefaults defaults{"", Tlp::kAmber, std::move(distribution)};
  if (!principal.organisation.empty()) {
    KENES_ASSIGN_OR_RETURN(Organisation own, community.FindOrganisation(principal.organisation));
    defaults.tlp = own.default_tlp;
  }
  return defaults;
}

}  // namespace kenes::share
