#include "correlate/correlator.h"

#include "correlate/object_keys.h"

namespace kenes::correlate {
namespace {

// A stored version as the object the keys are read from.
stix::Object ObjectOf(store::StoredVersion version) {
  return stix::Object{std::move(version.id),
                      std::move(version.type),
                      std::move(version.spec_version),
                      std::nullopt,
                      version.version,
                      {},
                      version.revoked,
                      {},
                      std::move(version.json)};
}

}  // namespace

Result<std::unique_ptr<Correlator>> Correlator::Create(store::Store& store, share::Community& community,
                                                       IndexLimits limits, LinkSink sink) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<PersonIndex> persons, PersonIndex::Create());
  return std::unique_ptr<Correlator>(new Correlator(store, community, limits, std::move(sink), std::move(persons)));
}

Correlator::Correlator(store::Store& store, share::Community& community, IndexLimits limits, LinkSink sink,
                       std::unique_ptr<PersonIndex> persons)
    : store_(store), community_(community), index_(limits), persons_(std::move(persons)), sink_(std::move(sink)) {}

Result<std::shared_ptr<const std::unordered_set<std::string>>> Correlator::Organisations() {
  KENES_ASSIGN_OR_RETURN(uint64_t generation, community_.Generation());
  std::lock_guard lock(mutex_);
  if (!organisations_ || generation != generation_) {
    KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, community_.Organisations());
    auto ids = std::make_shared<std::unordered_set<std::string>>();
    // Every organisation of the community is a member or a partner (share/organisation.h).
    for (const share::Organisation& organisation : organisations) ids->insert(organisation.id);
    organisations_ = std::move(ids);
    generation_ = generation;
  }
  return organisations_;
}

void Correlator::Fail(const Status& status) {
  std::lock_guard lock(mutex_);
  ++totals_.failures;
  totals_.last_failure = status.message();
}

void Correlator::File(const stix::Object& object, const std::string& organisation,
                      std::vector<CrossBorderLink>& links) {
  if (object.revoked) {
    index_.Remove(object.id);
    persons_->Remove(object.id);
    return;
  }
  Result<ObjectKeys> keys = ObjectKeysOf(object);
  if (!keys.ok()) return Fail(keys.status());
  Holding holding{object.id, organisation};
  if (keys->person_name) {
    for (CrossBorderLink& link : persons_->Add(holding, *keys->person_name)) links.push_back(std::move(link));
  }
  Result<std::vector<CrossBorderLink>> made =
      keys->versioned ? index_.Replace(holding, keys->keys) : index_.Add(holding, keys->keys);
  if (!made.ok()) return Fail(made.status());
  for (CrossBorderLink& link : *made) links.push_back(std::move(link));
}

Status Correlator::Observe(const ingest::StoredBatch& batch) {
  KENES_ASSIGN_OR_RETURN(auto organisations, Organisations());
  // Other types are passed over before the store is asked for their latest version.
  static const std::unordered_set<std::string> correlated_types(CorrelatedTypes().begin(), CorrelatedTypes().end());
  std::vector<CrossBorderLink> links;
  size_t correlated = 0;
  for (size_t i = 0; i < batch.objects.size(); ++i) {
    const stix::Object& object = batch.objects[i];
    store::WriteOutcome outcome = batch.results[i].outcome;
    std::optional<Timestamp> version = object.VersionTimestamp();
    // A duplicate version was correlated when first stored; only an
    // observable's may come from another organisation.
    bool new_holding =
        outcome == store::WriteOutcome::kStored || (outcome == store::WriteOutcome::kDuplicate && !version);
    if (!new_holding) continue;
    const std::string& organisation = batch.labels.empty() ? object.created_by_ref : batch.labels[i].author;
    if (!organisations->contains(organisation) || !correlated_types.contains(object.type)) continue;
    if (version) {
      Result<store::StoredVersion> latest = store_.Latest(object.id);
      if (!latest.ok()) return latest.status();
      if (latest->version != version) continue;  // history filled in behind the latest version
    }
    File(object, organisation, links);
    ++correlated;
  }
  if (!links.empty() && sink_) sink_(links);
  std::lock_guard lock(mutex_);
  totals_.objects += correlated;
  totals_.links += links.size();
  return Status::Ok();
}

