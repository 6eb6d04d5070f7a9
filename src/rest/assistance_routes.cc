#include "rest/assistance_routes.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "assist/assistance_desk.h"
#include "rest/api.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/object_json.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

using assist::AssistanceDesk;
using Caller = Api::Caller;

Status NotRunning() { return Status::IoError("mutual assistance is not served on this node"); }

Result<std::string_view> PathId(const http::Request& request) {
  std::string_view id = request.Param("id");
  if (!IsStixId(id)) return Status::InvalidArgument(fmt::format("'{}' is not a STIX id (type--UUID)", id));
  return id;
}

// A JSON body's members, each read once: what is left unread is an unknown member.
class Body {
 public:
  static Result<Body> Parse(std::string_view text, bool may_be_empty = false) {
    Body body;
    if (may_be_empty && text.find_first_not_of(" \t\r\n") == std::string_view::npos) return body;
    body.padded_ = simdjson::padded_string(text);
    simdjson::dom::element root;
    simdjson::dom::object object;
    if (body.parser_->parse(body.padded_).get(root) != simdjson::SUCCESS || root.get(object) != simdjson::SUCCESS) {
      return Status::InvalidArgument("the body must be a JSON object");
    }
    body.object_ = object;
    return body;
  }

  Result<std::string> String(std::string_view name, bool required = false) {
    std::string_view value;
    simdjson::dom::element element;
    if (!Find(name, element)) {
      if (required) return Status::InvalidArgument(fmt::format("the body needs \"{}\"", name));
      return std::string();
    }
    if (element.get(value) != simdjson::SUCCESS)
      return Status::InvalidArgument(fmt::format("\"{}\" must be a string", name));
    return std::string(value);
  }

  Result<std::vector<simdjson::dom::object>> Objects(std::string_view name) {
    simdjson::dom::element element;
    simdjson::dom::array list;
    if (!Find(name, element) || element.get(list) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("the body needs \"{}\", a list of objects", name));
    }
    std::vector<simdjson::dom::object> objects;
    for (simdjson::dom::element item : list) {
      simdjson::dom::object object;
      if (item.get(object) != simdjson::SUCCESS) {
        return Status::InvalidArgument(fmt::format("each of \"{}\" must be an object", name));
      }
      objects.push_back(object);
    }
    return objects;
  }

  // InvalidArgument naming the first member nothing read.
  Status CheckAllRead(std::string_view shape) const {
    if (!object_) return Status::Ok();
    for (auto [key, value] : *object_) {
      if (std::find(read_.begin(), read_.end(), key) == read_.end()) {
        return Status::InvalidArgument(fmt::format("unknown member \"{}\" in the body; {}", key, shape));
      }
    }
    return Status::Ok();
  }

  // The "tlp" and "distribution" members.
  Result<assist::Sharing> Sharing() {
    assist::Sharing sharing;
    KENES_ASSIGN_OR_RETURN(std::string tlp, String("tlp"));
    if (!tlp.empty()) {
      sharing.tlp = share::ParseTlp(tlp);
      if (!sharing.tlp) return Status::InvalidArgument("tlp must be clear, green, amber, amber+strict or red");
    }
    KENES_ASSIGN_OR_RETURN(std::string distribution, String("distribution"));
    if (!distribution.empty()) {
      KENES_ASSIGN_OR_RETURN(sharing.distribution, share::ParseDistribution(distribution));
    }
    return sharing;
  }

 private:
  bool Find(std::string_view name, simdjson::dom::element& element) {
    if (!object_ || object_->at_key(name).get(element) != simdjson::SUCCESS) return false;
    read_.emplace_back(name);
    return true;
  }

  std::unique_ptr<simdjson::dom::parser> parser_ = std::make_unique<simdjson::dom::parser>();
  simdjson::padded_string padded_;
  std::optional<simdjson::dom::object> object_;
  std::vector<std::string> read_;
};

// Members of one line object: strings, whole numbers; unknown members refused.
struct LineReader {
  simdjson::dom::object line;
  std::string_view list;

  Status Check(std::initializer_list<std::string_view> known) const {
    for (auto [key, value] : line) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        return Status::InvalidArgument(fmt::format("unknown member \"{}\" in a line of \"{}\"", key, list));
      }
    }
    return Status::Ok();
  }
  Result<std::string> String(std::string_view name, bool required) const {
    std::string_view value;
    simdjson::error_code error = line[name].get(value);
    if (error == simdjson::NO_SUCH_FIELD && !required) return std::string();
    if (error != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("each line of \"{}\" needs \"{}\", a string", list, name));
    }
    return std::string(value);
  }
  Result<std::optional<int64_t>> Number(std::string_view name, bool required) const {
    int64_t value = 0;
    simdjson::error_code error = line[name].get(value);
    if (error == simdjson::NO_SUCH_FIELD && !required) return std::optional<int64_t>();
    if (error != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("each line of \"{}\" needs \"{}\", a whole number", list, name));
    }
    return std::optional<int64_t>(value);
  }
};

