// AccessPolicy: may organisation O see version V of object X?
//
// One decision, from the version's label (access_label.h: author, TLP level,
// distribution) and what the community says about O (ViewerFacts). Every
// read path uses it: the store filters with the Viewer that StoreViewer
// derives from it, so limits, cursors and counts cover what O may see.
//
// The author organisation always sees its own versions. Otherwise O must be
// a recipient of the distribution, or, where the table says so, a child of
// one (an organisation whose parent is a recipient, e.g. a national agency
// under its security council):
//
//   distribution   recipients
//   organisation   none (the author only)
//   members        the member organisations
//   community      the member and partner organisations
//   group          the organisations of the sharing group
//
//   TLP           organisation  members         community       group
//   CLEAR         author only   recipients+ch.  recipients+ch.  recipients+ch.
//   GREEN         author only   recipients+ch.  recipients+ch.  recipients+ch.
//   AMBER         author only   recipients+ch.  recipients+ch.  recipients+ch.
//   AMBER+STRICT  author only   recipients      recipients      recipients
//   RED           author only   refused         refused         recipients
//
// "+ch." : and their children; "refused": CheckLabel refuses it at write
// time (TLP:RED travels to named recipients only), and a version stored
// with it anyway (an unchecked import) is seen by its author only. An
// organisation outside the community is no one's recipient: it sees its own
// versions and nothing else. Parent and child are one level: a child's
// child is not reached. Node administrators read without a viewer (every
// version); roles within an organisation do not change what it sees.
//
// Besides these labels there are objects addressed to one organisation
// (AddressedLabel): the sightings Kenes writes tell an indicator's author
// that its indicator was seen, and no one else but the observer. Every
// organisation's StoreViewer admits what is addressed to it, at any TLP
// level; no distribution reaches such an object, so MayView, which decides
// about distributions, never sees one.
//
// Pure functions over values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "share/access_label.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::share {

// What the community says about one organisation, as the decision needs it.
struct CommunityPlace {
  bool member = false;               // standing member
  bool partner = false;              // standing partner
  std::vector<std::string> groups;   // ids of the sharing groups it belongs to
};

// The organisation asking, and its parent's place if it has a parent.
struct ViewerFacts {
  std::string organisation;  // identity id
  CommunityPlace place;      // all false and empty for an outsider
  std::optional<CommunityPlace> parent;
};

// The store audience of objects addressed to one organisation, whose
// identity id is the label's group; beyond the distribution kinds.
inline constexpr int kAddressedAudience = kDistributionKinds;

// The label of an object `author` addresses to organisation `recipient`
// (identity ids), seen by the two of them only.
store::AccessLabel AddressedLabel(std::string author, std::string recipient, Tlp tlp);

// The decision: may `viewer` see a version labelled `label`?
bool MayView(const ViewerFacts& viewer, const Label& label);

// The store filter admitting exactly the versions MayView admits. Built by
// asking MayView about every label class the viewer could be a recipient of,
// so the SQL filter and this decision come from the same table.
store::Viewer StoreViewer(const ViewerFacts& viewer);

// The filter for reads by `principal`, whose organisation `viewer` describes:
// nullopt (every version) for an admin, StoreViewer(viewer) for every other
// role, which all see what their organisation sees.
std::optional<store::Viewer> StoreViewerFor(const Principal& principal, const ViewerFacts& viewer);

}  // namespace kenes::share
