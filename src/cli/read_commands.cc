// Commands that read the store: `kenes export`, `kenes get`, `kenes stats`.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "base/json_text.h"
#include "cli/commands.h"
#include "cli/node_store.h"
#include "stix/random_id.h"

namespace kenes::cli {
namespace {

// Opens the node's store for reading, or prints why not.
std::unique_ptr<store::Store> OpenForReading(const Config& config) {
  Result<std::unique_ptr<store::Store>> store = OpenNodeStore(config, /*create=*/false);
  if (!store.ok()) {
    fmt::print(stderr, "error: {}\n", store.status().message());
    return nullptr;
  }
  return std::move(store).value();
}

std::optional<Timestamp> ParseTimestampOption(std::string_view name, const std::string& text, bool& ok) {
  ok = true;
  if (text.empty()) return std::nullopt;
  std::optional<Timestamp> parsed = ParseTimestamp(text);
  if (!parsed) {
    fmt::print(stderr, "error: {} '{}' is not a STIX timestamp such as 2026-01-31T12:00:00.000Z\n", name, text);
    ok = false;
  }
  return parsed;
}

}  // namespace

int RunExport(const Config& config, const ExportCommand& command) {
  bool ok = true;
  store::ListQuery query;
  query.added_after = ParseTimestampOption("--added-after", command.added_after, ok);
  if (!ok) return kExitError;
  std::unique_ptr<store::Store> store = OpenForReading(config);
  if (!store) return kExitError;
  query.types = command.types;
  query.latest_only = !command.all_versions;
  query.limit = 1000;

  // The bundle is written page by page, so an export of millions of objects
  // needs the memory of one page only.
  std::string bundle_id = stix::RandomId("bundle");
  fmt::print("{{\"type\":\"bundle\",\"id\":{},\"objects\":[", JsonString(bundle_id));
  bool first = true;
  for (;;) {
    Result<store::Page> page = store->List(query);
    if (!page.ok()) {
      std::fflush(stdout);
      fmt::print(stderr, "\nerror: export failed: {}\n", page.status().message());
      return kExitError;
    }
    for (const store::StoredVersion& version : page->versions) {
      fmt::print("{}\n{}", first ? "" : ",", version.json);
      first = false;
    }
    if (!page->more) break;
    query.cursor = page->cursor;
  }
  fmt::print("]}}\n");
  return kExitOk;
}

int RunGet(const Config& config, const GetCommand& command) {
  bool ok = true;
  std::optional<Timestamp> version = ParseTimestampOption("--version", command.version, ok);
  if (!ok) return kExitError;
  std::unique_ptr<store::Store> store = OpenForReading(config);
  if (!store) return kExitError;
  if (command.all_versions) {
    Result<std::vector<store::StoredVersion>> versions = store->Versions(command.id);
    if (!versions.ok()) {
      fmt::print(stderr, "error: {}\n", versions.status().message());
      return kExitFailed;
    }
    for (const store::StoredVersion& each : *versions) fmt::print("{}\n", each.json);
    return kExitOk;
  }
  Result<store::StoredVersion> found = version ? store->Version(command.id, version) : store->Latest(command.id);
  if (!found.ok()) {
    fmt::print(stderr, "error: {}\n", found.status().message());
    return kExitFailed;
  }
  fmt::print("{}\n", found->json);
  return kExitOk;
}

int RunStats(const Config& config) {
  std::unique_ptr<store::Store> store = OpenForReading(config);
  if (!store) return kExitError;
  Result<store::Counts> counts = store->Count();
  if (!counts.ok()) {
    fmt::print(stderr, "error: {}\n", counts.status().message());
    return kExitError;
  }
  fmt::print("Kenes store {}\n", config.DatabasePath().string());
  fmt::print("{} objects, {} versions\n", counts->objects, counts->versions);
  fmt::print("{:<28} {:>10} {:>10}\n", "type", "objects", "versions");
  for (const auto& [type, type_counts] : counts->by_type) {
    fmt::print("{:<28} {:>10} {:>10}\n", type, type_counts.objects, type_counts.versions);
  }
  return kExitOk;
}

}  // namespace kenes::cli
