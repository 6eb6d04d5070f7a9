#include "sight/hunter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "share/access_viewer.h"

namespace kenes::sight {
namespace {

constexpr size_t kPageSize = 500;

Timestamp Minus(const Timestamp& time, std::chrono::seconds seconds) {
  Timestamp earlier = time;
  earlier.seconds -= seconds.count();
  return earlier;
}

std::optional<Timestamp> TimestampMember(const pattern::JsonValue& object, std::string_view name) {
  const pattern::JsonValue* member = object.Member(name);
  if (member == nullptr || member->kind != pattern::JsonValue::Kind::kString) return std::nullopt;
  return ParseTimestamp(member->text);
}

share::Tlp TlpOfMarkings(std::span<const std::string> marking_refs) {
  return share::StrictestTlp(marking_refs).value_or(share::Tlp::kAmber);
}

// Whether the store shows a version labelled `label` to `viewer`, by the rule
// store.h states, without asking the store.
bool Admits(const store::Viewer& viewer, const store::AccessLabel& label) {
  if (!viewer.author.empty() && viewer.author == label.author) return true;
  return std::any_of(viewer.grants.begin(), viewer.grants.end(), [&label](const store::AccessGrant& grant) {
    return grant.audience == label.audience && (grant.levels >> label.level & 1) != 0 && grant.group == label.group;
  });
}

// The store query for an observer's latest observed-data added within the window.
store::ListQuery ObservedDataOf(const std::string& observer, const Timestamp& since) {
  store::ListQuery query;
  query.types = {"observed-data"};
  query.label_author = observer;
  query.added_after = since;
  query.versions.last = true;
  query.limit = kPageSize;
  return query;
}

}  // namespace

bool Hunter::Observations::Add(std::string_view id, std::string_view json, std::string observer, share::Tlp tlp,
                               std::optional<Timestamp> date_added) {
  if (positions.contains(std::string(id)) || !gatherer.AddObservedData(json)) return false;
  positions.emplace(std::string(id), observers.size());
  observers.push_back(std::move(observer));
  tlps.push_back(tlp);
  texts.push_back(json);
  added.push_back(date_added);
  return true;
}

Hunter::Hunter(store::Store& store, share::Community& community, HuntOptions options)
    : store_(store), community_(community), options_(options) {
  if (options_.clock == nullptr) options_.clock = &store::SystemClock();
}

HuntTotals Hunter::totals() {
  std::lock_guard lock(mutex_);
  HuntTotals totals = totals_;
  totals.indicators = table_.size();
  return totals;
}

Status Hunter::Observe(const ingest::StoredBatch& batch) {
  std::lock_guard lock(mutex_);
  const Timestamp now = options_.clock->Now();
  KENES_RETURN_IF_ERROR(LoadIndicators(now));
  KENES_RETURN_IF_ERROR(RefreshVisibility());
  contexts_.clear();
  FileIndicators(batch, now);

  LocalObjects local;
  for (const stix::Object& object : batch.objects) local.emplace(object.id, &object);
  Observations hunted(store_, &local);
  for (size_t i = 0; i < batch.objects.size(); ++i) {
    const stix::Object& object = batch.objects[i];
    const store::WriteOutcome outcome = batch.results[i].outcome;
    if (object.type != "observed-data" ||
        (outcome != store::WriteOutcome::kStored && outcome != store::WriteOutcome::kDuplicate)) {
      continue;
    }
    std::string observer = batch.labels.empty() ? object.created_by_ref : batch.labels[i].author;
    share::Tlp tlp = batch.labels.empty() ? TlpOfMarkings(object.object_marking_refs)
                                          : static_cast<share::Tlp>(batch.labels[i].level);
    if (!observer.empty()) hunted.Add(object.id, object.json, std::move(observer), tlp, std::nullopt);
  }
  Found found;
  if (!hunted.observers.empty()) {
    KENES_RETURN_IF_ERROR(HuntAll(hunted, table_.index(), now, found));
  }
  if (batch.last && !unhunted_.empty()) {
    std::vector<IndicatorTable::Handle> fresh;
    for (const std::string& id : unhunted_) {
      // Only those in force: Hunt takes an expired one out of the table, which the retro-hunt's own index
      // would still list.
      std::optional<IndicatorTable::Handle> handle = table_.HandleOf(id);
      if (handle && table_.at(*handle).indicator.InForceAt(now)) fresh.push_back(*handle);
    }
    unhunted_.clear();
    KENES_RETURN_IF_ERROR(RetroHunt(fresh, now, found));
  }
  contexts_.clear();
  return Write(found);
}

Status Hunter::LoadIndicators(const Timestamp& now) {
  if (loaded_) return Status::Ok();
  store::ListQuery query;
  query.types = {"indicator"};
  query.versions.last = true;
  query.limit = kPageSize;
  while (true) {
    KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
    for (const store::StoredVersion& version : page.versions) FileStored(version, now);
    query.cursor = page.cursor;
    if (!page.more) break;
  }
  loaded_ = true;
  return Status::Ok();
}

void Hunter::FileStored(const store::StoredVersion& version, const Timestamp& now) {
  if (!version.version || !table_.Advance(version.id, *version.version)) return;
  Result<std::optional<ActiveIndicator>> indicator =
      ReadIndicator(version.json, version.spec_version,
                    {version.created_by_ref, TlpOfMarkings(version.object_marking_refs), std::nullopt}, now);
  if (!indicator.ok()) {
    ++totals_.unusable;
  } else if (indicator->has_value()) {
    table_.Add(std::move(**indicator));
  }
}

Status Hunter::Deleted(std::string_view id) {
  std::lock_guard lock(mutex_);
  if (!loaded_) return Status::Ok();  // the table will be loaded from the store as it is then
  table_.Forget(id);
  unhunted_.erase(std::string(id));
  Result<store::StoredVersion> remaining = store_.Latest(id);
  if (!remaining.ok()) return remaining.status().code() == StatusCode::kNotFound ? Status::Ok() : remaining.status();
  if (remaining->type == "indicator") FileStored(*remaining, options_.clock->Now());
  return Status::Ok();
}

Status Hunter::RefreshVisibility() {
  KENES_ASSIGN_OR_RETURN(uint64_t generation, community_.Generation());
  if (generation != generation_) {
    generation_ = generation;
    viewers_.clear();
    table_.ForgetVisibility();
  }
  return Status::Ok();
}

void Hunter::FileIndicators(const ingest::StoredBatch& batch, const Timestamp& now) {
  std::optional<Timestamp> batch_added;  // the first date_added of the batch's new versions
  for (const store::WriteResult& result : batch.results) {
    if (result.outcome == store::WriteOutcome::kStored && (!batch_added || result.date_added < *batch_added)) {
      batch_added = result.date_added;
    }
  }
  for (size_t i = 0; i < batch.objects.size(); ++i) {
    const stix::Object& object = batch.objects[i];
    std::optional<Timestamp> version = object.VersionTimestamp();
    if (object.type != "indicator" || batch.results[i].outcome != store::WriteOutcome::kStored || !version) continue;
    if (!table_.Advance(object.id, *version)) {
      // Loaded from the store a moment ago, with this batch in it: still new.
      std::optional<IndicatorTable::Handle> loaded = table_.HandleOf(object.id);
      if (loaded && table_.at(*loaded).indicator.version == *version) {
        table_.at(*loaded).hunted_since = batch_added;
        unhunted_.insert(object.id);
      }
      continue;
    }
    IndicatorOrigin origin{object.created_by_ref, TlpOfMarkings(object.object_marking_refs), std::nullopt};
    if (!batch.labels.empty()) {
      origin = {batch.labels[i].author, static_cast<share::Tlp>(batch.labels[i].level), batch.labels[i]};
    }
    Result<std::optional<ActiveIndicator>> indicator = ReadIndicator(object.json, object.spec_version, origin, now);
    if (!indicator.ok()) {
      ++totals_.unusable;
      Fail(indicator.status());
    } else if (indicator->has_value()) {
      table_.Add(std::move(**indicator), batch_added);
      unhunted_.insert(object.id);
    }
  }
}

Result<bool> Hunter::MaySee(IndicatorTable::Entry& entry, const std::string& organisation) {
  if (organisation == entry.indicator.author) return true;
  auto cached = entry.visible_to.find(organisation);
  if (cached != entry.visible_to.end()) return cached->second;
  auto viewer = viewers_.find(organisation);
  if (viewer == viewers_.end()) {
    KENES_ASSIGN_OR_RETURN(share::ViewerFacts facts, share::ViewerFactsOf(community_, organisation));
    viewer = viewers_.emplace(organisation, share::StoreViewer(facts)).first;
  }
  bool visible = false;
  if (entry.indicator.label) {
    visible = Admits(viewer->second, *entry.indicator.label);
  } else {
    Result<store::StoredVersion> seen = store_.Version(entry.indicator.id, entry.indicator.version, &viewer->second);
    if (!seen.ok() && seen.status().code() != StatusCode::kNotFound) return seen.status();
    visible = seen.ok();
  }
  entry.visible_to.emplace(organisation, visible);
  return visible;
}

Status Hunter::HuntAll(Observations& observations, const pattern::IndicatorIndex& index, const Timestamp& now,
                       Found& found) {
  KENES_RETURN_IF_ERROR(observations.gatherer.ResolveReferences());
  std::vector<IndicatorTable::Handle> candidates;
  for (size_t position = 0; position < observations.observers.size(); ++position) {
    candidates.clear();
    index.Candidates(observations.gatherer.set(), position, &candidates);
    KENES_RETURN_IF_ERROR(Hunt(observations, position, candidates, now, found));
  }
  return Status::Ok();
}

Status Hunter::Hunt(Observations& observations, size_t index, const std::vector<IndicatorTable::Handle>& candidates,
                    const Timestamp& now, Found& found) {
  const std::string& observer = observations.observers[index];
  const pattern::ObservedData& hunted = observations.gatherer.set().observed_data()[index];
  for (IndicatorTable::Handle handle : candidates) {
    IndicatorTable::Entry& entry = table_.at(handle);
    const ActiveIndicator& indicator = entry.indicator;
    if (!indicator.InForceAt(now)) {
      if (indicator.valid_until && *indicator.valid_until <= now) table_.Remove(handle);  // for good
      continue;
    }
    const std::optional<Timestamp>& added = observations.added[index];
    if (entry.hunted_since && added && *added >= *entry.hunted_since) continue;  // hunted with it already
    KENES_ASSIGN_OR_RETURN(bool visible, MaySee(entry, observer));
    if (!visible) continue;

    Observations* matched_in = &observations;
    std::vector<size_t> among = {index};
    if (indicator.needs_context) {
      KENES_ASSIGN_OR_RETURN(matched_in, ContextOf(observer, observations, now));
      // Observations further apart than the pattern allows never match together.
      const int64_t reach =
          static_cast<int64_t>(std::ceil(indicator.within.value_or(static_cast<double>(options_.window.count()))));
      Timestamp from = Minus(hunted.first_observed, std::chrono::seconds(reach));
      Timestamp to = Minus(hunted.last_observed, std::chrono::seconds(-reach));
      among.clear();
      const std::vector<pattern::ObservedData>& context = matched_in->gatherer.set().observed_data();
      for (size_t j = 0; j < context.size(); ++j) {
        if (context[j].last_observed >= from && context[j].first_observed <= to) among.push_back(j);
      }
    }
    ++totals_.evaluations;
    Result<std::optional<pattern::Match>> match = indicator.matcher.Evaluate(matched_in->gatherer.set(), among);
    if (!match.ok()) {
      Fail(Status::InvalidArgument(fmt::format("{}: {}", indicator.id, match.status().message())));
      continue;
    }
    if (!match->has_value()) continue;

    SightingFacts facts{indicator.id, indicator.author, indicator.tlp, observer, {}};
    for (size_t position : (*match)->observations) {
      const pattern::ObservedData& data = matched_in->gatherer.set().observed_data()[position];
      std::optional<Timestamp> created = TimestampMember(*data.document, "created");
      std::optional<Timestamp> modified = TimestampMember(*data.document, "modified");
      if (!created) continue;
      facts.observations.push_back({data.id, *created, modified.value_or(*created), data.first_observed,
                                    data.last_observed, data.number_observed, matched_in->tlps[position]});
    }
    if (!facts.observations.empty()) Record(facts, found);
  }
  return Status::Ok();
}

Result<Hunter::Observations*> Hunter::ContextOf(const std::string& observer, const Observations& hunted,
                                                const Timestamp& now) {
  std::unique_ptr<Context>& context = contexts_[observer];
  if (context) return &context->observations;
  context = std::make_unique<Context>(store_);
  const std::vector<pattern::ObservedData>& known = hunted.gatherer.set().observed_data();
  for (size_t i = 0; i < known.size(); ++i) {
    if (hunted.observers[i] != observer) continue;
    context->hunted_texts.emplace_back(hunted.texts[i]);
    context->observations.Add(known[i].id, context->hunted_texts.back(), observer, hunted.tlps[i], hunted.added[i]);
  }
  store::ListQuery query = ObservedDataOf(observer, Minus(now, options_.window));
  size_t listed = 0;
  while (listed < options_.max_context) {
    KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
    for (const store::StoredVersion& version : page.versions) {
      if (++listed > options_.max_context) break;
      context->observations.Add(version.id, version.json, observer, TlpOfMarkings(version.object_marking_refs),
                                version.date_added);
    }
    context->pages.push_back(std::move(page.versions));
    query.cursor = page.cursor;
    if (!page.more) break;
  }
  KENES_RETURN_IF_ERROR(context->observations.gatherer.ResolveReferences());
  return &context->observations;
}

Status Hunter::RetroHunt(const std::vector<IndicatorTable::Handle>& handles, const Timestamp& now, Found& found) {
  pattern::IndicatorIndex index;
  // What the node added after this was hunted with every one of them (Hunt skips the rest).
  std::optional<Timestamp> hunted_before;
  bool bounded = true;
  for (IndicatorTable::Handle handle : handles) {
    const IndicatorTable::Entry& entry = table_.at(handle);
    index.Add(handle, entry.indicator.matcher.pattern());
    bounded = bounded && entry.hunted_since.has_value();
    if (bounded && (!hunted_before || *hunted_before < *entry.hunted_since)) hunted_before = entry.hunted_since;
  }
  if (!bounded) hunted_before.reset();
  KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, community_.Organisations());
  for (const share::Organisation& organisation : organisations) {
    bool sees_any = false;
    for (size_t i = 0; i < handles.size() && !sees_any; ++i) {
      KENES_ASSIGN_OR_RETURN(sees_any, MaySee(table_.at(handles[i]), organisation.id));
    }
    if (!sees_any) continue;
    store::ListQuery query = ObservedDataOf(organisation.id, Minus(now, options_.window));
    query.added_before = hunted_before;
    while (true) {
      KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
      Observations observations(store_, nullptr);
      for (const store::StoredVersion& version : page.versions) {
        observations.Add(version.id, version.json, organisation.id, TlpOfMarkings(version.object_marking_refs),
                         version.date_added);
      }
      KENES_RETURN_IF_ERROR(HuntAll(observations, index, now, found));
      query.cursor = page.cursor;
      if (!page.more) break;
    }
  }
  return Status::Ok();
}

void Hunter::Record(const SightingFacts& facts, Found& found) {
  Result<stix::Object> sighting = SightingObject(facts);
  if (!sighting.ok()) {
    Fail(sighting.status());
    return;
  }
  if (!found.by_id.emplace(sighting->id, found.objects.size()).second) return;
  found.labels.push_back(SightingLabel(facts));
  found.objects.push_back(std::move(sighting).value());
}

Status Hunter::Write(Found& found) {
  if (found.objects.empty()) return Status::Ok();
  KENES_ASSIGN_OR_RETURN(std::vector<store::WriteResult> results, store_.Put(found.objects, found.labels));
  for (size_t i = 0; i < results.size(); ++i) {
    switch (results[i].outcome) {
      case store::WriteOutcome::kStored: ++totals_.sightings; break;
      case store::WriteOutcome::kDuplicate: ++totals_.duplicates; break;
      default:
        Fail(Status::AlreadyExists(fmt::format("{}: not stored ({}): {}", found.objects[i].id,
                                               store::WriteOutcomeName(results[i].outcome), results[i].message)));
    }
  }
  return Status::Ok();
}

void Hunter::Fail(const Status& status) {
  ++totals_.failures;
  totals_.last_failure = status.message();
}

}  // namespace kenes::sight
