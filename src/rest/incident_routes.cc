#include "rest/incident_routes.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <memory>

#include "base/json_text.h"
#include "respond/response_desk.h"
#include "rest/error.h"
#include "rest/incident_json.h"
#include "rest/json_members.h"
#include "rest/object_json.h"
#include "rest/search_query.h"
#include "share/read_audit.h"

namespace kenes::rest {
namespace {

using respond::ResponseDesk;

Status NotServed() { return Status::IoError("joint response (incidents, plans, tasks) is not served on this node"); }

// The id in the path, checked for shape.
Result<std::string> PathId(const http::Request& request) {
  std::string_view id = request.Param("id");
  if (!IsStixId(id)) return Status::InvalidArgument(fmt::format("'{}' is not a STIX id (type--UUID)", id));
  return std::string(id);
}

// A request body: a JSON object whose members must each be known, read by kind.
class Body {
 public:
  static Result<std::unique_ptr<Body>> Parse(std::string_view text, std::span<const std::string_view> known) {
    auto body = std::unique_ptr<Body>(new Body(text));
    if (body->parser_.parse(body->text_).get(body->object_) != simdjson::SUCCESS) {
      return Status::InvalidArgument("the body must be a JSON object");
    }
    for (auto [key, value] : body->object_) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string names;
        for (std::string_view name : known) names += (names.empty() ? "" : ", ") + std::string(name);
        return Status::InvalidArgument(fmt::format("unknown member '{}' in the body; known: {}", key, names));
      }
    }
    return body;
  }

  bool Has(std::string_view name) const { return object_[name].error() == simdjson::SUCCESS; }

  Result<std::optional<std::string>> Text(std::string_view name) const {
    simdjson::dom::element value;
    if (object_[name].get(value) != simdjson::SUCCESS) return std::optional<std::string>();
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) return Status::InvalidArgument(fmt::format("{} must be a string", name));
    return std::optional<std::string>(text);
  }

  Result<std::optional<int>> Percent(std::string_view name) const {
    simdjson::dom::element value;
    if (object_[name].get(value) != simdjson::SUCCESS) return std::optional<int>();
    int64_t number = 0;
    if (value.get(number) != simdjson::SUCCESS || number < 0 || number > 100) {
      return Status::InvalidArgument(fmt::format("{} must be a whole number 0-100", name));
    }
    return std::optional<int>(static_cast<int>(number));
  }

  Result<std::optional<std::vector<std::string>>> Texts(std::string_view name) const {
    simdjson::dom::element value;
    if (object_[name].get(value) != simdjson::SUCCESS) return std::optional<std::vector<std::string>>();
    simdjson::dom::array list;
    const Status wrong = Status::InvalidArgument(fmt::format("{} must be a list of strings", name));
    if (value.get(list) != simdjson::SUCCESS) return wrong;
    std::vector<std::string> texts;
    for (simdjson::dom::element item : list) {
      std::string_view text;
      if (item.get(text) != simdjson::SUCCESS) return wrong;
      texts.emplace_back(text);
    }
    return std::optional<std::vector<std::string>>(std::move(texts));
  }

  Result<std::optional<Timestamp>> Time(std::string_view name) const {
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> text, Text(name));
    if (!text) return std::optional<Timestamp>();
    std::optional<Timestamp> time = ParseTimestamp(*text);
    if (!time) {
      return Status::InvalidArgument(
          fmt::format("{} must be a STIX timestamp such as 2026-12-01T12:00:00Z, not '{}'", name, *text));
    }
    return time;
  }

  // "tlp" and "distribution".
  Result<respond::Sharing> Sharing() const {
    respond::Sharing sharing;
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> tlp, Text("tlp"));
    if (tlp) {
      sharing.tlp = share::ParseTlp(*tlp);
      if (!sharing.tlp) return Status::InvalidArgument("tlp must be clear, green, amber, amber+strict or red");
    }
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> distribution, Text("distribution"));
    if (distribution) {
      KENES_ASSIGN_OR_RETURN(sharing.distribution, share::ParseDistribution(*distribution));
    }
    return sharing;
  }

  template <typename Value>
  static Status Into(Result<std::optional<Value>> read, Value& target) {
    KENES_RETURN_IF_ERROR(read.status());
    if (*read) target = std::move(**read);
    return Status::Ok();
  }

 private:
  explicit Body(std::string_view text) : text_(text) {}

  simdjson::padded_string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::object object_;
};

