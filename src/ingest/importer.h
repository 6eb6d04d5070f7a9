// Importer: the ingest pipeline every way into Kenes shares — read the bytes,
// validate each object, and store the valid ones in durable batches.
//
// A bad object never sinks the good ones: each problem is reported for the
// object it concerns, and the rest of the input goes on. Without a store the
// importer only validates (`kenes validate`).
//
// Storing a batch overlaps with reading and validating the next one (on a
// second thread), so totals().stored lags until Finish() has returned.
// Messages are delivered on the caller's thread.
//
// Not thread-safe: one importer per thread. The store must outlive it.
#pragma once

#include <cstdio>
#include <functional>
#include <future>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "stix/object.h"
#include "stix/reader.h"
#include "store/store.h"

namespace kenes::ingest {

// What became of one object of the input, for callers that answer object
// by object (TAXII's status resource lists successes and failures).
struct ObjectOutcome {
  enum class Kind { kStored, kDuplicate, kInvalid, kRefused };
  size_t index = 0;                     // the object's 0-based position in the input (stix::ReadItem::index)
  std::string id;                       // empty when the object has no readable id
  std::optional<Timestamp> version;     // modified, else created; none for SCOs and unreadable objects
  std::optional<Timestamp> date_added;  // of the stored version, for kStored and kDuplicate
  Kind kind = Kind::kStored;
  std::string message;                  // why, for kInvalid and kRefused
};

// One batch as the store took it: the objects, their labels (empty when
// ImportOptions::label is unset) and the store's result for each.
struct StoredBatch {
  std::span<const stix::Object> objects;
  std::span<const store::AccessLabel> labels;
  std::span<const store::WriteResult> results;
  bool last = false;  // the import's final batch, stored by Finish(): work kept for the end may run now
};

struct ImportOptions {
  size_t batch_size = 50000;            // objects per store transaction: larger batches rewrite fewer index pages per object
  bool assign_missing_sco_ids = false;  // give SCOs that arrive without an id their deterministic id
  // Decides who may see each valid object before it is stored, and may
  // adjust it (share::AuthoriseWrite sets a user's created_by_ref); an error
  // refuses the object. Unset: objects are stored unlabelled (store.h: seen
  // by their author only, and by reads without a viewer).
  std::function<Result<store::AccessLabel>(stix::Object&)> label;
  // Optional: told the outcome of every object once it is known, on the
  // caller's thread (a stored object's by Finish() at the latest). Without
  // a store, only refused objects have one.
  std::function<void(const ObjectOutcome&)> on_outcome;
  // Optional: told each batch once it is durable, on the caller's thread,
  // after its outcomes (automatic sightings hang here: sight/hunter.h).
  // Whatever it does, the batch stays stored and counted.
  std::function<void(const StoredBatch&)> on_batch;
};

// One finding about one object (or the input itself), ready to show a person.
struct ImportMessage {
  bool is_error = true;  // false: a warning (a SHOULD of the spec), nothing refused
  std::string text;      // "feed.json: object 3: indicator--... $.pattern: [pattern-syntax] ..."
};

struct ImportTotals {
  size_t read = 0;        // objects found in the input
  size_t invalid = 0;     // refused by the parser or the validator
  size_t stored = 0;      // new versions now durable
  size_t duplicates = 0;  // versions the store already had
  size_t refused = 0;     // refused by the sharing rules or the store (conflicting text, newer than a revocation)
  size_t warnings = 0;

  bool AllAccepted() const { return invalid == 0 && refused == 0; }
};

class Importer {
 public:
  // `store` may be null: then objects are validated and nothing is stored.
  Importer(store::Store* store, ImportOptions options, std::function<void(const ImportMessage&)> on_message);

  // Imports everything `file` holds; `source` names it in messages. Stores
  // every complete batch; call Finish() for the last one.
  // `progress` (optional) learns how many bytes of the file have been read.
  Status ImportFile(std::FILE* file, std::string_view source, const std::function<void(size_t)>& progress = {});
  Status ImportBuffer(std::string_view bytes, std::string_view source);

  // Stores the objects still pending. A non-OK status means the store failed
  // and the pending objects were not stored.
  Status Finish();

  const ImportTotals& totals() const { return totals_; }

  ~Importer();  // waits for a batch still being stored

 private:
  stix::ReadCallbacks Callbacks(std::string_view source);
  void HandleObject(stix::ReadItem& item, std::string_view source);
  void Report(bool is_error, std::string text);
  // Tells options_.on_outcome that the object `item` was refused.
  void Refuse(const stix::ReadItem& item, ObjectOutcome::Kind kind, std::string message);
  // Hands the pending objects to the store on the storing thread, after the
  // batch before them has been stored and accounted for.
  Status StorePendingInBackground();
  // Waits for the batch being stored, if any, and accounts for its results.
  Status AwaitStoring();

  store::Store* store_;
  ImportOptions options_;
  std::function<void(const ImportMessage&)> on_message_;
  stix::Reader reader_;
  simdjson::dom::parser reparser_;  // for objects whose text gained an id
  std::vector<stix::Object> pending_;
  std::vector<size_t> pending_indexes_;  // each pending object's ReadItem::index
  std::vector<store::AccessLabel> pending_labels_;  // one per pending object when options_.label is set
  std::vector<stix::Object> storing_;  // the batch on the storing thread
  std::vector<size_t> storing_indexes_;
  std::vector<store::AccessLabel> storing_labels_;
  std::future<Result<std::vector<store::WriteResult>>> stored_;
  Status store_status_;  // the first store failure, which stops the import
  bool finishing_ = false;  // in Finish(): the batch stored once nothing is pending is the last
  ImportTotals totals_;
};

}  // namespace kenes::ingest
