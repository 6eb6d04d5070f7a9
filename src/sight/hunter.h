// Hunter: automatic sightings. When observed-data is ingested, it finds the
// indicators whose patterns match and writes STIX sightings (sighting.h);
// when an indicator is ingested, it retro-hunts the observed-data stored
// within a window (default 90 days) and writes the same sightings.
//
// Which indicators: the latest version of every indicator with a STIX
// pattern that is in force at the time of the hunt (active_indicator.h),
// loaded from the store on first need and kept current by the indicators
// that pass through Observe (newer versions replace older, revoked and
// expired ones leave). An indicator is matched against an organisation's
// observed-data only if that organisation may see the indicator version
// (the store's access filter with the organisation's viewer: applied to the
// label of an indicator that came through Observe, else asked of the
// store), decided once per indicator version and organisation and kept
// until the community changes.
//
// When the retro-hunt runs: at the end of an import (the batch marked
// `last`), for every indicator filed since the previous retro-hunt, in one
// pass over the stored observed-data the node added before the indicator's
// batch (what came later was hunted with the indicator filed): a bulk
// import scans the window once, not once per batch. Its cost grows with the observed-data in the window
// (about 0.1 ms each here), and a POST of one indicator pays it in full.
// Only organisations of the community are retro-hunted for.
//
// Who observed: the author of the observed-data's store label (its
// created_by_ref, else the writer's organisation). Observed-data without an
// author has no observer and is not hunted.
//
// How patterns are evaluated: a single-observation pattern against the one
// observed-data (with its observables) alone. Any other pattern (AND, OR,
// FOLLOWEDBY between observations, REPEATS) against the observer's context:
// the observed-data being hunted plus the observer's latest observed-data
// versions the node added within the window, at most `max_context` of them
// (the oldest first), of which only those observed within the pattern's
// WITHIN (else the window) of the hunted one's first_observed..last_observed
// take part. Each evaluation reports the matcher's first match, so one
// sighting per indicator and hunted observed-data at most. Every sighting is
// a real match; a match that would need observed-data beyond these bounds
// is not found.
//
// Sightings are written straight to the store (never through the importer,
// so they are not hunted again) with their labels; their ids and text are
// deterministic, so hunting the same observed-data again (a re-ingest, also
// of duplicates, which repairs sightings lost to a crash between the batch
// and its sightings) stores duplicates, not new objects.
//
// Thread-safety: Observe may be called from any number of threads; calls
// are serialised. The store and community must outlive the Hunter.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "ingest/importer.h"
#include "pattern/observation.h"
#include "share/community.h"
#include "sight/indicator_table.h"
#include "sight/observation_gatherer.h"
#include "sight/sighting.h"
#include "stix/object.h"
#include "store/clock.h"
#include "store/store.h"

namespace kenes::sight {

struct HuntOptions {
  std::chrono::seconds window = std::chrono::hours(24 * 90);  // retro-hunt and context, by date added
  size_t max_context = 1000;      // stored observed-data a multi-observation pattern sees per observer
  store::Clock* clock = nullptr;  // the time of the hunt; nullptr: the system clock
};

struct HuntTotals {
  size_t indicators = 0;   // indicators filed now
  size_t unusable = 0;     // indicator versions whose pattern could not be used
  size_t evaluations = 0;  // patterns evaluated
  size_t sightings = 0;    // new sighting versions stored
  size_t duplicates = 0;   // sightings found again (already stored)
  size_t failures = 0;     // evaluations and writes that failed
  std::string last_failure;
};

class Hunter {
 public:
  Hunter(store::Store& store, share::Community& community, HuntOptions options = {});

  // Hunts what `batch` brought: its new indicator versions update the table
  // (and are retro-hunted once a `last` batch comes), its observed-data
  // (stored or duplicate) are hunted, and the sightings are stored. Errors: the store's or the
  // community's, when nothing more could be done; failures of single
  // evaluations or sightings are counted in totals() instead.
  Status Observe(const ingest::StoredBatch& batch);

  // Versions of `id` were deleted from the store (TAXII DELETE): a deleted
  // indicator is hunted no more, and if older versions remain, the latest
  // of them is hunted with instead (no retro-hunt: it was hunted before).
  Status Deleted(std::string_view id);

  HuntTotals totals();

 private:
  // Observed-data in one ObservationSet, each with its observer, TLP and
  // text (which must outlive this).
  struct Observations {
    explicit Observations(store::Store& store, const LocalObjects* local) : gatherer(store, local) {}
    ObservationGatherer gatherer;
    std::vector<std::string> observers;  // by position in gatherer.set().observed_data()
    std::vector<share::Tlp> tlps;
    std::vector<std::string_view> texts;
    std::vector<std::optional<Timestamp>> added;        // date_added of stored ones, unset for the batch's
    std::unordered_map<std::string, size_t> positions;  // by observed-data id
    bool Add(std::string_view id, std::string_view json, std::string observer, share::Tlp tlp,
             std::optional<Timestamp> date_added);
  };
  // An observer's context: its observations and the texts they hold.
  struct Context {
    explicit Context(store::Store& store) : observations(store, nullptr) {}
    Observations observations;
    std::deque<std::string> hunted_texts;  // copies: the hunted set may go before the context
    std::vector<std::vector<store::StoredVersion>> pages;
  };
  // The sightings of one Observe, written at its end.
  struct Found {
    std::vector<stix::Object> objects;
    std::vector<store::AccessLabel> labels;
    std::unordered_map<std::string, size_t> by_id;
  };

  Status LoadIndicators(const Timestamp& now);
  // Files the stored latest `version` of an indicator, if it is newer than the table's and in force at `now`.
  void FileStored(const store::StoredVersion& version, const Timestamp& now);
  Status RefreshVisibility();
  // Files the batch's new indicator versions, to be retro-hunted (at the batch's first date_added).
  void FileIndicators(const ingest::StoredBatch& batch, const Timestamp& now);
  Result<bool> MaySee(IndicatorTable::Entry& entry, const std::string& organisation);
  // Resolves the references of `observations` and hunts each with the candidates `index` lists.
  Status HuntAll(Observations& observations, const pattern::IndicatorIndex& index, const Timestamp& now, Found& found);
  // Evaluates `candidates` against observation `index` of `observations`.
  Status Hunt(Observations& observations, size_t index, const std::vector<IndicatorTable::Handle>& candidates,
              const Timestamp& now, Found& found);
  // The observer's context (above), with `hunted` (observations of this observer) in it first.
  Result<Observations*> ContextOf(const std::string& observer, const Observations& hunted, const Timestamp& now);
  Status RetroHunt(const std::vector<IndicatorTable::Handle>& handles, const Timestamp& now, Found& found);
  void Record(const SightingFacts& facts, Found& found);
  Status Write(Found& found);
  void Fail(const Status& status);

  store::Store& store_;
  share::Community& community_;
  HuntOptions options_;
  std::mutex mutex_;
  bool loaded_ = false;
  IndicatorTable table_;
  std::unordered_set<std::string> unhunted_;                // ids of indicators filed since the last retro-hunt
  uint64_t generation_ = 0;                                 // of the community when the viewers were worked out
  std::unordered_map<std::string, store::Viewer> viewers_;  // by organisation
  std::unordered_map<std::string, std::unique_ptr<Context>> contexts_;  // by observer, for one Observe
  HuntTotals totals_;
};

}  // namespace kenes::sight
