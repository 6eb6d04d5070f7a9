// bench_ingest: how fast objects go from JSON text to durable storage,
// against the ceiling of raw SQLite appends of the same texts.
//
//   bench_ingest [--count N] [--batch N] [--dir PATH]
//
// (a) ceiling: the texts appended to an index-less table with one prepared
//     statement in one transaction, same durability settings as the store;
// (b) end to end: parse, validate and Put through the real SqliteStore in
//     batches, with every index the reads need.
// Only ingest is timed: generating the texts is not. Both runs see the same
// texts. Prints objects/s, their ratio and memory; memory must not grow with N.
#include <simdjson.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/timestamp.h"
#include "sample_objects.h"
#include "stix/object.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  size_t count = 1'000'000;
  size_t batch = 5000;
  std::filesystem::path directory;
};

bool ParseArguments(int argc, char** argv, Settings& settings) {
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc) return false;
    std::string_view value = argv[++i];
    if (flag == "--count") {
      settings.count = std::stoull(std::string(value));
    } else if (flag == "--batch") {
      settings.batch = std::stoull(std::string(value));
    } else if (flag == "--dir") {
      settings.directory = value;
    } else {
      return false;
    }
  }
  return settings.count > 0 && settings.batch > 0;
}

// Resident memory now, from /proc (ru_maxrss only gives the peak).
long ResidentKilobytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long PeakResidentKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Fills `texts` with the next `count` sample objects, padded for simdjson.
void Generate(SampleObjects& samples, size_t count, std::vector<std::string>& texts) {
  texts.resize(count);
  for (std::string& text : texts) {
    samples.Next(text);
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  }
}

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

void Check(int code, sqlite3* db, const char* what) {
  if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return;
  std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

// (a): the fastest SQLite takes these texts with the store's durability settings.
double MeasureCeiling(const Settings& settings, const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(file.c_str(), &db), db, "open");
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;"
                     "PRAGMA cache_size = -65536; CREATE TABLE raw(json TEXT NOT NULL);",
                     nullptr, nullptr, nullptr),
        db, "setup");
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO raw(json) VALUES (?)", -1, &insert, nullptr), db, "prepare");
  SampleObjects samples;
  std::vector<std::string> texts;
  Clock::duration elapsed{};
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  for (size_t done = 0; done < settings.count; done += texts.size()) {
    Generate(samples, std::min(settings.batch, settings.count - done), texts);
    const Clock::time_point start = Clock::now();
    for (const std::string& text : texts) {
      sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      Check(sqlite3_step(insert), db, "insert");
      sqlite3_reset(insert);
    }
    elapsed += Clock::now() - start;
  }
  const Clock::time_point start = Clock::now();
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  elapsed += Clock::now() - start;
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return static_cast<double>(settings.count) / Seconds(elapsed);
}

std::optional<Timestamp> ReadTimestamp(simdjson::dom::object object, const char* key) {
  std::string_view text;
  if (object[key].get_string().get(text)) return std::nullopt;
  return ParseTimestamp(text);
}

// The properties the store needs, checked the way the validator would check
// them; false when the object is not acceptable.
bool ReadObject(simdjson::dom::element json, const std::string& text, stix::Object& object) {
  simdjson::dom::object fields;
  std::string_view id, type, spec_version, author;
  if (json.get_object().get(fields) || fields["id"].get_string().get(id) || fields["type"].get_string().get(type) ||
      fields["spec_version"].get_string().get(spec_version)) {
    return false;
  }
  if (!id.starts_with(type) || id.size() != type.size() + 2 + 36) return false;
  object.id = id;
  object.type = type;
  object.spec_version = spec_version;
  object.created = ReadTimestamp(fields, "created");
  object.modified = ReadTimestamp(fields, "modified");
  if (object.created && object.modified && *object.modified < *object.created) return false;
  object.created_by_ref = fields["created_by_ref"].get_string().get(author) ? std::string_view() : author;
  bool revoked = false;
  object.revoked = !fields["revoked"].get_bool().get(revoked) && revoked;
  object.object_marking_refs.clear();
  simdjson::dom::array markings;
  if (!fields["object_marking_refs"].get_array().get(markings)) {
    for (simdjson::dom::element marking : markings) {
      std::string_view ref;
      if (marking.get_string().get(ref)) return false;
      object.object_marking_refs.emplace_back(ref);
    }
  }
  object.json = text;
  return true;
}

