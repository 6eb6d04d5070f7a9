#include "sight/sighting.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/json_text.h"
#include "share/access_label.h"
#include "share/access_policy.h"
#include "stix/sco_id.h"

namespace kenes::sight {
namespace {

// The namespace of the UUIDv5 of Kenes' sightings (a fixed random UUID), so
// that they never collide with ids others derive from the same names.
constexpr stix::UuidBytes kSightingNamespace = {0x5c, 0x1e, 0x7a, 0x52, 0x3b, 0x0f, 0x4f, 0x6e,
                                                0x9d, 0x1a, 0x2e, 0x7c, 0x4b, 0x8a, 0x9f, 0x10};
constexpr int64_t kMaxCount = 999'999'999;  // STIX 2.1 section 5.2 bounds a sighting's count

// At least millisecond precision, and never less than the input had, so
// that distinct versions of the observed-data stay distinct.
std::string Written(const Timestamp& timestamp) {
  return FormatTimestamp(timestamp, std::max<int>(3, timestamp.fraction_digits));
}

share::Tlp Stricter(share::Tlp a, share::Tlp b) { return std::max(a, b); }

share::Tlp SightingTlp(const SightingFacts& facts) {
  share::Tlp tlp = Stricter(share::Tlp::kAmber, facts.indicator_tlp);
  for (const SightedObservation& observation : facts.observations) tlp = Stricter(tlp, observation.tlp);
  return tlp;
}

}  // namespace

Result<stix::Object> SightingObject(const SightingFacts& facts) {
  if (facts.observations.empty() || facts.observer.empty()) {
    return Status::InvalidArgument("a sighting needs an observer and at least one observed-data");
  }
  std::vector<const SightedObservation*> observations;
  for (const SightedObservation& observation : facts.observations) observations.push_back(&observation);
  std::sort(observations.begin(), observations.end(),
            [](const SightedObservation* a, const SightedObservation* b) { return a->id < b->id; });

  std::string name = facts.indicator_id;
  std::string refs;
  Timestamp created = observations.front()->created, modified = observations.front()->version;
  Timestamp first_seen = observations.front()->first_observed, last_seen = observations.front()->last_observed;
  int64_t count = 0;
  for (const SightedObservation* observation : observations) {
    name += '\n' + observation->id;
    if (!refs.empty()) refs += ',';
    AppendJsonString(refs, observation->id);
    created = std::min(created, observation->created);
    modified = std::max(modified, observation->version);
    first_seen = std::min(first_seen, observation->first_observed);
    last_seen = std::max(last_seen, observation->last_observed);
    count = std::min(kMaxCount, count + observation->number_observed);
  }
  name += '\n' + facts.observer;

  stix::Object object;
  object.type = "sighting";
  object.id = "sighting--" + stix::UuidV5(name, kSightingNamespace);
  object.spec_version = "2.1";
  object.created = created;
  object.modified = modified;
  object.created_by_ref = facts.observer;
  object.object_marking_refs = {std::string(share::TlpMarkingId(SightingTlp(facts)))};
  object.json = fmt::format(
      R"({{"type":"sighting","spec_version":"2.1","id":{},"created_by_ref":{},"created":{},"modified":{},)"
      R"("first_seen":{},"last_seen":{},"count":{},"sighting_of_ref":{},"observed_data_refs":[{}],)"
      R"("where_sighted_refs":[{}],"object_marking_refs":[{}]}})",
      JsonString(object.id), JsonString(facts.observer), JsonString(Written(created)), JsonString(Written(modified)),
      JsonString(Written(first_seen)), JsonString(Written(last_seen)), count, JsonString(facts.indicator_id), refs,
      JsonString(facts.observer), JsonString(object.object_marking_refs.front()));
  return object;
}

store::AccessLabel SightingLabel(const SightingFacts& facts) {
  const share::Tlp tlp = SightingTlp(facts);
  if (facts.indicator_author.empty() || facts.indicator_author == facts.observer) {
    return share::ToStoreLabel({facts.observer, tlp, {share::DistributionKind::kOrganisation, ""}});
  }
  return share::AddressedLabel(facts.observer, facts.indicator_author, tlp);
}

}  // namespace kenes::sight
