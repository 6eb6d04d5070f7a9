// VersionWriter: how the assistance desk stores a version of a request or
// an offer — through the importer with share::WriteLabeller, exactly as
// `kenes import --as` and the REST API's writes do, so the same validation,
// authorship and sharing rules apply: a user's object gets its
// organisation as created_by_ref and the TLP and distribution markings of
// its label; only the creator versions an object.
//
// Sharing: what the object's markings do not say comes from `Sharing`: the
// TLP chosen, else the acting organisation's default TLP; the distribution
// chosen, else the writer's default (AssistanceDesk passes community for
// requests, organisation for offers). A new version made from a stored one
// carries that one's markings, and so keeps its label.
//
// Thread-safety: Write may be called from any thread (an importer per call);
// the store and community must outlive the writer.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "ingest/importer.h"
#include "share/community.h"
#include "share/distribution.h"
#include "share/marking.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::assist {

struct Sharing {
  std::optional<share::Tlp> tlp;                    // none: the organisation's default TLP
  std::optional<share::Distribution> distribution;  // none: the caller's default
};

class VersionWriter {
 public:
  // `on_batch` (optional) is told each stored batch (automatic sightings, correlation).
  VersionWriter(store::Store& store, share::Community& community,
                std::function<void(const ingest::StoredBatch&)> on_batch = {})
      : store_(store), community_(community), on_batch_(std::move(on_batch)) {}

  // Validates and stores `text`, one object whose id is `id`, as `principal`,
  // and returns the version stored. InvalidArgument with the validator's
  // first error for an invalid object, PermissionDenied when the sharing
  // rules refuse the write, AlreadyExists when that version exists with
  // another text.
  Result<store::StoredVersion> Write(const share::Principal& principal, std::string_view id, std::string_view text,
                                     const Sharing& sharing, const share::Distribution& default_distribution);

 private:
  store::Store& store_;
  share::Community& community_;
  std::function<void(const ingest::StoredBatch&)> on_batch_;
};

// (name, JSON value) pairs to set in a new version.
using Members = std::vector<std::pair<std::string, std::string>>;

// The text of a new version: `json` (a stored object) with each of `set`
// replacing the member of its name, or added when absent; everything else
// is kept as it was (markings, created, external references...).
// Corruption when `json` is not a JSON object.
Result<std::string> WithMembers(std::string_view json, const Members& set);

}  // namespace kenes::assist
