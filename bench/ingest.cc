// bench_ingest: how fast objects go from JSON text to durable storage,
// against the ceiling of raw SQLite appends of the same texts.
//
//   bench_ingest [--count N] [--batch N] [--dir PATH]
//
// (a) ceiling: the texts appended to an index-less table with one prepared
//     statement in one transaction, same durability settings as the store;
// (b) end to end: an NDJSON file of the same texts through ingest::Importer,
//     the pipeline of `kenes import` (stix::Reader streaming the file,
//     stix::ValidateObject, and batches Put into the real SqliteStore on a
//     second thread, with every index the reads need);
// (c) the store alone: the same texts parsed beforehand (not timed), then
//     Put in batches into a fresh SqliteStore: what (b)'s storing thread
//     needs at least, so (b) can go no faster than (c).
// The texts come from kenes_demo's generator (mixed types, about 500 bytes).
// Only ingest is timed, not generating the texts; both runs see the same
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

#include "demo/demo_generator.h"
#include "ingest/importer.h"
#include "stix/reader.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  size_t count = 1'000'000;
  size_t batch = 50000;  // as kenes import
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

// Bytes this process has handed to write calls so far: what each layout costs in I/O,
// a figure that, unlike time, does not vary with what else runs on the machine.
int64_t BytesWritten() {
  std::ifstream io("/proc/self/io");
  std::string key;
  int64_t value = 0;
  while (io >> key >> value) {
    if (key == "wchar:") return value;
  }
  return 0;
}

// CPU time (of the calling thread, or of every thread of the process): on a
// shared machine, steadier than wall time.
double CpuSeconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long PeakResidentKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// The same stream of objects for both measurements.
demo::DemoOptions Stream(const Settings& settings) {
  demo::DemoOptions options;
  options.seed = 7;
  options.object_count = settings.count;
  return options;
}

// Replaces `texts` with up to `count` next objects of the stream.
void Generate(demo::DemoGenerator& generator, size_t count, std::vector<std::string>& texts) {
  texts.resize(count);
  for (size_t i = 0; i < count; ++i) {
    if (!generator.Next(texts[i])) {
      texts.resize(i);
      return;
    }
  }
}

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

void Check(int code, sqlite3* db, const char* what) {
  if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return;
  std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

// (a): the fastest SQLite takes these texts with the store's durability settings.
struct Figures {
  double objects_per_second = 0;
  double cpu_seconds = 0;  // while timed: (a) of the inserting thread, (b) of the whole process
  double bytes_written_per_object = 0;
};

Figures MeasureCeiling(const Settings& settings, const std::filesystem::path& file) {
  const int64_t written_before = BytesWritten();
  sqlite3* db = nullptr;
  Check(sqlite3_open(file.c_str(), &db), db, "open");
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;"
                     "PRAGMA cache_size = -65536; CREATE TABLE raw(json TEXT NOT NULL);",
                     nullptr, nullptr, nullptr),
        db, "setup");
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO raw(json) VALUES (?)", -1, &insert, nullptr), db, "prepare");
  demo::DemoGenerator generator(Stream(settings));
  std::vector<std::string> texts;
  Clock::duration elapsed{};
  double cpu_seconds = 0;
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  for (Generate(generator, settings.batch, texts); !texts.empty(); Generate(generator, settings.batch, texts)) {
    const Clock::time_point start = Clock::now();
    const double cpu_before = CpuSeconds(RUSAGE_THREAD);
    for (const std::string& text : texts) {
      sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      Check(sqlite3_step(insert), db, "insert");
      sqlite3_reset(insert);
    }
    cpu_seconds += CpuSeconds(RUSAGE_THREAD) - cpu_before;
    elapsed += Clock::now() - start;
  }
  // Closing checkpoints the log into the database, as closing the store does.
  const Clock::time_point start = Clock::now();
  const double cpu_before = CpuSeconds(RUSAGE_THREAD);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_finalize(insert);
  sqlite3_close(db);
  cpu_seconds += CpuSeconds(RUSAGE_THREAD) - cpu_before;
  elapsed += Clock::now() - start;
  const double count = static_cast<double>(settings.count);
  return {count / Seconds(elapsed), cpu_seconds, static_cast<double>(BytesWritten() - written_before) / count};
}

struct EndToEnd : Figures {
  ingest::ImportTotals totals;
  long resident_kilobytes_at_tenth = 0;
  long resident_kilobytes_at_end = 0;
};