Status Correlator::Deleted(std::string_view object_id) {
  index_.Remove(object_id);
  persons_->Remove(object_id);
  Result<store::StoredVersion> remaining = store_.Latest(object_id);
  if (!remaining.ok()) return remaining.status().code() == StatusCode::kNotFound ? Status::Ok() : remaining.status();
  KENES_ASSIGN_OR_RETURN(auto organisations, Organisations());
  std::string organisation = remaining->created_by_ref;
  if (!organisations->contains(organisation)) return Status::Ok();
  std::vector<CrossBorderLink> reported_before;
  File(ObjectOf(std::move(*remaining)), organisation, reported_before);
  return Status::Ok();
}

void Correlator::NoteAdded(const Timestamp& date_added) {
  std::lock_guard lock(mutex_);
  if (!newest_added_ || *newest_added_ < date_added) newest_added_ = date_added;
}

Status Correlator::FileAll(store::ListQuery query, const std::string& organisation, bool persons_only,
                           RebuildTotals& totals) {
  std::vector<CrossBorderLink> ignored;  // reported when the objects came in
  query.versions.last = true;
  query.label_author = organisation;
  for (bool more = true; more;) {
    KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
    for (store::StoredVersion& version : page.versions) {
      NoteAdded(version.date_added);
      stix::Object object = ObjectOf(std::move(version));
      if (persons_only) {
        Result<ObjectKeys> keys = ObjectKeysOf(object);
        if (keys.ok() && keys->person_name && !object.revoked)
          persons_->Add({object.id, organisation}, *keys->person_name);
      } else {
        File(object, organisation, ignored);
        ignored.clear();
      }
      ++totals.objects;
    }
    more = page.more;
    query.cursor = std::move(page.cursor);
  }
  return Status::Ok();
}

Result<RebuildTotals> Correlator::Rebuild(size_t page_size, const std::filesystem::path& snapshot) {
  auto started = std::chrono::steady_clock::now();
  KENES_ASSIGN_OR_RETURN(auto organisations, Organisations());
  RebuildTotals totals;
  std::optional<Timestamp> covered;  // the newest version the snapshot holds
  if (!snapshot.empty()) {
    Result<std::string> marker = index_.Load(snapshot);
    if (marker.ok()) {
      totals.from_snapshot = true;
      covered = ParseTimestamp(*marker);  // none: the snapshot was of an empty store
      if (covered) NoteAdded(*covered);
    } else if (marker.status().code() != StatusCode::kNotFound) {
      totals.snapshot_problem = marker.status().message();
    }
  }
  for (const std::string& organisation : *organisations) {
    store::ListQuery query;
    query.types = CorrelatedTypes();
    query.added_after = covered;
    query.limit = page_size;
    KENES_RETURN_IF_ERROR(FileAll(query, organisation, false, totals));
    if (covered) {
      query.types = {"identity", "threat-actor"};
      query.added_after.reset();
      query.added_before = covered;
      KENES_RETURN_IF_ERROR(FileAll(query, organisation, true, totals));
    }
  }
  totals.failures = this->totals().failures;
  totals.elapsed = std::chrono::steady_clock::now() - started;
  return totals;
}

Status Correlator::SaveSnapshot(const std::filesystem::path& snapshot) {
  std::optional<Timestamp> newest;
  {
    std::lock_guard lock(mutex_);
    newest = newest_added_;
  }
  // What this process read at its start, not what it observed since: another
  // process (kenes import beside kenes serve) may have stored versions in
  // between that this index never saw, and the next start must read them.
  // Versions read again are filed again, which changes nothing.
  return index_.Save(snapshot, newest ? FormatTimestamp(*newest, 6) : "");
}

CorrelationTotals Correlator::totals() {
  std::lock_guard lock(mutex_);
  return totals_;
}

}  // namespace kenes::correlate
