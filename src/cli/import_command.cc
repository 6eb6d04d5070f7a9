// `kenes import` and `kenes validate`: both run the ingest pipeline; validate
// just has no store behind it.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.h"
#include "cli/node_session.h"
#include "cli/progress_bar.h"
#include "ingest/importer.h"
#include "share/access_authorship.h"
#include "share/access_viewer.h"
#include "share/audit_log.h"
#include "share/marking.h"

namespace kenes::cli {
namespace {

// Runs every file through `importer`. Returns kExitError when a file could not
// be read, kExitFailed when one is not JSON at all, else kExitOk.
int ImportFiles(ingest::Importer& importer, const std::vector<std::string>& files, bool show_progress) {
  int exit_code = kExitOk;
  for (const std::string& name : files) {
    bool is_stdin = name == "-";
    std::FILE* file = is_stdin ? stdin : std::fopen(name.c_str(), "rb");
    if (file == nullptr) {
      fmt::print(stderr, "error: cannot open {}: {}\n", name, std::strerror(errno));
      exit_code = kExitError;
      continue;
    }
    struct stat info {};
    size_t total = fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
    std::string label = is_stdin ? "stdin" : name;
    // Small files finish before a bar would help; it only adds noise.
    std::unique_ptr<ProgressBar> bar;
    if (show_progress && (total == 0 || total > (4 << 20))) bar = std::make_unique<ProgressBar>(label, total);
    Status status = importer.ImportFile(file, label, [&](size_t bytes) {
      if (bar) bar->Update(bytes, importer.totals().read);
    });
    bar.reset();
    if (!is_stdin) std::fclose(file);
    if (!status.ok()) {
      fmt::print(stderr, "error: {}\n", status.message());
      if (status.code() != StatusCode::kInvalidArgument) return kExitError;
      exit_code = std::max(exit_code, kExitFailed);
    }
  }
  return exit_code;
}

// Decides, for each object `actor` imports, how it is stored and who may see
// it: users write as their organisation and only version their own objects;
// the operator's bulk imports keep the producers' authors. What markings do
// not say comes from `defaults`.
using Labeller = std::function<Result<store::AccessLabel>(stix::Object&)>;

Result<Labeller> WriteLabeller(NodeSession& session, share::LabelDefaults defaults) {
  KENES_ASSIGN_OR_RETURN(std::vector<std::string> group_ids, share::SharingGroupIds(*session.community));
  return Labeller([&session, defaults = std::move(defaults),
          group_ids = std::move(group_ids)](stix::Object& object) -> Result<store::AccessLabel> {
    // Only users are held to "only the creator versions"; an admin's bulk
    // import skips the lookup. The creator is read unfiltered: a hidden
    // object is still someone else's.
    std::optional<std::string> stored_creator;
    if (session.actor.role != share::Role::kAdmin) {
      Result<store::StoredVersion> stored = session.store->Latest(object.id);
      if (stored.ok()) {
        stored_creator = stored->created_by_ref;
      } else if (stored.status().code() != StatusCode::kNotFound) {
        return stored.status();
      }
    }
    KENES_ASSIGN_OR_RETURN(share::AuthorisedWrite write,
                           share::AuthoriseWrite(session.actor, std::move(object), stored_creator, defaults, group_ids));
    object = std::move(write.object);
    return share::ToStoreLabel(write.label);
  });
}

}  // namespace

int RunImport(const Config& config, const std::string& as_user, const ImportCommand& command) {
  std::optional<share::Tlp> tlp = command.tlp.empty() ? share::Tlp::kAmber : share::ParseTlp(command.tlp);
  Result<share::Distribution> distribution = share::ParseDistribution(command.distribution);
  if (!tlp || !distribution.ok()) {
    fmt::print(stderr, "error: {}\n", !tlp ? "--tlp must be clear, green, amber, amber+strict or red"
                                            : distribution.status().message());
    return kExitError;
  }
  Result<NodeSession> session = OpenNodeSession(config, as_user);
  if (!session.ok()) {
    fmt::print(stderr, "error: {}\n", session.status().message());
    return kExitError;
  }
  if (command.tlp.empty() && !session->actor.organisation.empty()) {
    Result<share::Organisation> own = session->community->FindOrganisation(session->actor.organisation);
    if (!own.ok()) {
      fmt::print(stderr, "error: {}\n", own.status().message());
      return kExitError;
    }
    tlp = own->default_tlp;
  }
  auto labeller = WriteLabeller(*session, share::LabelDefaults{"", *tlp, *distribution});
  if (!labeller.ok()) {
    fmt::print(stderr, "error: {}\n", labeller.status().message());
    return kExitError;
  }
  ingest::ImportOptions options;
  options.batch_size = config.import_batch_size;
  options.assign_missing_sco_ids = command.assign_ids;
  options.label = std::move(labeller).value();
  ingest::Importer importer(session->store.get(), options, [&](const ingest::ImportMessage& message) {
    if (message.is_error || !command.quiet) fmt::print(stderr, "{}: {}\n", message.is_error ? "error" : "warning",
                                                       message.text);
  });
  int read_exit = ImportFiles(importer, command.files, !command.quiet);
  Status finished = importer.Finish();
  if (!finished.ok()) {
    fmt::print(stderr, "error: storing failed, the last batch was not stored: {}\n", finished.message());
    return kExitError;
  }
  const ingest::ImportTotals& totals = importer.totals();
  fmt::print("imported {} objects: {} stored, {} already stored, {} invalid, {} refused, {} warnings\n",
             totals.read, totals.stored, totals.duplicates, totals.invalid, totals.refused, totals.warnings);
  share::AuditEvent event;
  event.actor = session->actor;
  event.action = "object.write";
  event.target = fmt::format("{} files", command.files.size());
  event.outcome = totals.AllAccepted() ? share::AuditOutcome::kOk : share::AuditOutcome::kFailed;
  event.detail = fmt::format("import of {}: {} read, {} stored, {} already stored, {} invalid, {} refused",
                             fmt::join(command.files, " "), totals.read, totals.stored, totals.duplicates,
                             totals.invalid, totals.refused);
  if (Status audited = session->community->audit().Record(event); !audited.ok()) {
    fmt::print(stderr, "error: the objects are stored, but the audit log could not record the import: {}\n",
               audited.message());
    return kExitError;
  }
  if (read_exit != kExitOk) return read_exit;
  return totals.AllAccepted() ? kExitOk : kExitFailed;
}

int RunValidate(const ValidateCommand& command) {
  ingest::Importer importer(nullptr, ingest::ImportOptions{}, [&](const ingest::ImportMessage& message) {
    if (message.is_error || !command.errors_only) {
      fmt::print("{}: {}\n", message.is_error ? "error" : "warning", message.text);
    }
  });
  int read_exit = ImportFiles(importer, command.files, false);
  const ingest::ImportTotals& totals = importer.totals();
  fmt::print(stderr, "{} objects checked: {} valid, {} invalid, {} warnings\n", totals.read,
             totals.read - totals.invalid, totals.invalid, totals.warnings);
  if (read_exit != kExitOk) return read_exit;
  return totals.invalid == 0 ? kExitOk : kExitFailed;
}

}  // namespace kenes::cli