// (b): `kenes import FILE` on an NDJSON file: ingest::Importer reads it in
// chunks, validates, and stores batches on a second thread. Writing the file
// is not timed; reading it is.
EndToEnd MeasureEndToEnd(const Settings& settings, const std::filesystem::path& file) {
  const std::filesystem::path ndjson_path = settings.directory / "objects.ndjson";
  {
    std::FILE* out = std::fopen(ndjson_path.c_str(), "wb");
    demo::DemoGenerator generator(Stream(settings));
    std::string text;
    while (generator.Next(text)) {
      text += '\n';
      std::fwrite(text.data(), 1, text.size(), out);
    }
    std::fclose(out);
  }
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(file);
  if (!opened.ok()) {
    std::fprintf(stderr, "open store: %s\n", opened.status().ToString().c_str());
    std::exit(1);
  }
  const int64_t written_before = BytesWritten();
  ingest::ImportOptions options;
  options.batch_size = settings.batch;
  size_t errors = 0;
  EndToEnd result;
  const size_t file_bytes = std::filesystem::file_size(ndjson_path);
  const Clock::time_point start = Clock::now();
  const double cpu_before = CpuSeconds(RUSAGE_SELF);
  auto importer = std::make_unique<ingest::Importer>(opened->get(), options, [&](const ingest::ImportMessage& message) {
    if (message.is_error && errors++ < 5) std::fprintf(stderr, "%s\n", message.text.c_str());
  });
  std::FILE* in = std::fopen(ndjson_path.c_str(), "rb");
  Status status = importer->ImportFile(in, "bench", [&](size_t bytes) {
    if (result.resident_kilobytes_at_tenth == 0 && bytes >= file_bytes / 10) {
      result.resident_kilobytes_at_tenth = ResidentKilobytes();
    }
  });
  std::fclose(in);
  if (status.ok()) status = importer->Finish();
  result.totals = importer->totals();
  result.resident_kilobytes_at_end = ResidentKilobytes();
  importer.reset();
  opened->reset();  // the final checkpoint belongs to the cost of ingest
  const Clock::duration elapsed = Clock::now() - start;
  if (!status.ok()) {
    std::fprintf(stderr, "import: %s\n", status.ToString().c_str());
    std::exit(1);
  }
  result.cpu_seconds = CpuSeconds(RUSAGE_SELF) - cpu_before;
  result.objects_per_second = static_cast<double>(settings.count) / Seconds(elapsed);
  result.bytes_written_per_object =
      static_cast<double>(BytesWritten() - written_before) / static_cast<double>(settings.count);
  std::filesystem::remove(ndjson_path);
  return result;
}

// (c): Put alone, the batches parsed beforehand; CPU of the calling thread.
Figures MeasureStore(const Settings& settings, const std::filesystem::path& file) {
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(file);
  if (!opened.ok()) {
    std::fprintf(stderr, "open store: %s\n", opened.status().ToString().c_str());
    std::exit(1);
  }
  const int64_t written_before = BytesWritten();
  demo::DemoGenerator generator(Stream(settings));
  simdjson::dom::parser parser;
  std::vector<std::string> texts;
  std::vector<stix::Object> objects;
  Clock::duration elapsed{};
  double cpu_seconds = 0;
  for (Generate(generator, settings.batch, texts); !texts.empty(); Generate(generator, settings.batch, texts)) {
    objects.clear();
    for (const std::string& text : texts) {
      Result<stix::Object> object = stix::ObjectFromJson(parser.parse(text), text);
      if (object.ok()) objects.push_back(std::move(object).value());
    }
    const Clock::time_point start = Clock::now();
    const double cpu_before = CpuSeconds(RUSAGE_THREAD);
    Result<std::vector<store::WriteResult>> results = (*opened)->Put(objects);
    cpu_seconds += CpuSeconds(RUSAGE_THREAD) - cpu_before;
    elapsed += Clock::now() - start;
    if (!results.ok()) {
      std::fprintf(stderr, "put: %s\n", results.status().ToString().c_str());
      std::exit(1);
    }
  }
  const Clock::time_point start = Clock::now();
  opened->reset();
  elapsed += Clock::now() - start;
  const double count = static_cast<double>(settings.count);
  return {count / Seconds(elapsed), cpu_seconds, static_cast<double>(BytesWritten() - written_before) / count};
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

  const Figures ceiling = MeasureCeiling(settings, settings.directory / "ceiling.db");
  fmt::print("(a) ceiling, raw SQLite append:        {:>10.0f} objects/s   {:.0f} bytes written/object   peak RSS {} MB\n",
             ceiling.objects_per_second, ceiling.bytes_written_per_object, PeakResidentKilobytes() / 1024);
  fmt::print("    {:.1f} us CPU/object\n", ceiling.cpu_seconds * 1e6 / static_cast<double>(settings.count));
  const EndToEnd end_to_end = MeasureEndToEnd(settings, settings.directory / "store.db");
  fmt::print("(b) end to end, parse+validate+store:  {:>10.0f} objects/s   {:.0f} bytes written/object   ({} stored, {} invalid, {} refused by the store)\n",
             end_to_end.objects_per_second, end_to_end.bytes_written_per_object, end_to_end.totals.stored,
             end_to_end.totals.invalid, end_to_end.totals.refused);
  fmt::print("    {:.1f} us CPU/object, all threads (reading, validating, storing, checkpoints)\n",
             end_to_end.cpu_seconds * 1e6 / static_cast<double>(settings.count));
  fmt::print("    ratio (b)/(a): {:.2f}\n", end_to_end.objects_per_second / ceiling.objects_per_second);
  fmt::print("    RSS during (b): {} MB at 10%, {} MB at the end; peak RSS of the process {} MB\n",
             end_to_end.resident_kilobytes_at_tenth / 1024, end_to_end.resident_kilobytes_at_end / 1024,
             PeakResidentKilobytes() / 1024);
  const Figures store_alone = MeasureStore(settings, settings.directory / "store-alone.db");
  fmt::print("(c) the store alone, Put of parsed objects: {:>10.0f} objects/s   {:.0f} bytes written/object\n",
             store_alone.objects_per_second, store_alone.bytes_written_per_object);
  fmt::print("    {:.1f} us CPU/object in Put (the checkpoint thread not counted)\n",
             store_alone.cpu_seconds * 1e6 / static_cast<double>(settings.count));
  if (own_directory) std::filesystem::remove_all(settings.directory);
  return 0;
}

}  // namespace
}  // namespace kenes::bench

int main(int argc, char** argv) { return kenes::bench::Run(argc, argv); }
