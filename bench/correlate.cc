// bench_correlate: the cross-border correlation index at national scale.
//
//   bench_correlate [--keys N] [--objects N] [--organisations N] [--lookups N]
//                   [--ingest N] [--dir PATH]
//
// (a) index: --objects objects (default 20,000,000) of --organisations
//     organisations (10) holding --keys distinct keys (10,000,000; IPv4
//     addresses, E.164 phone numbers, domains and SHA-256 hashes in turn,
//     each key held by objects/keys objects of different organisations),
//     added straight to a CorrelationIndex: add rate, links, the index's own
//     count of its bytes and the growth of the process's resident memory,
//     each per key;
// (b) lookups: --lookups Holders() calls for random keys on the full index:
//     p50, p99 and worst latency;
// (c) ingest: --ingest observables (200,000) as NDJSON through the
//     importer into a fresh store, without the correlator and with
//     it hooked on every batch (as kenes import does), in the same run:
//     objects/s of each and their ratio (target: at least 0.7); twice,
//     alternating, keeping each one's better run, since a shared machine's
//     noise is larger than the difference;
// (d) rebuild on start: a fresh correlator rebuilding from (c)'s store:
//     objects/s, and the time that rate gives for --objects objects; and
//     (a)'s index saved to a snapshot and loaded back, which is what a
//     restart with a current snapshot costs instead.
// Figures vary with the machine's load: run it alone.
#include <charconv>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "correlate/correlator.h"
#include "ingest/importer.h"
#include "share/default_community.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  size_t keys = 10'000'000;
  size_t objects = 20'000'000;
  size_t organisations = 10;
  size_t lookups = 1'000'000;
  size_t ingest = 200'000;
  std::filesystem::path directory;
};

bool ParseArguments(int argc, char** argv, Settings& settings) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--dir") {
      settings.directory = argv[i + 1];
      continue;
    }
    const std::string_view text = argv[i + 1];
    size_t value = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), value).ptr != text.data() + text.size()) return false;
    if (flag == "--keys")
      settings.keys = value;
    else if (flag == "--objects")
      settings.objects = value;
    else if (flag == "--organisations")
      settings.organisations = value;
    else if (flag == "--lookups")
      settings.lookups = value;
    else if (flag == "--ingest")
      settings.ingest = value;
    else
      return false;
  }
  return argc % 2 == 1 && settings.keys > 0 && settings.objects > 0 && settings.organisations > 0;
}

double ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

double Seconds(Clock::duration elapsed) { return std::chrono::duration<double>(elapsed).count(); }

// Key `k`: a kind chosen by k % 4, and a value no warning list holds.
observable::CorrelationKey KeyNumber(size_t k) {
  switch (k % 4) {
    case 0: return {"ipv4-addr", fmt::format("45.{}.{}.{}", (k >> 16) & 255, (k >> 8) & 255, k & 255)};
    case 1: return {"phone-number", fmt::format("+7701{:07d}", (k * 7919) % 10'000'000)};
    case 2: return {"domain-name", fmt::format("host{}.zone{}.kz", k, k % 97)};
    default:
      return {"hash:SHA-256",
              fmt::format("{:016x}{:016x}{:016x}{:016x}", k * 0x9e3779b97f4a7c15ULL, k, k ^ 0xdeadbeefULL, k * 31)};
  }
}

std::string ObjectId(size_t number) {
  return fmt::format("ipv4-addr--{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", number & 0xffffffff, (number >> 32) & 0xffff,
                     number & 0xfff, (number >> 12) & 0xfff, number);
}

