// IngestSubscribers: everything that follows a stored batch, whichever way
// it came in (kenes import, TAXII POST, REST writes): automatic sightings
// (sight/hunter.h) and cross-border correlation (correlate/correlator.h).
// A command builds one and hands OnBatch() to its importers as
// ingest::ImportOptions::on_batch, so a new subscriber is added here once,
// not in every caller.
//
// Start rebuilds the correlation index from its snapshot in the data
// directory (correlation-index.snapshot) and the versions stored after it,
// or from the store alone (and says on standard error how long it took,
// when it took a second or more); the destructor writes the snapshot again. A subscriber's failure is reported on
// standard error and never undoes the batch, which is stored.
//
// Thread-safety: OnBatch's function may run on any number of threads at
// once (each subscriber serialises what it must). The store and community
// must outlive this.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "base/status.h"
#include "cli/config.h"
#include "correlate/correlator.h"
#include "ingest/importer.h"
#include "share/community.h"
#include "sight/hunter.h"
#include "store/store.h"

namespace kenes::cli {

class IngestSubscribers {
 public:
  // `links` receives the cross-border links (the alert book); empty: they
  // are only counted.
  static Result<std::unique_ptr<IngestSubscribers>> Start(store::Store& store, share::Community& community,
                                                          const Config& config, correlate::LinkSink links = {});

  ~IngestSubscribers();

  std::function<void(const ingest::StoredBatch&)> OnBatch();
  // For taxii::ServiceOptions::on_deleted: deleted versions leave the hunter and the correlation index.
  std::function<void(std::string_view id)> OnDeleted();

  sight::Hunter& hunter() { return hunter_; }
  correlate::Correlator& correlator() { return *correlator_; }

 private:
  IngestSubscribers(store::Store& store, share::Community& community, const Config& config,
                    std::unique_ptr<correlate::Correlator> correlator)
      : hunter_(store, community, {config.HuntWindow()}),
        correlator_(std::move(correlator)),
        snapshot_(SnapshotPath(config)) {}
  static std::filesystem::path SnapshotPath(const Config& config) {
    return config.data_dir / "correlation-index.snapshot";
  }

  sight::Hunter hunter_;
  std::unique_ptr<correlate::Correlator> correlator_;
  std::filesystem::path snapshot_;
};

}  // namespace kenes::cli