constexpr std::string_view kRequestShape =
    R"(a request is {"name", "description"?, "hazard", "location_ref", "incident_ref"?, "needs": [...], "tlp"?, "distribution"?})";
constexpr std::string_view kOfferShape =
    R"(an offer is {"lines": [{"line_id", "quantity", "unit"?, "note"?}], "tlp"?, "distribution"?})";

Result<assist::RequestDraft> ReadRequestDraft(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(Body body, Body::Parse(text));
  assist::RequestDraft draft;
  KENES_ASSIGN_OR_RETURN(draft.name, body.String("name", true));
  KENES_ASSIGN_OR_RETURN(draft.description, body.String("description"));
  KENES_ASSIGN_OR_RETURN(draft.hazard, body.String("hazard", true));
  KENES_ASSIGN_OR_RETURN(draft.location_ref, body.String("location_ref", true));
  KENES_ASSIGN_OR_RETURN(draft.incident_ref, body.String("incident_ref"));
  KENES_ASSIGN_OR_RETURN(draft.sharing, body.Sharing());
  KENES_ASSIGN_OR_RETURN(std::vector<simdjson::dom::object> needs, body.Objects("needs"));
  for (simdjson::dom::object object : needs) {
    LineReader line{object, "needs"};
    KENES_RETURN_IF_ERROR(line.Check({"line_id", "item", "quantity", "unit", "priority"}));
    assist::NeedLine need;
    KENES_ASSIGN_OR_RETURN(need.line_id, line.String("line_id", false));
    KENES_ASSIGN_OR_RETURN(need.item, line.String("item", true));
    KENES_ASSIGN_OR_RETURN(std::optional<int64_t> quantity, line.Number("quantity", true));
    need.quantity = *quantity;
    KENES_ASSIGN_OR_RETURN(need.unit, line.String("unit", true));
    KENES_ASSIGN_OR_RETURN(need.priority, line.String("priority", false));
    draft.needs.push_back(std::move(need));
  }
  KENES_RETURN_IF_ERROR(body.CheckAllRead(kRequestShape));
  return draft;
}

Result<assist::OfferDraft> ReadOfferDraft(std::string_view text, std::string_view request_id) {
  KENES_ASSIGN_OR_RETURN(Body body, Body::Parse(text));
  assist::OfferDraft draft;
  draft.request_id = request_id;
  KENES_ASSIGN_OR_RETURN(draft.sharing, body.Sharing());
  KENES_ASSIGN_OR_RETURN(std::vector<simdjson::dom::object> lines, body.Objects("lines"));
  for (simdjson::dom::object object : lines) {
    LineReader line{object, "lines"};
    KENES_RETURN_IF_ERROR(line.Check({"line_id", "quantity", "unit", "note"}));
    assist::OfferLine offered;
    KENES_ASSIGN_OR_RETURN(offered.line_id, line.String("line_id", true));
    KENES_ASSIGN_OR_RETURN(std::optional<int64_t> quantity, line.Number("quantity", true));
    offered.quantity = *quantity;
    KENES_ASSIGN_OR_RETURN(offered.unit, line.String("unit", false));
    KENES_ASSIGN_OR_RETURN(offered.note, line.String("note", false));
    draft.lines.push_back(std::move(offered));
  }
  KENES_RETURN_IF_ERROR(body.CheckAllRead(kOfferShape));
  return draft;
}

Result<std::vector<assist::AcceptedLine>> ReadAcceptance(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(Body body, Body::Parse(text, true));
  std::vector<assist::AcceptedLine> accepted;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return accepted;
  KENES_ASSIGN_OR_RETURN(std::vector<simdjson::dom::object> lines, body.Objects("lines"));
  for (simdjson::dom::object object : lines) {
    LineReader line{object, "lines"};
    KENES_RETURN_IF_ERROR(line.Check({"line_id", "quantity"}));
    assist::AcceptedLine part;
    KENES_ASSIGN_OR_RETURN(part.line_id, line.String("line_id", true));
    KENES_ASSIGN_OR_RETURN(std::optional<int64_t> quantity, line.Number("quantity", true));
    part.quantity = *quantity;
    accepted.push_back(std::move(part));
  }
  KENES_RETURN_IF_ERROR(body.CheckAllRead(R"(an acceptance is empty or {"lines": [{"line_id", "quantity"}]})"));
  return accepted;
}

