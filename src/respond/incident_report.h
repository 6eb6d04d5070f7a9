// IncidentReport: an incident brief (incident_brief.h) as one
// self-contained HTML document for a council meeting.
//
// The document carries its own style sheet and nothing else: no scripts, no
// fonts, no images, no links to other hosts, so it can be mailed, archived
// and printed to PDF from any browser (print styles give A4 pages, repeat
// table headings and start the plan and the contributions on new pages).
// Every text that comes from the data is HTML-escaped. The footer names the
// organisation it was rendered for and when, and says that it shows only
// what that organisation may see.
//
// A pure function of its inputs; any number of threads may render at once.
#pragma once

#include <string>

#include "base/timestamp.h"
#include "respond/incident_brief.h"

namespace kenes::respond {

struct ReportOptions {
  std::string reader;       // the organisation (or "the node operator") the brief was gathered for
  Timestamp rendered_at;    // when
  bool everything = false;  // the brief was gathered without a viewer (an administrator's)
};

// The HTML document (UTF-8) of `brief`.
std::string RenderIncidentReport(const IncidentBrief& brief, const ReportOptions& options);

}  // namespace kenes::respond
