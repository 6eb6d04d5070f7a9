// SingleWrite: one object a user composed (a REST create, a task moved, an
// offer pledged) stored through the importer, so it passes the same parser,
// validator and sharing decision as everything else, and its batch reaches
// the same subscribers (sightings, correlation).
//
// `label` is the sharing decision (share::WriteLabeller): an error it
// returns refuses the object and is the answer. Otherwise the answer says
// what the store did, in the words of the importer's first error:
//   - OK: stored, or byte for byte a version already stored (`stored` says which);
//   - InvalidArgument: the object is not valid STIX;
//   - AlreadyExists: that version exists with another text, or the object is revoked.
//
// Thread-safety: any number of writes at once (an importer each; the store
// serialises them).
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "base/status.h"
#include "base/timestamp.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace kenes::ingest {

struct SingleWriteResult {
  Status status;
  bool stored = false;               // a new version; false with OK status: a duplicate
  std::optional<Timestamp> version;  // the object's version timestamp, once the label accepted it
};

SingleWriteResult WriteSingle(store::Store& store, std::string_view text, std::string_view id,
                              const std::function<Result<store::AccessLabel>(stix::Object&)>& label,
                              const std::function<void(const StoredBatch&)>& on_batch);

}  // namespace kenes::ingest
