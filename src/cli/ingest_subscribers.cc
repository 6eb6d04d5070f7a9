#include "cli/ingest_subscribers.h"

#include <fmt/format.h>

namespace kenes::cli {

Result<std::unique_ptr<IngestSubscribers>> IngestSubscribers::Start(store::Store& store, share::Community& community,
                                                                    const Config& config, correlate::LinkSink links) {
  KENES_ASSIGN_OR_RETURN(
      std::unique_ptr<correlate::Correlator> correlator,
      correlate::Correlator::Create(store, community, {config.correlate_max_holdings}, std::move(links)));
  KENES_ASSIGN_OR_RETURN(correlate::RebuildTotals rebuilt, correlator->Rebuild(5000, SnapshotPath(config)));
  if (!rebuilt.snapshot_problem.empty()) fmt::print(stderr, "warning: {}\n", rebuilt.snapshot_problem);
  // A slow start is explained; a quick one needs no word.
  if (rebuilt.elapsed >= std::chrono::seconds(1)) {
    correlate::IndexSize size = correlator->index().Size();
    fmt::print(stderr, "correlation index: {} keys, {} objects read{}, in {:.2f} s ({:.0f} MB)\n", size.keys,
               rebuilt.objects, rebuilt.from_snapshot ? " after its snapshot" : "", rebuilt.elapsed.count(),
               size.memory_bytes / 1e6);
  }
  return std::unique_ptr<IngestSubscribers>(new IngestSubscribers(store, community, config, std::move(correlator)));
}

IngestSubscribers::~IngestSubscribers() {
  if (Status saved = correlator_->SaveSnapshot(snapshot_); !saved.ok()) {
    fmt::print(stderr, "warning: the correlation index will be rebuilt from the store at the next start: {}\n",
               saved.message());
  }
}

std::function<void(const ingest::StoredBatch&)> IngestSubscribers::OnBatch() {
  return [this](const ingest::StoredBatch& batch) {
    if (Status hunted = hunter_.Observe(batch); !hunted.ok()) {
      fmt::print(stderr, "error: the objects are stored, but hunting them for sightings failed: {}\n",
                 hunted.message());
    }
    if (Status correlated = correlator_->Observe(batch); !correlated.ok()) {
      fmt::print(stderr, "error: the objects are stored, but correlating them failed: {}\n", correlated.message());
    }
  };
}

std::function<void(std::string_view id)> IngestSubscribers::OnDeleted() {
  return [this](std::string_view id) {
    if (Status hunted = hunter_.Deleted(id); !hunted.ok()) {
      fmt::print(stderr, "error: {} is deleted, but the hunter could not forget it: {}\n", id, hunted.message());
    }
    if (Status correlated = correlator_->Deleted(id); !correlated.ok()) {
      fmt::print(stderr, "error: {} is deleted, but the correlation index could not forget it: {}\n", id,
                 correlated.message());
    }
  };
}

}  // namespace kenes::cli
