// `kenes incident report ID [--output FILE]`: an incident's report for a
// council meeting (respond/incident_report.h) as the acting user (--as) may
// see it, written to standard output or to FILE.
//
// A file is written whole or not at all: the document goes to a temporary
// file beside it, renamed over FILE once complete. Exit codes as commands.h:
// 1 for an unknown or hidden incident (one message for both), 2 when the
// node, the audit log or the file cannot be used. Single-threaded.
#pragma once

#include <string>

#include "cli/config.h"

namespace kenes::cli {

struct IncidentReportCommand {
  std::string id;
  std::string output;  // empty or "-": standard output
};
int RunIncidentReport(const Config& config, const std::string& as_user, const IncidentReportCommand& command);

}  // namespace kenes::cli
