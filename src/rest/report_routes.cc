#include "rest/report_routes.h"

#include <fmt/format.h>

#include <utility>

#include "respond/incident_report.h"
#include "rest/error.h"
#include "rest/object_json.h"
#include "rest/search_query.h"
#include "share/read_audit.h"

namespace kenes::rest {

void RegisterReportRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                          respond::AssistanceGapProvider assistance_gaps) {
  router.Add(http::Method::kGet, "/api/v1/incidents/{id}/report", http::Auth::kRequired,
             api.Handle([&store, &community, assistance_gaps = std::move(assistance_gaps)](
                            const Api::Caller& caller, const http::Request& request) -> Result<http::Response> {
               KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
               std::string_view id = request.Param("id");
               if (!IsStixId(id)) return Status::InvalidArgument(fmt::format("'{}' is not a STIX id (type--UUID)", id));
               respond::BriefOptions options;
               options.assistance_gaps = assistance_gaps;
               KENES_ASSIGN_OR_RETURN(respond::IncidentBrief brief,
                                      respond::GatherIncidentBrief(store, community, id, caller.filter(), options));
               KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community.audit(), caller.principal, brief.shown,
                                                                "rest incident report"));
               std::string reader = respond::ReaderName(community, caller.principal, caller.filter());
               http::Response response = http::MakeResponse(
                   200, "text/html; charset=utf-8",
                   respond::RenderIncidentReport(brief, {reader, Now(), caller.filter() == nullptr}));
               // The report is a snapshot of what this caller may see: never served to another from a cache.
               response.SetHeader("Cache-Control", "private, no-store");
               return response;
             }));
}

}  // namespace kenes::rest
