// libFuzzer target: arbitrary pattern text matched against a fixed set of observations of many
// shapes, in both STIX versions. Besides crashes, sanitizer reports and hangs, it fails when the
// engine contradicts itself: matching among every observation must equal matching the whole set,
// and a pattern that matches an observation must be among the indicator index's candidates for it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <string_view>
#include <vector>

#include "pattern/indicator_index.h"
#include "pattern/matcher.h"
#include "pattern/observation.h"
#include "pattern/pattern.h"

namespace {

using namespace kenes::pattern;

void Check(bool condition) {
  if (!condition) std::abort();
}

constexpr char kObservations[] = R"([
{"type": "observed-data", "id": "observed-data--00000000-0000-4000-8000-000000000001",
 "first_observed": "2026-01-01T00:00:00Z", "last_observed": "2026-01-01T00:00:10Z", "number_observed": 2,
 "object_refs": ["ipv4-addr--00000000-0000-4000-8000-000000000001", "network-traffic--00000000-0000-4000-8000-000000000001"]},
{"type": "ipv4-addr", "id": "ipv4-addr--00000000-0000-4000-8000-000000000001", "value": "203.0.113.7"},
{"type": "network-traffic", "id": "network-traffic--00000000-0000-4000-8000-000000000001",
 "dst_ref": "ipv4-addr--00000000-0000-4000-8000-000000000001", "dst_port": 443, "protocols": ["tcp", "tls"],
 "extensions": {"http-request-ext": {"request_header": {"Host": "courier.example"}}}},
{"type": "observed-data", "id": "observed-data--00000000-0000-4000-8000-000000000002",
 "first_observed": "2026-01-01T00:01:00Z", "last_observed": "2026-01-01T00:01:00Z", "number_observed": 1,
 "object_refs": ["file--00000000-0000-4000-8000-000000000002"]},
{"type": "file", "id": "file--00000000-0000-4000-8000-000000000002", "name": "report.exe", "size": 4096,
 "hashes": {"MD5": "cead3f77f6cda6ec00f57d76c9a6879f", "SHA-256": "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"},
 "ctime": "2025-12-31T23:00:00Z", "magic_number_hex": "ffd8", "x_score": 7.5, "x_flag": true, "x_null": null},
{"type": "observed-data", "id": "observed-data--00000000-0000-4000-8000-000000000003",
 "first_observed": "2026-01-01T00:02:00Z", "last_observed": "2026-01-01T00:03:00Z", "number_observed": 5,
 "objects": {"0": {"type": "x-kenes-phone-number", "value": "+77011234567"},
             "1": {"type": "email-message", "from_ref": "2", "is_multipart": false},
             "2": {"type": "email-addr", "value": "courier@example.com"}}}
])";

const ObservationSet& Observations() {
  static const ObservationSet* set = [] {
    auto* observations = new ObservationSet();
    Check(observations->AddJson(kObservations).ok());
    return observations;
  }();
  return *set;
}

void FuzzVersion(std::string_view text, StixVersion version) {
  kenes::Result<Pattern> parsed = Parse(text, version);
  if (!parsed.ok()) return;
  IndicatorIndex index;
  index.Add(1, *parsed);
  kenes::Result<Matcher> matcher = Matcher::Create(std::move(*parsed));
  if (!matcher.ok()) return;

  const ObservationSet& set = Observations();
  std::vector<size_t> all(set.observed_data().size());
  std::iota(all.begin(), all.end(), 0);
  const auto whole = matcher->Evaluate(set);
  const auto among = matcher->Evaluate(set, all);
  Check(whole.ok() == among.ok());
  if (!whole.ok()) return;
  Check(whole->has_value() == among->has_value());
  for (size_t observation : all) {
    const std::vector<size_t> alone = {observation};
    const auto single = matcher->Evaluate(set, alone);
    if (!single.ok() || !single->has_value()) continue;
    std::vector<IndicatorIndex::Handle> candidates;
    index.Candidates(set, observation, &candidates);
    Check(candidates == std::vector<IndicatorIndex::Handle>{1});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzVersion(text, StixVersion::k21);
  FuzzVersion(text, StixVersion::k20);
  return 0;
}
