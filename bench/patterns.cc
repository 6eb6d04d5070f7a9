// bench_patterns: how fast observations are matched against many indicators' patterns through the
// IndicatorIndex, against evaluating every pattern on every observation.
//
//   bench_patterns [--indicators N] [--observations M] [--full-scan K] [--seed S]
//
// The indicators (default 100,000) are mostly equality on IPv4 addresses, domains, SHA-256 hashes,
// phone numbers (x-kenes-phone-number, E.164), e-mail addresses, URLs and network-traffic
// destinations, some IN lists, ORs, an equality ANDed with LIKE or MATCHES, two-observation
// patterns with WITHIN, and 0.15% with LIKE, MATCHES or ISSUBSET alone (no value to look up; the
// index files them by the text, regex literals or block they need). The observations (default 1,000,000) are 2.1 bundles, each
// an observed-data with object_refs and its 1-3 observables; about 3% carry a value an indicator
// names. Texts are generated before each timed chunk, deterministically from the seed.
//
// One thread. Prints: (a) ObservationSet::AddJson alone, (b) with IndicatorIndex::Candidates,
// (c) with Matcher::Evaluate of every candidate, the figure that counts, each in wall and thread
// CPU time (steadier on a shared machine); the index's build time
// and memory; (d) evaluating every pattern of a K-indicator subset (default 1,000) on each
// observation without the index, and the ratio (c)/(d). The sample of (d) is also matched
// through the index, restricted to the subset: both must find the same sightings.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "pattern/indicator_index.h"
#include "pattern/matcher.h"
#include "pattern/observation.h"
#include "pattern/pattern.h"

namespace kenes::bench {
namespace {

using Clock = std::chrono::steady_clock;
using pattern::IndicatorIndex;

struct Settings {
  size_t indicators = 100'000;
  size_t observations = 1'000'000;
  size_t full_scan_indicators = 1'000;
  uint64_t seed = 7;
};

bool ParseArguments(int argc, char** argv, Settings& settings) {
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc) return false;
    const uint64_t value = std::stoull(argv[++i]);
    if (flag == "--indicators") {
      settings.indicators = value;
    } else if (flag == "--observations") {
      settings.observations = value;
    } else if (flag == "--full-scan") {
      settings.full_scan_indicators = value;
    } else if (flag == "--seed") {
      settings.seed = value;
    } else {
      return false;
    }
  }
  return settings.indicators > 0 && settings.observations > 0;
}

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

double ThreadCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long ResidentKilobytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser: ids to well-spread bits
  x += 0x9e3779b97f4a7c15;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9;
  x = (x ^ (x >> 27)) * 0x94d049bb133111eb;
  return x ^ (x >> 31);
}

// What kind of value an atom names; every kind has its observable.
enum class Kind { kIpv4, kDomain, kSha256, kPhone, kEmail, kUrl, kTraffic };
constexpr int kKinds = 7;