Result<respond::TaskOutcome> OutcomeOf(std::string_view text) {
  std::optional<respond::TaskOutcome> outcome = respond::ParseTaskOutcome(text);
  if (!outcome) {
    return Status::InvalidArgument(
        fmt::format("outcome must be pending, ongoing, successful, failed or cancelled, not '{}'", text));
  }
  return *outcome;
}

// The routes, over one desk.
class IncidentRoutes {
 public:
  IncidentRoutes(ResponseDesk* desk) : desk_(desk) {}

  Result<http::Response> ListIncidents(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 3> kParameters = {"status", "severity", "affected_state"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    KENES_RETURN_IF_ERROR(Served());
    respond::IncidentFilter filter;
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> status, SingleParameter(request.query, "status"));
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> severity, SingleParameter(request.query, "severity"));
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> state, SingleParameter(request.query, "affected_state"));
    filter.status = status.value_or("");
    filter.severity = severity.value_or("");
    if (state) {
      KENES_ASSIGN_OR_RETURN(filter.affected_state, OrganisationParameter("affected_state", *state));
    }
    KENES_ASSIGN_OR_RETURN(std::vector<respond::Incident> incidents,
                           desk_->reader().Incidents(caller.filter(), filter));
    std::vector<store::StoredVersion> read;
    for (const respond::Incident& incident : incidents) read.push_back(incident.stored);
    KENES_RETURN_IF_ERROR(Audit(caller, read, "rest incidents"));
    return JsonResponse(200, ListBody("incidents", incidents, AppendIncident));
  }

  Result<http::Response> CreateIncident(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 10> kMembers = {
        "name",        "description",     "severity", "status", "determination",
        "criticality", "affected_states", "links",    "tlp",    "distribution"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    respond::IncidentDraft draft;
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("name"), draft.name));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("description"), draft.description));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("severity"), draft.severity));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("status"), draft.status));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("determination"), draft.determination));
    KENES_ASSIGN_OR_RETURN(draft.criticality, body->Percent("criticality"));
    KENES_RETURN_IF_ERROR(Body::Into(body->Texts("affected_states"), draft.affected_states));
    KENES_RETURN_IF_ERROR(Body::Into(body->Texts("links"), draft.links));
    KENES_ASSIGN_OR_RETURN(draft.sharing, body->Sharing());
    KENES_ASSIGN_OR_RETURN(respond::Incident incident, desk_->CreateIncident(ActorOf(caller), draft));
    return Created("/api/v1/incidents/" + incident.id, incident, AppendIncident);
  }

  Result<http::Response> ReadIncident(const Api::Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    KENES_RETURN_IF_ERROR(Served());
    KENES_ASSIGN_OR_RETURN(respond::IncidentFile file, desk_->reader().ReadIncident(caller.filter(), id));
    std::vector<store::StoredVersion> read = {file.incident.stored};
    for (const respond::ResponsePlan& plan : file.plans) read.push_back(plan.stored);
    for (const respond::Task& task : file.tasks) read.push_back(task.stored);
    KENES_RETURN_IF_ERROR(Audit(caller, read, "rest incident"));
    std::string body = "{";
    AppendKey(body, "incident");
    AppendIncident(body, file.incident);
    AppendKey(body, "plans");
    body += '[';
    for (const respond::ResponsePlan& plan : file.plans) {
      if (body.back() != '[') body += ',';
      std::string entry;
      AppendPlan(entry, plan);
      entry.pop_back();  // the plan's tasks join its object
      AppendKey(entry, "tasks");
      entry += '[';
      for (const respond::Task& task : file.tasks) {
        if (task.plan_id != plan.id) continue;
        if (entry.back() != '[') entry += ',';
        AppendTask(entry, task);
      }
      entry += "]}";
      body += entry;
    }
    body += ']';
    AppendKey(body, "links");
    body += '[';
    for (const std::string& link : file.links) {
      if (body.back() != '[') body += ',';
      AppendJsonString(body, link);
    }
    body += "]}";
    return JsonResponse(200, std::move(body));
  }

  Result<http::Response> UpdateIncident(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 7> kMembers = {
        "name", "description", "severity", "status", "determination", "criticality", "affected_states"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    respond::IncidentChange change;
    KENES_ASSIGN_OR_RETURN(change.name, body->Text("name"));
    KENES_ASSIGN_OR_RETURN(change.description, body->Text("description"));
    KENES_ASSIGN_OR_RETURN(change.severity, body->Text("severity"));
    KENES_ASSIGN_OR_RETURN(change.status, body->Text("status"));
    KENES_ASSIGN_OR_RETURN(change.determination, body->Text("determination"));
    KENES_ASSIGN_OR_RETURN(change.criticality, body->Percent("criticality"));
    KENES_ASSIGN_OR_RETURN(change.affected_states, body->Texts("affected_states"));
    KENES_ASSIGN_OR_RETURN(respond::Incident incident, desk_->UpdateIncident(ActorOf(caller), id, change));
    std::string out;
    AppendIncident(out, incident);
    return JsonResponse(200, std::move(out));
  }

  Result<http::Response> AddPlan(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 4> kMembers = {"name", "description", "tlp", "distribution"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    respond::PlanDraft draft;
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("name"), draft.name));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("description"), draft.description));
    KENES_ASSIGN_OR_RETURN(draft.sharing, body->Sharing());
    KENES_ASSIGN_OR_RETURN(respond::ResponsePlan plan, desk_->AddPlan(ActorOf(caller), id, draft));
    return Created("/api/v1/incidents/" + plan.incident_id, plan, AppendPlan);
  }

  Result<http::Response> AddTask(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 6> kMembers = {"name",     "description", "responsible",
                                                                 "priority", "due",         "depends_on"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    respond::TaskDraft draft;
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("name"), draft.name));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("description"), draft.description));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("responsible"), draft.responsible));
    if (draft.responsible.empty()) {
      return Status::InvalidArgument("responsible is required: the organisation (code or id) that carries it out");
    }
    KENES_RETURN_IF_ERROR(Body::Into(body->Percent("priority"), draft.priority));
    KENES_ASSIGN_OR_RETURN(draft.due, body->Time("due"));
    KENES_RETURN_IF_ERROR(Body::Into(body->Texts("depends_on"), draft.depends_on));
    KENES_ASSIGN_OR_RETURN(respond::Task task, desk_->AddTask(ActorOf(caller), id, draft));
    return Created("/api/v1/tasks/" + task.id + "/history", task, AppendTask);
  }

  Result<http::Response> ListTasks(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 4> kParameters = {"responsible", "outcome", "incident", "open"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    KENES_RETURN_IF_ERROR(Served());
    respond::TaskFilter filter;
    // Mine by default: what is assigned to the caller's organisation.
    filter.responsible = caller.principal.organisation;
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> responsible, SingleParameter(request.query, "responsible"));
    if (responsible && *responsible == "any") {
      filter.responsible.clear();
    } else if (responsible) {
      KENES_ASSIGN_OR_RETURN(filter.responsible, OrganisationParameter("responsible", *responsible));
    }
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> outcome, SingleParameter(request.query, "outcome"));
    if (outcome) {
      KENES_ASSIGN_OR_RETURN(filter.outcome, OutcomeOf(*outcome));
    }
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> incident, SingleParameter(request.query, "incident"));
    filter.incident_id = incident.value_or("");
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> open, SingleParameter(request.query, "open"));
    if (open && *open != "true" && *open != "false") {
      return Status::InvalidArgument(fmt::format("open must be true or false, not '{}'", *open));
    }
    filter.open_only = open == "true";
    KENES_ASSIGN_OR_RETURN(std::vector<respond::Task> tasks, desk_->reader().Tasks(caller.filter(), filter));
    return TaskList(caller, "tasks", tasks, "rest tasks");
  }

  Result<http::Response> ChangeTask(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 7> kMembers = {"outcome", "responsible", "due",  "priority",
                                                                 "name",    "description", "error"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    respond::TaskChange change;
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> outcome, body->Text("outcome"));
    if (outcome) {
      KENES_ASSIGN_OR_RETURN(change.outcome, OutcomeOf(*outcome));
    }
    KENES_ASSIGN_OR_RETURN(change.responsible, body->Text("responsible"));
    KENES_ASSIGN_OR_RETURN(change.due, body->Time("due"));
    KENES_ASSIGN_OR_RETURN(change.priority, body->Percent("priority"));
    KENES_ASSIGN_OR_RETURN(change.name, body->Text("name"));
    KENES_ASSIGN_OR_RETURN(change.description, body->Text("description"));
    KENES_ASSIGN_OR_RETURN(change.error, body->Text("error"));
    KENES_ASSIGN_OR_RETURN(respond::Task task, desk_->ChangeTask(ActorOf(caller), id, change));
    std::string out;
    AppendTask(out, task);
    return JsonResponse(200, std::move(out));
  }

  Result<http::Response> TaskHistory(const Api::Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    KENES_RETURN_IF_ERROR(Served());
    KENES_ASSIGN_OR_RETURN(std::vector<respond::Task> history, desk_->reader().TaskHistory(caller.filter(), id));
    return TaskList(caller, "versions", history, "rest task history");
  }

  Result<http::Response> Timeline(const Api::Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    KENES_RETURN_IF_ERROR(Served());
    KENES_ASSIGN_OR_RETURN(std::vector<respond::TimelineEvent> timeline, desk_->reader().Timeline(caller.filter(), id));
    std::vector<store::StoredVersion> read;
    for (const respond::TimelineEvent& entry : timeline) read.push_back(entry.version);
    KENES_RETURN_IF_ERROR(Audit(caller, read, "rest incident timeline"));
    return JsonResponse(200, ListBody("timeline", timeline, AppendTimelineEvent));
  }

  Result<http::Response> AddNote(const Api::Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 4> kMembers = {"abstract", "content", "tlp", "distribution"};
    KENES_ASSIGN_OR_RETURN(std::unique_ptr<Body> body, Start(request, kMembers));
    KENES_ASSIGN_OR_RETURN(std::string id, PathId(request));
    respond::NoteDraft draft;
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("abstract"), draft.abstract));
    KENES_RETURN_IF_ERROR(Body::Into(body->Text("content"), draft.content));
    KENES_ASSIGN_OR_RETURN(draft.sharing, body->Sharing());
    KENES_ASSIGN_OR_RETURN(store::StoredVersion note, desk_->AddNote(ActorOf(caller), id, draft));
    http::Response response = JsonResponse(201, "{\"note\":" + note.json + "}");
    response.SetHeader("Location", "/api/v1/objects/" + note.id);
    return response;
  }

 private:
  Status Served() const { return desk_ == nullptr ? NotServed() : Status::Ok(); }

  // The checks every write route begins with, and its body.
  Result<std::unique_ptr<Body>> Start(const http::Request& request, std::span<const std::string_view> members) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_RETURN_IF_ERROR(Served());
    return Body::Parse(request.body, members);
  }

  respond::Actor ActorOf(const Api::Caller& caller) const { return {caller.principal, caller.filter()}; }

  Result<std::string> OrganisationParameter(std::string_view name, const std::string& value) {
    Result<share::Organisation> organisation = desk_->community().FindOrganisation(value);
    if (!organisation.ok()) {
      return Status::InvalidArgument(fmt::format("{}: no organisation '{}' (a code or identity id)", name, value));
    }
    return organisation->id;
  }

  Status Audit(const Api::Caller& caller, std::span<const store::StoredVersion> versions, std::string_view how) {
    return share::AuditSensitiveReads(desk_->community().audit(), caller.principal, versions, how);
  }

  Result<http::Response> TaskList(const Api::Caller& caller, std::string_view key,
                                  const std::vector<respond::Task>& tasks, std::string_view how) {
    std::vector<store::StoredVersion> read;
    for (const respond::Task& task : tasks) read.push_back(task.stored);
    KENES_RETURN_IF_ERROR(Audit(caller, read, how));
    return JsonResponse(200, ListBody(key, tasks, AppendTask));
  }

  template <typename Record, typename Append>
  static http::Response Created(const std::string& location, const Record& record, Append append) {
    std::string out;
    append(out, record);
    http::Response response = JsonResponse(201, std::move(out));
    response.SetHeader("Location", location);
    return response;
  }

  ResponseDesk* desk_;
};

}  // namespace