struct EndToEnd {
  double objects_per_second = 0;
  size_t stored = 0;
  size_t refused = 0;
  long resident_kilobytes_at_tenth = 0;
  long resident_kilobytes_at_end = 0;
};

// (b): parse, validate and store through the real store.
EndToEnd MeasureEndToEnd(const Settings& settings, const std::filesystem::path& file) {
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(file);
  if (!opened.ok()) {
    std::fprintf(stderr, "open store: %s\n", opened.status().ToString().c_str());
    std::exit(1);
  }
  store::Store& store = **opened;
  SampleObjects samples;
  simdjson::dom::parser parser;
  std::vector<std::string> texts;
  std::vector<stix::Object> objects;
  EndToEnd result;
  Clock::duration elapsed{};
  for (size_t done = 0; done < settings.count; done += texts.size()) {
    Generate(samples, std::min(settings.batch, settings.count - done), texts);
    const Clock::time_point start = Clock::now();
    objects.resize(texts.size());
    size_t valid = 0;
    for (const std::string& text : texts) {
      simdjson::dom::element json;
      if (parser.parse(text.data(), text.size(), false).get(json)) continue;
      if (ReadObject(json, text, objects[valid])) ++valid;
    }
    result.refused += texts.size() - valid;
    Result<std::vector<store::WriteResult>> written = store.Put(std::span(objects.data(), valid));
    elapsed += Clock::now() - start;
    if (!written.ok()) {
      std::fprintf(stderr, "put: %s\n", written.status().ToString().c_str());
      std::exit(1);
    }
    for (const store::WriteResult& each : *written) {
      (each.outcome == store::WriteOutcome::kStored ? result.stored : result.refused) += 1;
    }
    if (done < settings.count / 10 && done + texts.size() >= settings.count / 10) {
      result.resident_kilobytes_at_tenth = ResidentKilobytes();
    }
  }
  result.resident_kilobytes_at_end = ResidentKilobytes();
  const Clock::time_point start = Clock::now();
  opened->reset();  // the final checkpoint belongs to the cost of ingest
  elapsed += Clock::now() - start;
  result.objects_per_second = static_cast<double>(settings.count) / Seconds(elapsed);
  return result;
}

int Run(int argc, char** argv) {
  Settings settings;
  if (!ParseArguments(argc, argv, settings)) {
    std::fprintf(stderr, "usage: bench_ingest [--count N] [--batch N] [--dir PATH]\n");
    return 2;
  }
  const bool own_directory = settings.directory.empty();
  if (own_directory) {
    settings.directory = std::filesystem::temp_directory_path() / fmt::format("kenes-bench-{}", getpid());
  }
  std::filesystem::create_directories(settings.directory);
  fmt::print("{} objects, batches of {}, in {}\n", settings.count, settings.batch, settings.directory.string());

  const double ceiling = MeasureCeiling(settings, settings.directory / "ceiling.db");
  const long peak_after_ceiling = PeakResidentKilobytes();
  fmt::print("(a) ceiling, raw SQLite append:        {:>10.0f} objects/s   peak RSS {} MB\n", ceiling,
             peak_after_ceiling / 1024);
  const EndToEnd end_to_end = MeasureEndToEnd(settings, settings.directory / "store.db");
  fmt::print("(b) end to end, parse+validate+store:  {:>10.0f} objects/s   ({} stored, {} refused)\n",
             end_to_end.objects_per_second, end_to_end.stored, end_to_end.refused);
  fmt::print("    ratio (b)/(a): {:.2f}\n", end_to_end.objects_per_second / ceiling);
  fmt::print("    RSS during (b): {} MB at 10%, {} MB at the end; peak RSS of the process {} MB\n",
             end_to_end.resident_kilobytes_at_tenth / 1024, end_to_end.resident_kilobytes_at_end / 1024,
             PeakResidentKilobytes() / 1024);
  if (own_directory) std::filesystem::remove_all(settings.directory);
  return 0;
}

}  // namespace
}  // namespace kenes::bench

int main(int argc, char** argv) { return kenes::bench::Run(argc, argv); }
