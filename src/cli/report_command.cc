#include "cli/report_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "assist/assistance_desk.h"
#include "cli/assistance_gaps.h"
#include "cli/commands.h"
#include "cli/node_session.h"
#include "respond/incident_brief.h"
#include "respond/incident_report.h"
#include "share/read_audit.h"

namespace kenes::cli {
namespace {

// Writes `text` to `path` through a temporary file renamed over it, so a
// reader never finds half a report.
Status WriteWhole(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = path;
  temporary += fmt::format(".{}.tmp", ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Status::IoError(fmt::format("cannot write {}", path.string()));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return Status::IoError(fmt::format("cannot write {}", path.string()));
  }
  return Status::Ok();
}

}  // namespace

int RunIncidentReport(const Config& config, const std::string& as_user, const IncidentReportCommand& command) {
  Result<NodeSession> session = OpenNodeSession(config, as_user);
  if (!session.ok()) {
    fmt::print(stderr, "error: {}\n", session.status().message());
    return kExitError;
  }
  assist::AssistanceDesk assistance(*session->store, *session->community);
  respond::BriefOptions options;
  options.assistance_gaps = AssistanceGapsFrom(assistance);
  Result<respond::IncidentBrief> brief =
      respond::GatherIncidentBrief(*session->store, *session->community, command.id, session->visibility(), options);
  if (!brief.ok()) {
    fmt::print(stderr, "error: {}\n", brief.status().message());
    return brief.status().code() == StatusCode::kNotFound ? kExitFailed : kExitError;
  }
  Status audited =
      share::AuditSensitiveReads(session->community->audit(), session->actor, brief->shown, "incident report");
  if (!audited.ok()) {
    fmt::print(stderr, "error: the audit log could not record this read: {}\n", audited.message());
    return kExitError;
  }
  std::string reader = respond::ReaderName(*session->community, session->actor, session->visibility());
  std::string html = respond::RenderIncidentReport(*brief, {reader, Now(), session->visibility() == nullptr});
  if (command.output.empty() || command.output == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitError;
  }
  if (Status written = WriteWhole(command.output, html); !written.ok()) {
    fmt::print(stderr, "error: {}\n", written.message());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace kenes::cli
