// VersionWriter: how the response desk stores the versions it composes —
// through the importer with share::WriteLabeller, exactly as `kenes import
// --as` and the REST API take objects: the same validation, the same sharing
// rules (a user writes as its organisation, only the creator versions an
// object, markings added for what the object does not say), and an
// "object.write" entry in the audit log whatever the outcome.
//
// Thread-safety: any number of writes at once (the store serialises them).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/importer.h"
#include "share/access_label.h"
#include "share/community.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::respond {

// Who a version is written as, and who asked for it.
struct Writing {
  share::Principal actor;         // the user who asked: the audit log's actor
  share::Principal writer;        // whose write it is under the sharing rules (the creator's organisation for a task
                                  // version the responsible organisation makes)
  share::LabelDefaults defaults;  // for what the object's markings do not say
};

class VersionWriter {
 public:
  // `on_batch` (optional) is told each stored batch (automatic sightings, correlation).
  VersionWriter(store::Store& store, share::Community& community,
                std::function<void(const ingest::StoredBatch&)> on_batch = {});

  // Stores `json`, a complete STIX object with id `id`, and returns the
  // version as stored. InvalidArgument with the validator's reason for an
  // invalid object, PermissionDenied when the sharing rules refuse it,
  // AlreadyExists for a conflicting or duplicate version.
  Result<store::StoredVersion> Write(const Writing& writing, std::string_view id, std::string json);

 private:
  store::Store& store_;
  share::Community& community_;
  std::function<void(const ingest::StoredBatch&)> on_batch_;
};

}  // namespace kenes::respond
