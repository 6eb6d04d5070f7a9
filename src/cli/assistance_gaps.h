// The incident report's assistance section (respond::AssistanceGapProvider)
// served by the mutual assistance desk (assist/incident_gaps.h). Respond and
// assist do not know each other; the commands that have both join them here.
//
// Thread-safety: the provider may be called from any thread, as the desk's
// reads. `desk` must outlive it.
#pragma once

#include "assist/assistance_desk.h"
#include "respond/incident_brief.h"

namespace kenes::cli {

respond::AssistanceGapProvider AssistanceGapsFrom(assist::AssistanceDesk& desk);

}  // namespace kenes::cli