void RegisterIncidentRoutes(Api& api, http::Router& router, ResponseDesk* desk) {
  using http::Auth;
  using http::Method;
  auto routes = std::make_shared<IncidentRoutes>(desk);
  using Route = Result<http::Response> (IncidentRoutes::*)(const Api::Caller&, const http::Request&);
  auto handle = [&](Route route) {
    return api.Handle([routes, route](const Api::Caller& caller, const http::Request& request) {
      return ((*routes).*route)(caller, request);
    });
  };
  // Writes take JSON bodies: another media type is a 415 before anything is read.
  auto handle_write = [&](Route route) {
    return api.Handle(
        [routes, route](const Api::Caller& caller, const http::Request& request) -> Result<http::Response> {
          if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
          return ((*routes).*route)(caller, request);
        });
  };
  router.Add(Method::kGet, "/api/v1/incidents", Auth::kRequired, handle(&IncidentRoutes::ListIncidents));
  router.Add(Method::kPost, "/api/v1/incidents", Auth::kRequired, handle_write(&IncidentRoutes::CreateIncident));
  router.Add(Method::kGet, "/api/v1/incidents/{id}", Auth::kRequired, handle(&IncidentRoutes::ReadIncident));
  router.Add(Method::kPatch, "/api/v1/incidents/{id}", Auth::kRequired, handle_write(&IncidentRoutes::UpdateIncident));
  router.Add(Method::kPost, "/api/v1/incidents/{id}/plans", Auth::kRequired, handle_write(&IncidentRoutes::AddPlan));
  router.Add(Method::kGet, "/api/v1/incidents/{id}/timeline", Auth::kRequired, handle(&IncidentRoutes::Timeline));
  router.Add(Method::kPost, "/api/v1/plans/{id}/tasks", Auth::kRequired, handle_write(&IncidentRoutes::AddTask));
  router.Add(Method::kGet, "/api/v1/tasks", Auth::kRequired, handle(&IncidentRoutes::ListTasks));
  router.Add(Method::kPatch, "/api/v1/tasks/{id}", Auth::kRequired, handle_write(&IncidentRoutes::ChangeTask));
  router.Add(Method::kGet, "/api/v1/tasks/{id}/history", Auth::kRequired, handle(&IncidentRoutes::TaskHistory));
  router.Add(Method::kPost, "/api/v1/objects/{id}/notes", Auth::kRequired, handle_write(&IncidentRoutes::AddNote));
}

}  // namespace kenes::rest
