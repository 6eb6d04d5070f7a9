// AccessLabel (share): who an object version belongs to and how far it may
// travel: its author organisation, TLP level and distribution.
//
// Writers label what they store: from the object's own markings (its TLP
// marking, marking.h; its distribution marking, distribution_marking.h)
// and, where it names none, the defaults of whoever writes it (the
// organisation's default TLP, or the distribution and TLP chosen for a bulk
// import). CheckLabel refuses the combinations the sharing rules forbid
// (access_policy.h) with an error a user can act on.
//
// Plain value type and pure functions; thread-safe.
#pragma once

#include <span>
#include <string>

#include "base/status.h"
#include "share/distribution.h"
#include "share/marking.h"
#include "stix/object.h"
#include "store/store.h"

namespace kenes::share {

struct Label {
  std::string author;  // identity id of the author organisation; empty: none known
  Tlp tlp = Tlp::kAmber;
  Distribution distribution;

  bool operator==(const Label&) const = default;
};

// What to assume for an object whose markings do not say.
struct LabelDefaults {
  std::string author;  // used when the object has no created_by_ref
  Tlp tlp = Tlp::kAmber;
  Distribution distribution;
};

// The label `object` carries: created_by_ref, the strictest TLP marking and
// the narrowest distribution marking among its object_marking_refs (a
// group's only if its id is in `group_ids`), each else from `defaults`.
Label LabelOf(const stix::Object& object, const LabelDefaults& defaults, std::span<const std::string> group_ids);

// InvalidArgument, saying why and what to choose instead, for a label the
// sharing rules refuse (TLP:RED beyond named recipients; a group
// distribution without a group). Writers call it before storing.
Status CheckLabel(const Label& label);

// The label in the store's neutral terms (store.h): audience is the
// DistributionKind, level the Tlp, group the sharing group id.
store::AccessLabel ToStoreLabel(const Label& label);

}  // namespace kenes::share
