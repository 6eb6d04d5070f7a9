#include "cli/assistance_gaps.h"

#include "assist/incident_gaps.h"

namespace kenes::cli {

respond::AssistanceGapProvider AssistanceGapsFrom(assist::AssistanceDesk& desk) {
  return [&desk](std::string_view incident_id,
                 const store::Viewer* viewer) -> Result<std::vector<respond::AssistanceGapLine>> {
    KENES_ASSIGN_OR_RETURN(std::vector<assist::IncidentGap> gaps,
                           assist::OpenGapsOfIncident(desk, incident_id, viewer));
    std::vector<respond::AssistanceGapLine> lines;
    lines.reserve(gaps.size());
    for (assist::IncidentGap& gap : gaps) {
      respond::AssistanceGapLine line;
      line.request_id = std::move(gap.request_id);
      line.request_name = std::move(gap.request_name);
      line.requesting_state = std::move(gap.requester);
      line.item = std::move(gap.line.item);
      line.unit = std::move(gap.line.unit);
      line.needed = static_cast<double>(gap.line.needed);
      line.pledged = static_cast<double>(gap.line.pledged);
      line.delivered = static_cast<double>(gap.line.delivered);
      line.open_gap = static_cast<double>(gap.line.gap);
      lines.push_back(std::move(line));
    }
    return lines;
  };
}

}  // namespace kenes::cli