void RunIndex(const Settings& settings, correlate::CorrelationIndex& index, std::vector<std::string>& organisations) {
  for (size_t o = 0; o < settings.organisations; ++o) {
    organisations.push_back(fmt::format("identity--00000000-0000-4000-8000-{:012d}", o));
  }
  // The same keys and ids made without adding them: what the loop below
  // spends on making its input, not on the index.
  std::clock_t making_started = std::clock();
  size_t made = 0;
  for (size_t i = 0; i < settings.objects; ++i) made += KeyNumber(i % settings.keys).value.size() + ObjectId(i).size();
  double making_seconds = double(std::clock() - making_started) / CLOCKS_PER_SEC;
  double resident_before = ResidentBytes();
  size_t links = 0;
  Clock::time_point started = Clock::now();
  std::clock_t cpu_started = std::clock();
  std::vector<observable::CorrelationKey> keys(1);
  for (size_t i = 0; i < settings.objects; ++i) {
    size_t k = i % settings.keys;
    keys[0] = KeyNumber(k);
    // The holders of one key come from different organisations.
    correlate::Holding holding{ObjectId(i), organisations[(k + i / settings.keys) % settings.organisations]};
    links += index.Add(holding, keys).value().size();
  }
  double seconds = Seconds(Clock::now() - started);
  double cpu_seconds = double(std::clock() - cpu_started) / CLOCKS_PER_SEC;
  correlate::IndexSize size = index.Size();
  double resident_growth = ResidentBytes() - resident_before;
  fmt::print(
      "index: {} objects, {} keys, {} holdings, {} links in {:.1f} s ({:.1f} s CPU): {:.0f} objects/s, "
      "{:.0f} per CPU second\n",
      size.objects, size.keys, size.holdings, links, seconds, cpu_seconds, settings.objects / seconds,
      settings.objects / cpu_seconds);
  fmt::print(
      "  of which making the {} bytes of keys and ids: {:.1f} s CPU; the index alone: {:.0f} objects per CPU second\n",
      made, making_seconds, settings.objects / (cpu_seconds - making_seconds));
  fmt::print("memory: index counts {:.0f} MB ({:.1f} bytes/key); resident growth {:.0f} MB ({:.1f} bytes/key)\n",
             size.memory_bytes / 1e6, double(size.memory_bytes) / size.keys, resident_growth / 1e6,
             resident_growth / size.keys);
}

// The index written to a snapshot and read back: what a restart costs when
// the snapshot is current.
void RunSnapshot(const correlate::CorrelationIndex& index, const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  std::filesystem::path path = directory / "correlation-index.snapshot";
  Clock::time_point started = Clock::now();
  Status saved = index.Save(path, "bench");
  double save_seconds = Seconds(Clock::now() - started);
  correlate::CorrelationIndex loaded;
  started = Clock::now();
  Result<std::string> marker = loaded.Load(path);
  double load_seconds = Seconds(Clock::now() - started);
  if (!saved.ok() || !marker.ok()) {
    fmt::print(stderr, "snapshot: {}\n", (!saved.ok() ? saved : marker.status()).ToString());
    return;
  }
  fmt::print("snapshot: {:.0f} MB written in {:.1f} s, read back in {:.1f} s ({} keys)\n",
             std::filesystem::file_size(path) / 1e6, save_seconds, load_seconds, loaded.Size().keys);
  std::filesystem::remove(path);
}

void RunLookups(const Settings& settings, const correlate::CorrelationIndex& index) {
  std::mt19937_64 random(42);
  std::vector<double> micros;
  micros.reserve(settings.lookups);
  size_t found = 0;
  for (size_t i = 0; i < settings.lookups; ++i) {
    observable::CorrelationKey key = KeyNumber(random() % settings.keys);
    Clock::time_point started = Clock::now();
    found += index.Holders(key).holdings.size();
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
  }
  std::sort(micros.begin(), micros.end());
  fmt::print("lookups: {} ({} holdings): p50 {:.2f} us, p99 {:.2f} us, max {:.0f} us\n", settings.lookups, found,
             micros[micros.size() / 2], micros[micros.size() * 99 / 100], micros.back());
}

struct Node {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<share::Community> community;
};

Result<Node> OpenNode(const std::filesystem::path& directory) {
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  Node node;
  KENES_ASSIGN_OR_RETURN(node.store, store::OpenSqliteStore(directory / "kenes.db", {}));
  KENES_ASSIGN_OR_RETURN(node.community, share::Community::Open(share::Community::FileIn(directory), *node.store));
  KENES_RETURN_IF_ERROR(node.community->Found(share::NodeOperator("bench"), share::DefaultCommunity()).status());
  return node;
}

// Objects/s importing `input` into a fresh node in `directory`, labelled
// round robin with the community's organisations; `correlate` hooks a
// correlator on every batch.
Result<double> Import(const std::string& input, size_t count, const std::filesystem::path& directory, bool correlate,
                      Node& node) {
  KENES_ASSIGN_OR_RETURN(node, OpenNode(directory));
  KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, node.community->Organisations());
  KENES_ASSIGN_OR_RETURN(auto correlator, correlate::Correlator::Create(*node.store, *node.community, {}, {}));
  KENES_RETURN_IF_ERROR(correlator->Rebuild().status());
  ingest::ImportOptions options;
  options.assign_missing_sco_ids = true;
  size_t next = 0;
  options.label = [&](stix::Object&) -> Result<store::AccessLabel> {
    return store::AccessLabel{organisations[next++ % organisations.size()].id, 1, 1, ""};
  };
  if (correlate) {
    options.on_batch = [&](const ingest::StoredBatch& batch) {
      if (Status observed = correlator->Observe(batch); !observed.ok()) fmt::print(stderr, "{}\n", observed.message());
    };
  }
  ingest::Importer importer(node.store.get(), options, [](const ingest::ImportMessage&) {});
  Clock::time_point started = Clock::now();
  KENES_RETURN_IF_ERROR(importer.ImportBuffer(input, "bench"));
  KENES_RETURN_IF_ERROR(importer.Finish());
  double seconds = Seconds(Clock::now() - started);
  if (correlate) fmt::print("  correlator: {} links\n", correlator->totals().links);
  return count / seconds;
}

