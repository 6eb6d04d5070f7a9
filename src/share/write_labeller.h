// WriteLabeller: the per-object write decision every way into the node
// shares (`kenes import`, TAXII POST, the REST API).
//
// For each object a principal writes, it looks up who created the object
// (for users, held to "only the creator versions"), asks AuthoriseWrite, and
// returns the store label; the object may be changed on the way (a user's
// object gains its organisation as created_by_ref and its marking refs).
//
// The returned function holds references to `store`; call it from one
// thread at a time (the importer does).
#pragma once

#include <functional>

#include "base/status.h"
#include "share/access_label.h"
#include "share/community.h"
#include "share/principal.h"
#include "stix/object.h"
#include "store/store.h"

namespace kenes::share {

using WriteLabel = std::function<Result<store::AccessLabel>(stix::Object&)>;

// What `principal` writes gets the label its markings say, else `defaults`.
Result<WriteLabel> WriteLabeller(store::Store& store, Community& community, Principal principal,
                                 LabelDefaults defaults);

// The defaults for `principal`'s writes when it names none: its
// organisation's default TLP (amber for the node operator) and
// `distribution`.
Result<LabelDefaults> DefaultsFor(Community& community, const Principal& principal, Distribution distribution);

}  // namespace kenes::share
