// Links: how one object connects to the objects a reader may see.
//
// Both directions: the ids the object's own *_ref and *_refs properties name
// (outgoing), and the objects whose latest version names it (incoming, the
// store's ReferencedBy). A relationship SRO naming the object is not an end
// in itself: the link goes through it to the object at its other end. Only
// objects the viewer may see appear, and a link whose far end is hidden is
// left out whole, so a hidden object's id never reaches the reader through a
// link (the relationship itself would name it).
//
// Thread-safety: as the store; the results are plain values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace kenes::rest {

enum class Direction { kOutgoing, kIncoming };

// "outgoing" or "incoming".
std::string_view DirectionName(Direction direction);

struct Link {
  Direction direction = Direction::kOutgoing;
  // What makes the link: the object's own property (outgoing), the
  // referrer's (incoming), or the relationship's property naming the object
  // ("source_ref": outgoing, "target_ref": incoming).
  std::string property;
  std::optional<store::StoredVersion> relationship;  // the relationship SRO the link goes through
  std::string relationship_type;                     // its relationship_type; empty without one
  store::StoredVersion other;                        // the object at the other end
};

struct Links {
  std::vector<Link> links;
  bool truncated = false;  // the object has more references, or is named by more objects, than the limit let through
};

// The links of `object` that `viewer` (nullptr: the node, everything) may
// see: those of its first `limit` references, and of the `limit` newest
// objects naming it.
Result<Links> LinksOf(store::Store& store, const store::Viewer* viewer, const store::StoredVersion& object,
                      size_t limit);

}  // namespace kenes::rest