// The value of kind `kind` numbered `id`: distinct ids give distinct values (nearly always).
std::string ValueOf(Kind kind, uint64_t id) {
  const uint64_t bits = Mix(id * kKinds + static_cast<uint64_t>(kind));
  switch (kind) {
    case Kind::kIpv4:
    case Kind::kTraffic:
      return fmt::format("{}.{}.{}.{}", 1 + (bits >> 56) % 223, (bits >> 48) & 255, (bits >> 40) & 255, (bits >> 32) & 255);
    case Kind::kDomain:
      return fmt::format("h{:x}.zone{}.example", bits >> 24, bits % 1000);
    case Kind::kSha256:
      return fmt::format("{:016x}{:016x}{:016x}{:016x}", bits, Mix(bits), Mix(bits + 1), Mix(bits + 2));
    case Kind::kPhone:
      return fmt::format("+77{:09}", bits % 1'000'000'000);
    case Kind::kEmail:
      return fmt::format("u{:x}@mail{}.example", bits >> 28, bits % 50);
    case Kind::kUrl:
      return fmt::format("https://h{:x}.zone{}.example/p/{:x}", bits >> 40, bits % 1000, bits & 0xffffff);
  }
  return {};
}

// An `=` comparison on the property that holds a value of `kind`.
std::string Equality(Kind kind, const std::string& value) {
  switch (kind) {
    case Kind::kIpv4: return fmt::format("ipv4-addr:value = '{}'", value);
    case Kind::kDomain: return fmt::format("domain-name:value = '{}'", value);
    case Kind::kSha256: return fmt::format("file:hashes.'SHA-256' = '{}'", value);
    case Kind::kPhone: return fmt::format("x-kenes-phone-number:value = '{}'", value);
    case Kind::kEmail: return fmt::format("email-addr:value = '{}'", value);
    case Kind::kUrl: return fmt::format("url:value = '{}'", value);
    case Kind::kTraffic: return fmt::format("network-traffic:dst_ref.value = '{}'", value);
  }
  return {};
}

struct Planted {
  Kind kind;
  uint64_t id;
};

// Makes the indicators' patterns and remembers the values they name, for observations to carry.
class IndicatorMaker {
 public:
  explicit IndicatorMaker(uint64_t seed) : random_(seed) {}

  std::string Next(size_t position) {
    // 0.15% spread evenly: patterns without an `=`.
    const size_t unindexed_every = 2000;
    if (position % unindexed_every < 3) return Unindexed(position % unindexed_every, position);
    const uint32_t roll = random_() % 1000;
    if (roll < 700) return "[" + Atom(RandomKind()) + "]";
    if (roll < 800) return In(RandomKind(), 2 + random_() % 3);
    if (roll < 850) return Refined();
    if (roll < 920) return "[" + Atom(RandomKind()) + " OR " + Atom(RandomKind()) + "]";
    return fmt::format("[{}] {} [{}] WITHIN {} SECONDS", Atom(RandomKind()), random_() % 2 ? "AND" : "FOLLOWEDBY",
                       Atom(RandomKind()), 60 * (1 + random_() % 10));
  }

  const std::vector<Planted>& planted() const { return planted_; }

 private:
  Kind RandomKind() { return static_cast<Kind>(random_() % kKinds); }

  std::string Plant(Kind kind) {
    planted_.push_back({kind, next_id_});
    return ValueOf(kind, next_id_++);
  }

  std::string Atom(Kind kind) { return Equality(kind, Plant(kind)); }

  std::string In(Kind kind, size_t count) {
    std::string values;
    for (size_t i = 0; i < count; ++i) values += fmt::format("{}'{}'", i == 0 ? "" : ", ", Plant(kind));
    const std::string equality = Equality(kind, "");
    return "[" + equality.substr(0, equality.find(" = ")) + " IN (" + values + ")]";
  }

  std::string Refined() {
    switch (random_() % 3) {
      case 0: return "[" + Atom(Kind::kSha256) + " AND file:name LIKE '%.exe']";
      case 1: return "[" + Atom(Kind::kDomain) + " AND domain-name:value MATCHES '^[a-z0-9.-]+\\\\.example$']";
      default: return "[" + Atom(Kind::kUrl) + " AND url:value LIKE 'https://%']";
    }
  }

  static std::string Unindexed(size_t which, size_t position) {
    const size_t zone = Mix(position) % 1000;
    switch (which) {
      case 0: return fmt::format("[domain-name:value LIKE '%.zone{}.example']", zone);
      case 1: return fmt::format("[url:value MATCHES '^https://h[0-9a-f]+\\\\.zone{}\\\\.example/']", zone);
      default: return fmt::format("[ipv4-addr:value ISSUBSET '{}.{}.0.0/16']", 1 + zone % 223, Mix(zone) % 256);
    }
  }

  std::mt19937_64 random_;
  std::vector<Planted> planted_;
  uint64_t next_id_ = 0;
};

// Makes the observations: bundles of an observed-data and the observables it refers to.
class ObservationMaker {
 public:
  ObservationMaker(uint64_t seed, const std::vector<Planted>& planted) : random_(seed), planted_(planted) {}

  // Observation `number`, in which each observable carries a planted value with probability 1.5%.
  std::string Make(uint64_t number) {
    std::string refs;
    std::string objects;
    const size_t count = 1 + random_() % 3;
    for (size_t i = 0; i < count; ++i) {
      Planted value{static_cast<Kind>(random_() % kKinds), (uint64_t{1} << 40) + random_() % (uint64_t{1} << 40)};
      if (!planted_.empty() && random_() % 1000 < 15) value = planted_[random_() % planted_.size()];
      AddObservable(value, number * 4 + i, refs, objects);
    }
    const std::string time = Timestamp(number);
    return fmt::format(
        R"({{"type": "bundle", "id": "bundle--{0}", "objects": [{{"type": "observed-data", "spec_version": "2.1", )"
        R"("id": "observed-data--{0}", "created": "{1}", "modified": "{1}", "first_observed": "{1}", "last_observed": "{1}", )"
        R"("number_observed": 1, "object_refs": [{2}]}}{3}]}})",
        Uuid(number), time, refs, objects);
  }

 private:
  static std::string Uuid(uint64_t number) {
    const uint64_t bits = Mix(number);
    return fmt::format("{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", bits >> 32, (bits >> 16) & 0xffff, bits & 0xfff,
                       (bits >> 52) & 0xfff, number & 0xffffffffffff);
  }

  // One observation a second from 2024-01-01; days roll over, months do not matter here.
  static std::string Timestamp(uint64_t number) {
    const uint64_t day = number / 86400 % 28, second = number % 86400;
    return fmt::format("2024-01-{:02}T{:02}:{:02}:{:02}Z", 1 + day, second / 3600, second / 60 % 60, second % 60);
  }

  static void Add(const std::string& id, const std::string& object, std::string& refs, std::string& objects) {
    refs += fmt::format("{}\"{}\"", refs.empty() ? "" : ", ", id);
    objects += ", " + object;
  }

  void AddObservable(Planted value, uint64_t serial, std::string& refs, std::string& objects) {
    const std::string text = ValueOf(value.kind, value.id);
    const std::string uuid = Uuid(serial);
    switch (value.kind) {
      case Kind::kIpv4:
        return Add("ipv4-addr--" + uuid, fmt::format(R"({{"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--{}", "value": "{}"}})", uuid, text), refs, objects);
      case Kind::kDomain:
        return Add("domain-name--" + uuid, fmt::format(R"({{"type": "domain-name", "spec_version": "2.1", "id": "domain-name--{}", "value": "{}"}})", uuid, text), refs, objects);
      case Kind::kSha256:
        return Add("file--" + uuid,
                   fmt::format(R"({{"type": "file", "spec_version": "2.1", "id": "file--{}", "hashes": {{"SHA-256": "{}"}}, "name": "{}", "size": {}}})",
                               uuid, text, random_() % 2 ? "invoice.exe" : "report.pdf", random_() % 1'000'000),
                   refs, objects);
      case Kind::kPhone:
        return Add("x-kenes-phone-number--" + uuid, fmt::format(R"({{"type": "x-kenes-phone-number", "spec_version": "2.1", "id": "x-kenes-phone-number--{}", "value": "{}"}})", uuid, text), refs, objects);
      case Kind::kEmail:
        return Add("email-addr--" + uuid, fmt::format(R"({{"type": "email-addr", "spec_version": "2.1", "id": "email-addr--{}", "value": "{}"}})", uuid, text), refs, objects);
      case Kind::kUrl:
        return Add("url--" + uuid, fmt::format(R"({{"type": "url", "spec_version": "2.1", "id": "url--{}", "value": "{}"}})", uuid, text), refs, objects);
      case Kind::kTraffic: {
        const std::string address = Uuid(serial + (uint64_t{1} << 50));
        Add("ipv4-addr--" + address, fmt::format(R"({{"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--{}", "value": "{}"}})", address, text), refs, objects);
        return Add("network-traffic--" + uuid,
                   fmt::format(R"({{"type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--{}", "dst_ref": "ipv4-addr--{}", "dst_port": {}, "protocols": ["tcp"]}})",
                               uuid, address, 1024 + random_() % 60000),
                   refs, objects);
      }
    }
  }

  std::mt19937_64 random_;
  const std::vector<Planted>& planted_;
};

void Fail(const std::string& what, const Status& status) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), status.ToString().c_str());
  std::exit(1);
}

