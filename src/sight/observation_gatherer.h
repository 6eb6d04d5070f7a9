// ObservationGatherer: builds the pattern::ObservationSet a hunt matches
// against: observed-data objects and the objects they reference.
//
// STIX 2.1 observed-data name their observables in object_refs, and those
// observables name others (a network-traffic's src_ref names an address).
// The gatherer follows these references, three levels deep, and looks each
// id up in the batch being ingested (which is stored already, but at hand)
// and then in the store, reading every version whoever may see it: the
// observables belong to the observation, and a sighting reveals no more of
// them than their ids. A reference found nowhere is skipped, as the matcher
// skips it. The 2.0 form (embedded `objects`) needs nothing looked up.
//
// Not thread-safe; one per hunt. The store and `local` must outlive it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "pattern/observation.h"
#include "stix/object.h"
#include "store/store.h"

namespace kenes::sight {

// Objects by id, from the batch being hunted.
using LocalObjects = std::unordered_map<std::string_view, const stix::Object*>;

class ObservationGatherer {
 public:
  // `local` may be null.
  ObservationGatherer(store::Store& store, const LocalObjects* local) : store_(store), local_(local) {}

  // Adds one observed-data object; false when the set refuses it (no
  // valid first_observed...), and then nothing was added.
  bool AddObservedData(std::string_view json);

  // Adds what the observed-data added so far reference, and what that
  // references in turn. Errors: the store's.
  Status ResolveReferences();

  const pattern::ObservationSet& set() const { return set_; }

 private:
  // Queues the ids `json` references that are not in the set yet.
  void QueueReferences(std::string_view json);
  // Adds the queued ids' objects found in `local_` or the store.
  Status AddQueued();

  store::Store& store_;
  const LocalObjects* local_;
  pattern::ObservationSet set_;
  std::unordered_set<std::string> held_;       // ids added to the set
  std::vector<std::string> queued_;            // ids to look up next
  std::vector<std::string> unresolved_jsons_;  // texts added whose references are not followed yet
};

}  // namespace kenes::sight
