// Correlator: keeps the correlation index (correlation_index.h) and the
// person index (person_index.h) current with the store, and hands the
// cross-border links they report to a sink (the alert book).
//
// On ingest (Observe, hooked on ingest::ImportOptions::on_batch): each
// object of the batch, stored or a duplicate, whose organisation (its store
// label's author, else its created_by_ref) is one of the community's
// member or partner organisations gives its keys (object_keys.h): a
// cyber observable adds them (a duplicate of an observable another
// organisation stored first makes this organisation a holder too), a new
// latest version of an indicator replaces its keys, a revoked object leaves
// both indexes, a person's name goes to the person index. Older versions
// filling in history change nothing.
//
// On start (Rebuild): the latest version of every object of the correlated
// types, organisation by organisation, paged through the store; no links
// are reported (they were when the objects came in). With a snapshot that
// SaveSnapshot wrote, the index starts from it and only the versions the
// store added after the newest one the Rebuild before it read are read
// again (so versions another process stored meanwhile are not missed) (persons are always
// read from the store: they are few). Holdings known only from duplicates
// (an observable another organisation stored first) are not in the store:
// a snapshot keeps them, a rebuild without one loses them. A snapshot
// assumes the store only grew since it was written: after restoring an
// older store, delete it.
//
// Thread-safety: Observe may be called from any number of threads at once,
// and the indexes read meanwhile; Rebuild must run before the first
// Observe. The store and community must outlive the Correlator.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "correlate/correlation_index.h"
#include "correlate/cross_border_link.h"
#include "correlate/person_index.h"
#include "ingest/importer.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::correlate {

using LinkSink = std::function<void(const std::vector<CrossBorderLink>&)>;

struct RebuildTotals {
  bool from_snapshot = false;
  std::string snapshot_problem;  // why a snapshot given was not used, if it was not
  size_t objects = 0;            // versions read
  size_t failures = 0;           // objects whose keys could not be read
  std::chrono::duration<double> elapsed{};
};

struct CorrelationTotals {
  size_t objects = 0;   // objects correlated
  size_t links = 0;     // links handed to the sink
  size_t failures = 0;  // objects whose keys could not be read
  std::string last_failure;
};

class Correlator {
 public:
  // `sink` may be empty: links are then only counted.
  static Result<std::unique_ptr<Correlator>> Create(store::Store& store, share::Community& community,
                                                    IndexLimits limits, LinkSink sink);

  Status Observe(const ingest::StoredBatch& batch);
  // Versions of `object_id` were deleted from the store (TAXII DELETE): it
  // leaves both indexes, and if versions remain, the latest of them is
  // filed again as its created_by_ref's (no links are reported: they were
  // when it came in). Holdings of the object known only from duplicates
  // (see above) go with it.
  Status Deleted(std::string_view object_id);
  // `snapshot` empty: from the store alone.
  Result<RebuildTotals> Rebuild(size_t page_size = 5000, const std::filesystem::path& snapshot = {});
  // The index as it is, for the next Rebuild.
  Status SaveSnapshot(const std::filesystem::path& snapshot);

  const CorrelationIndex& index() const { return index_; }
  PersonIndex& persons() { return *persons_; }
  CorrelationTotals totals();

 private:
  Correlator(store::Store& store, share::Community& community, IndexLimits limits, LinkSink sink,
             std::unique_ptr<PersonIndex> persons);

  // The community's organisations, reread when the community changed.
  Result<std::shared_ptr<const std::unordered_set<std::string>>> Organisations();
  // Files `object` as `organisation`'s; its links go to `links`.
  void File(const stix::Object& object, const std::string& organisation, std::vector<CrossBorderLink>& links);
  void Fail(const Status& status);
  void NoteAdded(const Timestamp& date_added);
  // Files every latest version `query` lists for `organisation`; `persons_only` files names alone.
  Status FileAll(store::ListQuery query, const std::string& organisation, bool persons_only, RebuildTotals& totals);

  store::Store& store_;
  share::Community& community_;
  CorrelationIndex index_;
  std::unique_ptr<PersonIndex> persons_;
  LinkSink sink_;
  std::mutex mutex_;  // guards what follows
  uint64_t generation_ = 0;
  std::shared_ptr<const std::unordered_set<std::string>> organisations_;
  CorrelationTotals totals_;
  std::optional<Timestamp> newest_added_;  // of the versions Rebuild read (or its snapshot covered)
};

}  // namespace kenes::correlate
