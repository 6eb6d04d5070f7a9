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
#include "cli/ingest_subscribers.h"
#include "cli/node_session.h"
#include "cli/progress_bar.h"
#include "correlate/alert_book.h"
#include "correlate/alert_database.h"
#include "ingest/importer.h"
#include "notify/notifications.h"
#include "share/write_labeller.h"
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
  Result<share::LabelDefaults> defaults = share::DefaultsFor(*session->community, session->actor, *distribution);
  if (defaults.ok() && !command.tlp.empty()) defaults->tlp = *tlp;
  Result<share::WriteLabel> labeller =
      defaults.ok() ? share::WriteLabeller(*session->store, *session->community, session->actor, *defaults)
                    : Result<share::WriteLabel>(defaults.status());
  if (!labeller.ok()) {
    fmt::print(stderr, "error: {}\n", labeller.status().message());
    return kExitError;
  }
  ingest::ImportOptions options;
  options.batch_size = config.import_batch_size;
  options.assign_missing_sco_ids = command.assign_ids;
  options.label = std::move(labeller).value();
  Result<std::unique_ptr<correlate::AlertDatabase>> alert_database =
      correlate::AlertDatabase::Open(correlate::AlertDatabase::FileIn(config.data_dir));
  if (!alert_database.ok()) {
    fmt::print(stderr, "error: {}\n", alert_database.status().message());
    return kExitError;
  }
  // The alerts this import raises reach the organisations' inboxes; a running node sends them to webhooks.
  notify::NotificationOptions notify_options;
  notify_options.send_webhooks = false;
  Result<std::unique_ptr<notify::Notifications>> notifications =
      notify::Notifications::Open(config.data_dir, *session->store, *session->community, notify_options);
  if (!notifications.ok()) {
    fmt::print(stderr, "error: {}\n", notifications.status().message());
    return kExitError;
  }
  correlate::AlertBook alerts(**alert_database, (*notifications)->sink());
  Result<std::unique_ptr<IngestSubscribers>> subscribers =
      IngestSubscribers::Start(*session->store, *session->community, config, alerts.Sink());
  if (!subscribers.ok()) {
    fmt::print(stderr, "error: {}\n", subscribers.status().message());
    return kExitError;
  }
  options.on_batch = (*subscribers)->OnBatch();
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
  sight::HuntTotals hunt = (*subscribers)->hunter().totals();
  if (hunt.sightings + hunt.duplicates > 0) {
    fmt::print("sightings: {} new, {} already stored\n", hunt.sightings, hunt.duplicates);
  }
  if (hunt.failures > 0) fmt::print(stderr, "warning: {} hunts failed, the last: {}\n", hunt.failures, hunt.last_failure);
  correlate::CorrelationTotals correlation = (*subscribers)->correlator().totals();
  if (correlation.links > 0) fmt::print("cross-border links: {}\n", correlation.links);
  if (Status recorded = alerts.last_failure(); !recorded.ok()) {
    fmt::print(stderr, "warning: cross-border alerts were lost, the last failure: {}\n", recorded.message());
  }
  if (correlation.failures > 0) {
    fmt::print(stderr, "warning: {} objects could not be correlated, the last: {}\n", correlation.failures,
               correlation.last_failure);
  }
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