Result<std::vector<assist::LineProgress>> ReadProgress(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(Body body, Body::Parse(text));
  std::vector<assist::LineProgress> progress;
  KENES_ASSIGN_OR_RETURN(std::vector<simdjson::dom::object> lines, body.Objects("lines"));
  for (simdjson::dom::object object : lines) {
    LineReader line{object, "lines"};
    KENES_RETURN_IF_ERROR(line.Check({"line_id", "dispatched", "delivered"}));
    assist::LineProgress step;
    KENES_ASSIGN_OR_RETURN(step.line_id, line.String("line_id", true));
    KENES_ASSIGN_OR_RETURN(step.dispatched, line.Number("dispatched", false));
    KENES_ASSIGN_OR_RETURN(step.delivered, line.Number("delivered", false));
    progress.push_back(std::move(step));
  }
  KENES_RETURN_IF_ERROR(body.CheckAllRead(R"(progress is {"lines": [{"line_id", "dispatched"?, "delivered"?}]})"));
  return progress;
}

void AppendNumberMember(std::string& out, std::string_view name, int64_t value) {
  AppendKey(out, name);
  out += std::to_string(value);
}

std::string LedgerJson(const std::vector<assist::LedgerLine>& ledger) {
  std::string out = "[";
  for (const assist::LedgerLine& line : ledger) {
    if (out.size() > 1) out += ',';
    out += '{';
    AppendStringMember(out, "line_id", line.line_id);
    AppendStringMember(out, "item", line.item);
    AppendStringMember(out, "unit", line.unit);
    AppendStringMember(out, "priority", line.priority);
    AppendNumberMember(out, "needed", line.needed);
    AppendNumberMember(out, "pledged", line.pledged);
    AppendNumberMember(out, "accepted", line.accepted);
    AppendNumberMember(out, "dispatched", line.dispatched);
    AppendNumberMember(out, "delivered", line.delivered);
    AppendNumberMember(out, "gap", line.gap);
    out += '}';
  }
  out += ']';
  return out;
}

template <typename Item>
std::string ObjectList(std::string_view key, const std::vector<Item>& items) {
  return ListBody(key, items, [](std::string& out, const Item& item) { out += item.json; });
}

// The routes, bound to one desk.
class AssistanceRoutes {
 public:
  explicit AssistanceRoutes(AssistanceDesk* desk) : desk_(desk) {}

