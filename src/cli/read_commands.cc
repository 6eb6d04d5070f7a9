// Commands that read the store: `kenes export`, `kenes get`, `kenes stats`.
#include <cstdio>
#include <memory>
#include <span>

#include <fmt/format.h>

#include "base/json_text.h"
#include "cli/commands.h"
#include "cli/node_session.h"
#include "share/marking.h"
#include "share/read_audit.h"
#include "stix/random_id.h"

namespace kenes::cli {
namespace {

// Opens the node acting as `as_user`, or prints why not.
std::optional<NodeSession> OpenForReading(const Config& config, const std::string& as_user) {
  Result<NodeSession> session = OpenNodeSession(config, as_user);
  if (!session.ok()) {
    fmt::print(stderr, "error: {}\n", session.status().message());
    return std::nullopt;
  }
  return std::move(session).value();
}

// Reads of TLP:AMBER and TLP:RED objects are audited before the data leaves
// the node: if the entry cannot be written, nothing is shown.
Status AuditSensitiveReads(NodeSession& session, std::span<const store::StoredVersion> versions,
                           std::string_view how) {
  return share::AuditSensitiveReads(session.community->audit(), session.actor, versions, how);
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

int RunExport(const Config& config, const std::string& as_user, const ExportCommand& command) {
  bool ok = true;
  store::ListQuery query;
  query.added_after = ParseTimestampOption("--added-after", command.added_after, ok);
  if (!ok) return kExitError;
  std::optional<NodeSession> session = OpenForReading(config, as_user);
  if (!session) return kExitError;
  store::Store* store = session->store.get();
  query.viewer = session->viewer;
  query.types = command.types;
  query.versions.last = !command.all_versions;
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
    if (Status audited = AuditSensitiveReads(*session, page->versions, "export"); !audited.ok()) {
      std::fflush(stdout);
      fmt::print(stderr, "\nerror: export stopped, the audit log could not record it: {}\n", audited.message());
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

int RunGet(const Config& config, const std::string& as_user, const GetCommand& command) {
  bool ok = true;
  std::optional<Timestamp> version = ParseTimestampOption("--version", command.version, ok);
  if (!ok) return kExitError;
  std::optional<NodeSession> session = OpenForReading(config, as_user);
  if (!session) return kExitError;
  store::Store* store = session->store.get();
  const store::Viewer* viewer = session->visibility();
  if (command.all_versions) {
    Result<std::vector<store::StoredVersion>> versions = store->Versions(command.id, viewer);
    if (!versions.ok()) {
      fmt::print(stderr, "error: {}\n", versions.status().message());
      return kExitFailed;
    }
    if (Status audited = AuditSensitiveReads(*session, *versions, "get"); !audited.ok()) {
      fmt::print(stderr, "error: the audit log could not record this read: {}\n", audited.message());
      return kExitError;
    }
    for (const store::StoredVersion& each : *versions) fmt::print("{}\n", each.json);
    return kExitOk;
  }
  Result<store::StoredVersion> found =
      version ? store->Version(command.id, version, viewer) : store->Latest(command.id, viewer);
  if (!found.ok()) {
    fmt::print(stderr, "error: {}\n", found.status().message());
    return kExitFailed;
  }
  if (Status audited = AuditSensitiveReads(*session, std::span(&*found, 1), "get"); !audited.ok()) {
    fmt::print(stderr, "error: the audit log could not record this read: {}\n", audited.message());
    return kExitError;
  }
  fmt::print("{}\n", found->json);
  return kExitOk;
}

int RunStats(const Config& config, const std::string& as_user) {
  std::optional<NodeSession> session = OpenForReading(config, as_user);
  if (!session) return kExitError;
  Result<store::Counts> counts = session->store->Count(session->visibility());
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