// What one pass over the observations found.
struct Tally {
  size_t candidates = 0;
  size_t sightings = 0;  // (observation, pattern) pairs that match
  size_t errors = 0;     // evaluations that failed
  uint64_t checksum = 0; // of the sightings of the first `sample` observations among the subset
  size_t subset_sightings = 0;

  void Sighting(uint64_t observation, size_t handle, size_t subset, uint64_t sample) {
    ++sightings;
    if (observation >= sample || handle >= subset) return;
    ++subset_sightings;
    checksum += Mix(observation * 1'000'003 + handle);
  }
};

void Evaluate(const pattern::Matcher& matcher, const pattern::ObservationSet& set, uint64_t observation, size_t handle,
              size_t subset, uint64_t sample, Tally& tally) {
  Result<std::optional<pattern::Match>> match = matcher.Evaluate(set);
  if (!match.ok()) {
    ++tally.errors;
  } else if (match->has_value()) {
    tally.Sighting(observation, handle, subset, sample);
  }
}

int Run(int argc, char** argv) {
  Settings settings;
  if (!ParseArguments(argc, argv, settings)) {
    std::fprintf(stderr, "usage: bench_patterns [--indicators N] [--observations M] [--full-scan K] [--seed S]\n");
    return 2;
  }
  const size_t subset = std::min(settings.full_scan_indicators, settings.indicators);
  const uint64_t sample = std::min<uint64_t>(settings.observations, 20'000);
  fmt::print("{} indicators, {} observations, seed {}; load average at start {}\n", settings.indicators,
             settings.observations, settings.seed, LoadAverage());

  IndicatorMaker indicator_maker(settings.seed);
  std::vector<pattern::Pattern> patterns;
  std::vector<pattern::Matcher> matchers;
  patterns.reserve(settings.indicators);
  matchers.reserve(settings.indicators);
  Clock::time_point start = Clock::now();
  for (size_t i = 0; i < settings.indicators; ++i) {
    const std::string text = indicator_maker.Next(i);
    Result<pattern::Pattern> parsed = pattern::Parse(text);
    if (!parsed.ok()) Fail(text, parsed.status());
    Result<pattern::Matcher> matcher = pattern::Matcher::Create(*parsed);
    if (!matcher.ok()) Fail(text, matcher.status());
    patterns.push_back(std::move(parsed).value());
    matchers.push_back(std::move(matcher).value());
  }
  const double compile_seconds = Seconds(Clock::now() - start);

  const long resident_before = ResidentKilobytes();
  start = Clock::now();
  IndicatorIndex index;
  for (size_t i = 0; i < patterns.size(); ++i) index.Add(static_cast<IndicatorIndex::Handle>(i), patterns[i]);
  const double build_seconds = Seconds(Clock::now() - start);
  const long resident_growth = ResidentKilobytes() - resident_before;
  fmt::print("indicators parsed and compiled in {:.2f} s; index built in {:.3f} s ({:.0f} indicators/s), "
             "{} of {} filed by object type only\n",
             compile_seconds, build_seconds, static_cast<double>(index.size()) / build_seconds, index.unindexed_size(),
             index.size());
  fmt::print("index memory: MemoryBytes {:.1f} MB ({:.0f} bytes/indicator), RSS growth while building {:.1f} MB\n",
             static_cast<double>(index.MemoryBytes()) / 1e6,
             static_cast<double>(index.MemoryBytes()) / static_cast<double>(index.size()),
             static_cast<double>(resident_growth) / 1024);

  ObservationMaker observation_maker(settings.seed + 1, indicator_maker.planted());
  pattern::ObservationSet set;
  std::vector<IndicatorIndex::Handle> candidates;
  std::vector<std::string> texts;
  Clock::duration parse_time{}, candidates_time{}, full_time{};
  double parse_cpu = 0, candidates_cpu = 0, full_cpu = 0;
  size_t text_bytes = 0;
  Tally indexed;
  const size_t chunk = 50'000;
  for (uint64_t first = 0; first < settings.observations; first += chunk) {
    texts.clear();
    for (uint64_t n = first; n < std::min<uint64_t>(first + chunk, settings.observations); ++n) {
      texts.push_back(observation_maker.Make(n));
      text_bytes += texts.back().size();
    }
    start = Clock::now();
    double cpu_before = ThreadCpuSeconds();
    for (const std::string& text : texts) {
      set.Clear();
      if (Status added = set.AddJson(text); !added.ok()) Fail(text, added);
    }
    parse_cpu += ThreadCpuSeconds() - cpu_before;
    parse_time += Clock::now() - start;

    start = Clock::now();
    cpu_before = ThreadCpuSeconds();
    for (const std::string& text : texts) {
      set.Clear();
      (void)set.AddJson(text);
      candidates.clear();
      index.Candidates(set, 0, &candidates);
      indexed.candidates += candidates.size();
    }
    candidates_cpu += ThreadCpuSeconds() - cpu_before;
    candidates_time += Clock::now() - start;

    start = Clock::now();
    cpu_before = ThreadCpuSeconds();
    for (size_t i = 0; i < texts.size(); ++i) {
      set.Clear();
      (void)set.AddJson(texts[i]);
      candidates.clear();
      index.Candidates(set, 0, &candidates);
      for (IndicatorIndex::Handle handle : candidates) Evaluate(matchers[handle], set, first + i, handle, subset, sample, indexed);
    }
    full_cpu += ThreadCpuSeconds() - cpu_before;
    full_time += Clock::now() - start;
  }
  const double count = static_cast<double>(settings.observations);
  fmt::print("observations: {:.0f} bytes each on average\n", static_cast<double>(text_bytes) / count);
  fmt::print("(a) parse (ObservationSet::AddJson):        {:>9.0f} observations/s  {:.2f} us each ({:.2f} us CPU)\n",
             count / Seconds(parse_time), Seconds(parse_time) * 1e6 / count, parse_cpu * 1e6 / count);
  fmt::print("(b) parse + candidates:                     {:>9.0f} observations/s  {:.2f} us each ({:.2f} us CPU), "
             "{:.2f} candidates each\n",
             count / Seconds(candidates_time), Seconds(candidates_time) * 1e6 / count, candidates_cpu * 1e6 / count,
             static_cast<double>(indexed.candidates) / count);
  fmt::print("(c) parse + candidates + evaluate, indexed: {:>9.0f} observations/s  {:.2f} us each ({:.2f} us CPU), "
             "{} sightings, {} errors  [target 200000/s]\n",
             count / Seconds(full_time), Seconds(full_time) * 1e6 / count, full_cpu * 1e6 / count, indexed.sightings,
             indexed.errors);

  Tally scanned;
  Clock::duration scan_time{};
  ObservationMaker replay(settings.seed + 1, indicator_maker.planted());
  for (uint64_t n = 0; n < sample; ++n) {
    const std::string text = replay.Make(n);
    start = Clock::now();
    set.Clear();
    (void)set.AddJson(text);
    for (size_t handle = 0; handle < subset; ++handle) Evaluate(matchers[handle], set, n, handle, subset, sample, scanned);
    scan_time += Clock::now() - start;
  }
  const double scan_rate = static_cast<double>(sample) / Seconds(scan_time);
  fmt::print("(d) full scan of {} indicators, no index:  {:>9.0f} observations/s over {} observations ({:.0f}/s "
             "extrapolated to {} indicators)\n",
             subset, scan_rate, sample, scan_rate * static_cast<double>(subset) / static_cast<double>(settings.indicators),
             settings.indicators);
  fmt::print("    ratio (c)/(d): {:.1f}\n", count / Seconds(full_time) / scan_rate);
  const bool agree = scanned.subset_sightings == indexed.subset_sightings && scanned.checksum == indexed.checksum;
  fmt::print("    on those {} observations and {} indicators, indexed and full scan found {} and {} sightings: {}\n",
             sample, subset, indexed.subset_sightings, scanned.subset_sightings, agree ? "the same" : "DIFFERENT");
  fmt::print("load average at the end {}\n", LoadAverage());
  return agree ? 0 : 1;
}

}  // namespace
}  // namespace kenes::bench

int main(int argc, char** argv) { return kenes::bench::Run(argc, argv); }