  Result<http::Response> ListRequests(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 3> kParameters = {"status", "hazard", "requester"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    assist::RequestFilter filter;
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> status, SingleParameter(request.query, "status"));
    filter.status = status.value_or("");
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> hazard, SingleParameter(request.query, "hazard"));
    filter.hazard = hazard.value_or("");
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> requester, SingleParameter(request.query, "requester"));
    filter.requester = requester.value_or("");
    KENES_ASSIGN_OR_RETURN(std::vector<assist::AssistanceRequest> requests,
                           desk->ListRequests(caller.principal, filter));
    return JsonResponse(200, ObjectList("requests", requests));
  }

  Result<http::Response> Publish(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(assist::RequestDraft draft, ReadRequestDraft(request.body));
    KENES_ASSIGN_OR_RETURN(assist::AssistanceRequest published, desk->Publish(caller.principal, draft));
    http::Response response = JsonResponse(201, published.json);
    response.SetHeader("Location", "/api/v1/assistance/requests/" + published.id);
    return response;
  }

  Result<http::Response> ReadRequest(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(assist::RequestView view, desk->ReadRequest(caller.principal, id));
    std::string body = "{";
    AppendRawMember(body, "request", view.request.json);
    std::string offers = ObjectList("offers", view.offers);
    body += ',';
    body.append(offers, 1, offers.size() - 2);  // the "offers" member of {"offers": [...]}
    AppendRawMember(body, "ledger", LedgerJson(view.ledger));
    body += '}';
    return JsonResponse(200, std::move(body));
  }

  Result<http::Response> Close(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(assist::AssistanceRequest closed, desk->Close(caller.principal, id));
    return JsonResponse(200, closed.json);
  }

  Result<http::Response> Pledge(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
    KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(assist::OfferDraft draft, ReadOfferDraft(request.body, id));
    KENES_ASSIGN_OR_RETURN(assist::AssistanceOffer offer, desk->Pledge(caller.principal, draft));
    return JsonResponse(201, offer.json);
  }

  Result<http::Response> ListOffers(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 1> kParameters = {"direction"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> direction, SingleParameter(request.query, "direction"));
    assist::OfferDirection which = assist::OfferDirection::kBoth;
    if (direction == "mine") {
      which = assist::OfferDirection::kMine;
    } else if (direction == "to-me") {
      which = assist::OfferDirection::kToMe;
    } else if (direction && direction != "all") {
      return Status::InvalidArgument(fmt::format("direction must be mine, to-me or all, not '{}'", *direction));
    }
    KENES_ASSIGN_OR_RETURN(std::vector<assist::AssistanceOffer> offers, desk->ListOffers(caller.principal, which));
    return JsonResponse(200, ObjectList("offers", offers));
  }

  Result<http::Response> Accept(const Caller& caller, const http::Request& request) {
    KENES_ASSIGN_OR_RETURN(std::vector<assist::AcceptedLine> accepted, ReadAcceptance(request.body));
    return Change(caller, request, [&](AssistanceDesk& desk, std::string_view id) {
      return desk.Accept(caller.principal, id, accepted);
    });
  }

  Result<http::Response> Decline(const Caller& caller, const http::Request& request) {
    return Change(caller, request,
                  [&](AssistanceDesk& desk, std::string_view id) { return desk.Decline(caller.principal, id); });
  }

  Result<http::Response> Withdraw(const Caller& caller, const http::Request& request) {
    return Change(caller, request,
                  [&](AssistanceDesk& desk, std::string_view id) { return desk.Withdraw(caller.principal, id); });
  }

  Result<http::Response> Progress(const Caller& caller, const http::Request& request) {
    KENES_ASSIGN_OR_RETURN(std::vector<assist::LineProgress> progress, ReadProgress(request.body));
    return Change(caller, request, [&](AssistanceDesk& desk, std::string_view id) {
      return desk.Progress(caller.principal, id, progress);
    });
  }

 private:
  Result<AssistanceDesk*> Desk() {
    if (desk_ == nullptr) return NotRunning();
    return desk_;
  }

  template <typename Changing>
  Result<http::Response> Change(const Caller&, const http::Request& request, Changing changing) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(std::string_view id, PathId(request));
    KENES_ASSIGN_OR_RETURN(AssistanceDesk * desk, Desk());
    KENES_ASSIGN_OR_RETURN(assist::AssistanceOffer offer, changing(*desk, id));
    return JsonResponse(200, offer.json);
  }

  AssistanceDesk* desk_;
};

}  // namespace

void RegisterAssistanceRoutes(Api& api, http::Router& router, AssistanceDesk* desk) {
  using http::Auth;
  using http::Method;
  auto routes = std::make_shared<AssistanceRoutes>(desk);
  auto bind = [&api, routes](auto method) {
    return api.Handle([routes, method](const Caller& caller, const http::Request& request) {
      return ((*routes).*method)(caller, request);
    });
  };
  router.Add(Method::kGet, "/api/v1/assistance/requests", Auth::kRequired, bind(&AssistanceRoutes::ListRequests));
  router.Add(Method::kPost, "/api/v1/assistance/requests", Auth::kRequired, bind(&AssistanceRoutes::Publish));
  router.Add(Method::kGet, "/api/v1/assistance/requests/{id}", Auth::kRequired, bind(&AssistanceRoutes::ReadRequest));
  router.Add(Method::kPost, "/api/v1/assistance/requests/{id}/close", Auth::kRequired, bind(&AssistanceRoutes::Close));
  router.Add(Method::kPost, "/api/v1/assistance/requests/{id}/offers", Auth::kRequired,
             bind(&AssistanceRoutes::Pledge));
  router.Add(Method::kGet, "/api/v1/assistance/offers", Auth::kRequired, bind(&AssistanceRoutes::ListOffers));
  router.Add(Method::kPost, "/api/v1/assistance/offers/{id}/accept", Auth::kRequired, bind(&AssistanceRoutes::Accept));
  router.Add(Method::kPost, "/api/v1/assistance/offers/{id}/decline", Auth::kRequired,
             bind(&AssistanceRoutes::Decline));
  router.Add(Method::kPost, "/api/v1/assistance/offers/{id}/withdraw", Auth::kRequired,
             bind(&AssistanceRoutes::Withdraw));
  router.Add(Method::kPost, "/api/v1/assistance/offers/{id}/progress", Auth::kRequired,
             bind(&AssistanceRoutes::Progress));
}

}  // namespace kenes::rest