int RunIngest(const Settings& settings, std::filesystem::path directory) {
  std::string input;
  for (size_t i = 0; i < settings.ingest; ++i) {
    // Half the keys of the ingested objects come twice, so links are made.
    observable::CorrelationKey key = KeyNumber((i * 2654435761u) % (settings.ingest / 2 + 1));
    std::string type = key.kind == "hash:SHA-256" ? "file" : key.kind;
    std::string property =
        key.kind == "hash:SHA-256" ? R"("hashes":{"SHA-256":")" + key.value + "\"}" : R"("value":")" + key.value + "\"";
    std::string extension =
        key.kind == "phone-number"
            ? R"(,"extensions":{"extension-definition--27692277-b1e4-4708-9108-6c7c921a0e1e":{"extension_type":"new-sco"}})"
            : "";
    input += fmt::format(R"({{"type":"{}","spec_version":"2.1",{}{}}})", type, property, extension);
    input += '\n';
  }
  Node off, on;
  double without = 0, with = 0;
  for (int round = 0; round < 2; ++round) {
    Result<double> off_rate = Import(input, settings.ingest, directory / "off", false, off);
    Result<double> on_rate = Import(input, settings.ingest, directory / "on", true, on);
    if (!off_rate.ok() || !on_rate.ok()) {
      fmt::print(stderr, "import: {}\n", (!off_rate.ok() ? off_rate : on_rate).status().ToString());
      return 1;
    }
    fmt::print("  round {}: off {:.0f} objects/s, on {:.0f} objects/s\n", round + 1, *off_rate, *on_rate);
    without = std::max(without, *off_rate);
    with = std::max(with, *on_rate);
  }
  fmt::print("ingest: {} objects: correlation off {:.0f} objects/s, on {:.0f} objects/s: ratio {:.2f}\n",
             settings.ingest, without, with, with / without);
  auto correlator = correlate::Correlator::Create(*on.store, *on.community, {}, {});
  std::clock_t cpu_started = std::clock();
  Result<correlate::RebuildTotals> rebuilt = correlator.value()->Rebuild();
  double cpu_seconds = double(std::clock() - cpu_started) / CLOCKS_PER_SEC;
  if (!rebuilt.ok()) {
    fmt::print(stderr, "rebuild: {}\n", rebuilt.status().ToString());
    return 1;
  }
  double rate = rebuilt->objects / rebuilt->elapsed.count();
  fmt::print(
      "rebuild: {} objects in {:.2f} s ({:.2f} s CPU): {:.0f} objects/s; {} objects would take {:.0f} s "
      "({:.0f} s CPU)\n",
      rebuilt->objects, rebuilt->elapsed.count(), cpu_seconds, rate, settings.objects, settings.objects / rate,
      settings.objects * cpu_seconds / rebuilt->objects);
  return 0;
}

int Run(int argc, char** argv) {
  Settings settings;
  if (!ParseArguments(argc, argv, settings)) {
    fmt::print(stderr,
               "usage: bench_correlate [--keys N] [--objects N] [--organisations N] [--lookups N] [--ingest N] "
               "[--dir PATH]\n");
    return 2;
  }
  std::filesystem::path directory = settings.directory.empty() ? std::filesystem::temp_directory_path() /
                                                                     fmt::format("kenes-bench-correlate-{}", getpid())
                                                               : settings.directory;
  {
    correlate::CorrelationIndex index;
    std::vector<std::string> organisations;
    RunIndex(settings, index, organisations);
    RunLookups(settings, index);
    RunSnapshot(index, directory);
  }
  int result = settings.ingest > 0 ? RunIngest(settings, directory) : 0;
  std::filesystem::remove_all(directory);
  return result;
}

}  // namespace
}  // namespace kenes::bench

int main(int argc, char** argv) { return kenes::bench::Run(argc, argv); }
