#include "assist/assistance_desk.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "assist/assistance_types.h"
#include "base/json_text.h"
#include "share/read_audit.h"
#include "stix/random_id.h"

namespace kenes::assist {
namespace {

using share::Principal;
using share::Role;

// Offers on one request a reader is shown at most; a request draws a few dozen.
constexpr size_t kMaxOffersPerRequest = 10000;
constexpr size_t kListPage = 500;

// Analysts write, and so act for, their organisation; org-admins may do all analysts may.
Status RequireActor(const Principal& actor) {
  if (actor.organisation.empty()) {
    return Status::PermissionDenied(
        "the node operator belongs to no organisation: act as a user of the organisation concerned (--as)");
  }
  if (actor.role < Role::kAnalyst) {
    return Status::PermissionDenied(fmt::format(
        "user {} is a reader: readers read; analysts and org-admins act for their organisation", actor.user));
  }
  return Status::Ok();
}

bool Contains(std::span<const std::string_view> terms, std::string_view term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

std::string Choices(std::span<const std::string_view> terms) {
  std::string out;
  for (std::string_view term : terms) out += (out.empty() ? "" : ", ") + std::string(term);
  return out;
}

// A version timestamp to the millisecond after `latest`: now, unless the clock is behind it.
std::string NextVersionTime(const std::optional<Timestamp>& latest) {
  int64_t milliseconds = Now().TotalMicroseconds() / 1000;
  if (latest) milliseconds = std::max(milliseconds, latest->TotalMicroseconds() / 1000 + 1);
  return FormatTimestamp(TimestampFromMicroseconds(milliseconds * 1000), 3);
}

std::string ExtensionEntry(std::string_view definition_id) {
  return fmt::format(R"({{{}:{{"extension_type":"new-sdo"}}}})", JsonString(definition_id));
}

std::string NeedsJson(const std::vector<NeedLine>& needs) {
  std::string out = "[";
  for (const NeedLine& need : needs) {
    if (out.size() > 1) out += ',';
    out += fmt::format(R"({{"line_id":{},"item":{},"quantity":{},"unit":{},"priority":{}}})", JsonString(need.line_id),
                       JsonString(need.item), need.quantity, JsonString(need.unit), JsonString(need.priority));
  }
  out += ']';
  return out;
}

// The needs as the request will hold them: numbered lines where none was
// given, priority medium where none was given, every value checked.
Result<std::vector<NeedLine>> CheckNeeds(std::vector<NeedLine> needs) {
  if (needs.empty()) return Status::InvalidArgument("a request needs at least one need line");
  std::set<std::string> ids;
  for (size_t i = 0; i < needs.size(); ++i) {
    NeedLine& need = needs[i];
    if (need.line_id.empty()) need.line_id = std::to_string(i + 1);
    if (need.priority.empty()) need.priority = "medium";
    if (!ids.insert(need.line_id).second) {
      return Status::InvalidArgument(fmt::format("need line '{}' is given twice", need.line_id));
    }
    if (need.item.empty()) return Status::InvalidArgument(fmt::format("need line '{}' names no item", need.line_id));
    if (need.quantity < 1) {
      return Status::InvalidArgument(
          fmt::format("need line '{}' asks for {}: a quantity is at least 1", need.line_id, need.quantity));
    }
    if (need.unit.empty()) return Status::InvalidArgument(fmt::format("need line '{}' has no unit", need.line_id));
    if (!Contains(kPriorities, need.priority)) {
      return Status::InvalidArgument(fmt::format("need line '{}': priority '{}' is not one of {}", need.line_id,
                                                 need.priority, Choices(kPriorities)));
    }
  }
  return needs;
}

// The offer's lines as pledged: each against a need line of `request`, in its unit, once.
Result<std::vector<OfferLine>> CheckOfferLines(const AssistanceRequest& request,
                                               const std::vector<OfferLine>& drafted) {
  if (drafted.empty()) return Status::InvalidArgument("an offer needs at least one line");
  std::vector<OfferLine> lines;
  std::set<std::string> answered;
  for (const OfferLine& draft : drafted) {
    const NeedLine* need = request.Need(draft.line_id);
    if (need == nullptr) {
      return Status::InvalidArgument(fmt::format("request {} has no need line '{}'", request.id, draft.line_id));
    }
    if (!answered.insert(draft.line_id).second) {
      return Status::InvalidArgument(fmt::format("need line '{}' is answered twice in one offer", draft.line_id));
    }
    if (draft.quantity < 1) {
      return Status::InvalidArgument(
          fmt::format("line '{}' offers {}: a quantity is at least 1", draft.line_id, draft.quantity));
    }
    if (!draft.unit.empty() && draft.unit != need->unit) {
      return Status::InvalidArgument(fmt::format("need line '{}' is counted in '{}', not '{}': offer in its unit",
                                                 draft.line_id, need->unit, draft.unit));
    }
    lines.push_back({draft.line_id, draft.quantity, need->unit, draft.note});
  }
  return lines;
}

std::string Quantities(const std::vector<OfferLine>& lines, int64_t OfferLine::*quantity) {
  std::string out;
  for (const OfferLine& line : lines)
    out += fmt::format("{}{}={}", out.empty() ? "" : " ", line.line_id, line.*quantity);
  return out;
}

// The offer's lines with the quantities accepted: all of each, but for the `parts` named.
Result<std::vector<OfferLine>> AcceptedLines(const AssistanceOffer& offer, const std::vector<AcceptedLine>& parts) {
  std::vector<OfferLine> lines = offer.lines;
  for (OfferLine& line : lines) line.accepted = line.quantity;
  for (const AcceptedLine& part : parts) {
    auto line = std::find_if(lines.begin(), lines.end(), [&](const OfferLine& l) { return l.line_id == part.line_id; });
    if (line == lines.end()) {
      return Status::InvalidArgument(fmt::format("offer {} has no line '{}'", offer.id, part.line_id));
    }
    if (part.quantity < 0 || part.quantity > line->quantity) {
      return Status::InvalidArgument(fmt::format("line '{}': {} cannot be accepted: between 0 and the {} pledged",
                                                 part.line_id, part.quantity, line->quantity));
    }
    line->accepted = part.quantity;
  }
  if (std::all_of(lines.begin(), lines.end(), [](const OfferLine& line) { return line.accepted == 0; })) {
    return Status::InvalidArgument(fmt::format("accepting nothing of offer {} is declining it: decline it", offer.id));
  }
  return lines;
}

}  // namespace

Principal DeskPrincipal(std::string source) {
  return Principal{"@assistance-desk", "", Role::kAdmin, std::move(source)};
}

AssistanceDesk::AssistanceDesk(store::Store& store, share::Community& community, notify::NoticeSink notices,
                               std::function<void(const ingest::StoredBatch&)> on_batch)
    : store_(store),
      community_(community),
      notices_(std::move(notices)),
      writer_(store, community, std::move(on_batch)) {
  // The desk writes and reads these types: whatever validates them must know them.
  (void)RegisterAssistanceTypes();  // constant definitions, checked by tests/assist
}

Result<std::optional<store::Viewer>> AssistanceDesk::ViewerOf(const Principal& principal) {
  return viewers_.ViewerOf(principal);
}

Result<store::StoredVersion> AssistanceDesk::Visible(const store::Viewer* viewer, std::string_view id,
                                                     std::string_view what) {
  Result<store::StoredVersion> found = store_.Latest(id, viewer);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return Status::NotFound(fmt::format("no {} {}", what, id));
    return found.status();
  }
  return found;
}

Status AssistanceDesk::Audit(const Principal& actor, std::string_view action, std::string_view target,
                             std::string detail) {
  return community_.audit().Record(
      share::AuditEvent{actor, std::string(action), std::string(target), share::AuditOutcome::kOk, std::move(detail)});
}

void AssistanceDesk::Notify(notify::Notice notice) {
  if (notices_) notices_(std::move(notice));
}

Result<AssistanceRequest> AssistanceDesk::Publish(const Principal& actor, const RequestDraft& draft) {
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  if (draft.name.empty()) return Status::InvalidArgument("a request needs a name");
  if (!Contains(kHazards, draft.hazard)) {
    return Status::InvalidArgument(fmt::format("hazard '{}' is not one of {}", draft.hazard, Choices(kHazards)));
  }
  KENES_ASSIGN_OR_RETURN(std::vector<NeedLine> needs, CheckNeeds(draft.needs));
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(actor));
  const store::Viewer* filter = viewer ? &*viewer : nullptr;
  KENES_ASSIGN_OR_RETURN(store::StoredVersion location, Visible(filter, draft.location_ref, "location"));
  if (location.type != "location") {
    return Status::InvalidArgument(fmt::format("{} is a {}, not a location", draft.location_ref, location.type));
  }
  if (!draft.incident_ref.empty()) {
    KENES_ASSIGN_OR_RETURN(store::StoredVersion incident, Visible(filter, draft.incident_ref, "incident"));
    if (incident.type != "incident") {
      return Status::InvalidArgument(fmt::format("{} is a {}, not an incident", draft.incident_ref, incident.type));
    }
  }
  const std::string id = stix::RandomId(kRequestType);
  const std::string now = NextVersionTime(std::nullopt);
  std::string text = fmt::format(
      R"({{"type":{},"spec_version":"2.1","id":{},"created_by_ref":{},"created":{},"modified":{},"name":{})",
      JsonString(kRequestType), JsonString(id), JsonString(actor.organisation), JsonString(now), JsonString(now),
      JsonString(draft.name));
  if (!draft.description.empty()) text += fmt::format(R"(,"description":{})", JsonString(draft.description));
  text += fmt::format(R"(,"hazard":{},"location_ref":{})", JsonString(draft.hazard), JsonString(draft.location_ref));
  if (!draft.incident_ref.empty()) text += fmt::format(R"(,"incident_ref":{})", JsonString(draft.incident_ref));
  text += fmt::format(R"(,"status":"open","needs":{},"extensions":{}}})", NeedsJson(needs),
                      ExtensionEntry(kRequestDefinitionId));

  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored,
                         writer_.Write(actor, id, text, draft.sharing, {share::DistributionKind::kCommunity, ""}));
  KENES_ASSIGN_OR_RETURN(AssistanceRequest request, ParseRequest(stored.json));
  KENES_RETURN_IF_ERROR(Audit(actor, "assistance.request", id, fmt::format("{}: {}", draft.hazard, draft.name)));
  Notify({"assistance.requested",
          {},
          id,
          fmt::format("Assistance requested: {}", request.name),
          fmt::format(R"({{"request_id":{},"hazard":{},"needs":{}}})", JsonString(id), JsonString(request.hazard),
                      request.needs.size())});
  return request;
}

Result<AssistanceRequest> AssistanceDesk::Close(const Principal& actor, std::string_view request_id) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(actor));
  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion latest,
                         Visible(viewer ? &*viewer : nullptr, request_id, "assistance request"));
  KENES_ASSIGN_OR_RETURN(AssistanceRequest request, ParseRequest(latest.json));
  if (actor.organisation != request.requester) {
    return Status::PermissionDenied(
        fmt::format("only the requester ({}) closes request {}", request.requester, request.id));
  }
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  if (!request.open()) return Status::FailedPrecondition(fmt::format("request {} is closed already", request.id));
  KENES_ASSIGN_OR_RETURN(std::string text,
                         WithMembers(request.json, {{"status", R"("closed")"},
                                                    {"modified", JsonString(NextVersionTime(request.modified))},
                                                    {"changed_by_ref", JsonString(actor.organisation)}}));
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored, writer_.Write(actor, request.id, text, {}, {}));
  KENES_ASSIGN_OR_RETURN(AssistanceRequest closed, ParseRequest(stored.json));
  KENES_RETURN_IF_ERROR(Audit(actor, "assistance.close", request.id, "closed"));
  return closed;
}

Result<AssistanceOffer> AssistanceDesk::Pledge(const Principal& actor, const OfferDraft& draft) {
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(actor));
  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(store::StoredVersion latest,
                         Visible(viewer ? &*viewer : nullptr, draft.request_id, "assistance request"));
  KENES_ASSIGN_OR_RETURN(AssistanceRequest request, ParseRequest(latest.json));
  if (actor.organisation == request.requester) {
    return Status::PermissionDenied(
        fmt::format("{} is the requester of {}: an organisation does not offer on its "
                    "own request",
                    actor.organisation, request.id));
  }
  if (!request.open()) {
    return Status::FailedPrecondition(fmt::format("request {} is closed: it takes no more offers", request.id));
  }
  KENES_ASSIGN_OR_RETURN(std::vector<OfferLine> lines, CheckOfferLines(request, draft.lines));
  const std::string id = stix::RandomId(kOfferType);
  const std::string now = NextVersionTime(std::nullopt);
  std::string text = fmt::format(
      R"({{"type":{},"spec_version":"2.1","id":{},"created_by_ref":{},"created":{},"modified":{},"request_ref":{},"status":"pledged","lines":{},"extensions":{}}})",
      JsonString(kOfferType), JsonString(id), JsonString(actor.organisation), JsonString(now), JsonString(now),
      JsonString(request.id), OfferLinesJson(lines), ExtensionEntry(kOfferDefinitionId));
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored,
                         writer_.Write(actor, id, text, draft.sharing, {share::DistributionKind::kOrganisation, ""}));
  KENES_ASSIGN_OR_RETURN(AssistanceOffer offer, ParseOffer(stored.json));
  KENES_RETURN_IF_ERROR(Audit(actor, "assistance.pledge", id,
                              fmt::format("on {}: {}", request.id, Quantities(lines, &OfferLine::quantity))));
  KENES_RETURN_IF_ERROR(GrantToRequester(actor, offer, request.requester));
  Notify({"assistance.offered",
          {request.requester},
          id,
          fmt::format("Assistance offered on {}", request.name),
          fmt::format(R"({{"request_id":{},"offer_id":{},"offerer":{}}})", JsonString(request.id), JsonString(id),
                      JsonString(actor.organisation))});
  return offer;
}

Status AssistanceDesk::GrantToRequester(const Principal& actor, const AssistanceOffer& offer,
                                        std::string_view requester) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer,
                         ViewerOf(Principal{"", std::string(requester), Role::kReader, actor.source}));
  Result<store::StoredVersion> seen = store_.Latest(offer.id, viewer ? &*viewer : nullptr);
  if (seen.ok()) return Status::Ok();
  if (seen.status().code() != StatusCode::kNotFound) return seen.status();
  // Audited first: a grant that happens is never missing from the log.
  KENES_RETURN_IF_ERROR(
      Audit(actor, "assistance.grant", offer.id,
            fmt::format("the offer's sharing does not reach the requester {}: granted to it", requester)));
  return store_.GrantObject(offer.id, requester);
}

Result<AssistanceDesk::OfferContext> AssistanceDesk::LoadOffer(const Principal& actor, std::string_view offer_id) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(actor));
  KENES_ASSIGN_OR_RETURN(store::StoredVersion latest,
                         Visible(viewer ? &*viewer : nullptr, offer_id, "assistance offer"));
  OfferContext context;
  KENES_ASSIGN_OR_RETURN(context.offer, ParseOffer(latest.json));
  // Read whoever may see it: the rules need the request's state and author, which the answer does not show.
  KENES_ASSIGN_OR_RETURN(store::StoredVersion request, store_.Latest(context.offer.request_ref, nullptr));
  KENES_ASSIGN_OR_RETURN(context.request, ParseRequest(request.json));
  return context;
}

Result<AssistanceOffer> AssistanceDesk::WriteOffer(const Principal& writer, const AssistanceOffer& latest,
                                                   std::string_view status, const std::vector<OfferLine>& lines,
                                                   std::string_view changed_by) {
  KENES_ASSIGN_OR_RETURN(std::string text,
                         WithMembers(latest.json, {{"status", JsonString(status)},
                                                   {"lines", OfferLinesJson(lines)},
                                                   {"modified", JsonString(NextVersionTime(latest.modified))},
                                                   {"changed_by_ref", JsonString(changed_by)}}));
  KENES_ASSIGN_OR_RETURN(store::StoredVersion stored, writer_.Write(writer, latest.id, text, {}, {}));
  return ParseOffer(stored.json);
}

Result<AssistanceOffer> AssistanceDesk::Withdraw(const Principal& actor, std::string_view offer_id) {
  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(OfferContext context, LoadOffer(actor, offer_id));
  const AssistanceOffer& offer = context.offer;
  if (actor.organisation != offer.offerer) {
    return Status::PermissionDenied(fmt::format("only the offerer ({}) withdraws offer {}", offer.offerer, offer.id));
  }
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  if (offer.status != "pledged" && offer.status != "accepted") {
    return Status::FailedPrecondition(
        fmt::format("offer {} is {}: only a pledged or accepted offer is withdrawn", offer.id, offer.status));
  }
  if (offer.AnyDelivered()) {
    return Status::FailedPrecondition(
        fmt::format("offer {} has deliveries: what has arrived cannot be withdrawn", offer.id));
  }
  KENES_ASSIGN_OR_RETURN(AssistanceOffer withdrawn,
                         WriteOffer(actor, offer, "withdrawn", offer.lines, actor.organisation));
  KENES_RETURN_IF_ERROR(Audit(actor, "assistance.withdraw", offer.id, fmt::format("on {}", offer.request_ref)));
  Notify({"assistance.withdrawn",
          {context.request.requester},
          offer.id,
          fmt::format("Offer withdrawn on {}", context.request.name),
          fmt::format(R"({{"request_id":{},"offer_id":{}}})", JsonString(offer.request_ref), JsonString(offer.id))});
  return withdrawn;
}

Result<AssistanceOffer> AssistanceDesk::Accept(const Principal& actor, std::string_view offer_id,
                                               const std::vector<AcceptedLine>& accepted) {
  return Decide(actor, offer_id, "accepted", accepted);
}

Result<AssistanceOffer> AssistanceDesk::Decline(const Principal& actor, std::string_view offer_id) {
  return Decide(actor, offer_id, "declined", {});
}

Result<AssistanceOffer> AssistanceDesk::Decide(const Principal& actor, std::string_view offer_id,
                                               std::string_view decision, const std::vector<AcceptedLine>& accepted) {
  const std::string_view verb = decision == "accepted" ? "accept" : "decline";
  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(OfferContext context, LoadOffer(actor, offer_id));
  const AssistanceOffer& offer = context.offer;
  const AssistanceRequest& request = context.request;
  if (actor.organisation != request.requester) {
    return Status::PermissionDenied(
        fmt::format("only the requester ({}) may {} offers on request {}", request.requester, verb, request.id));
  }
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  if (!request.open()) {
    return Status::FailedPrecondition(
        fmt::format("request {} is closed: its offers can no longer be {}", request.id, decision));
  }
  if (offer.status != "pledged") {
    return Status::FailedPrecondition(
        fmt::format("offer {} is {}: only a pledged offer is {}", offer.id, offer.status, decision));
  }
  std::vector<OfferLine> lines = offer.lines;
  if (decision == "accepted") {
    KENES_ASSIGN_OR_RETURN(lines, AcceptedLines(offer, accepted));
  }
  KENES_ASSIGN_OR_RETURN(AssistanceOffer written,
                         WriteOffer(DeskPrincipal(actor.source), offer, decision, lines, actor.organisation));
  KENES_RETURN_IF_ERROR(Audit(actor, fmt::format("assistance.{}", verb), offer.id,
                              fmt::format("{} {}", decision, Quantities(lines, &OfferLine::accepted))));
  Notify({fmt::format("assistance.{}", decision),
          {offer.offerer},
          offer.id,
          fmt::format("Your offer on {} was {}", request.name, decision),
          fmt::format(R"({{"request_id":{},"offer_id":{}}})", JsonString(request.id), JsonString(offer.id))});
  return written;
}

Result<AssistanceOffer> AssistanceDesk::Progress(const Principal& actor, std::string_view offer_id,
                                                 const std::vector<LineProgress>& progress) {
  std::lock_guard lock(changes_);
  KENES_ASSIGN_OR_RETURN(OfferContext context, LoadOffer(actor, offer_id));
  const AssistanceOffer& offer = context.offer;
  if (actor.organisation != offer.offerer) {
    return Status::PermissionDenied(
        fmt::format("only the offerer ({}) reports what offer {} dispatched and delivered", offer.offerer, offer.id));
  }
  KENES_RETURN_IF_ERROR(RequireActor(actor));
  if (offer.status != "accepted") {
    return Status::FailedPrecondition(
        fmt::format("offer {} is {}: only an accepted offer is dispatched and delivered", offer.id, offer.status));
  }
  if (progress.empty()) return Status::InvalidArgument("progress names no line");
  std::vector<OfferLine> lines = offer.lines;
  bool dispatched_more = false;
  bool delivered_more = false;
  for (const LineProgress& step : progress) {
    auto line = std::find_if(lines.begin(), lines.end(), [&](const OfferLine& l) { return l.line_id == step.line_id; });
    if (line == lines.end())
      return Status::InvalidArgument(fmt::format("offer {} has no line '{}'", offer.id, step.line_id));
    int64_t dispatched = step.dispatched.value_or(line->dispatched);
    const int64_t delivered = step.delivered.value_or(line->delivered);
    if (!step.dispatched) dispatched = std::max(dispatched, delivered);
    if (dispatched < line->dispatched || delivered < line->delivered) {
      return Status::InvalidArgument(
          fmt::format("line '{}': quantities are totals so far and never go down (dispatched {}, delivered {} already)",
                      step.line_id, line->dispatched, line->delivered));
    }
    if (dispatched > line->accepted) {
      return Status::InvalidArgument(fmt::format("line '{}': {} dispatched is more than the {} accepted", step.line_id,
                                                 dispatched, line->accepted));
    }
    if (delivered > dispatched) {
      return Status::InvalidArgument(
          fmt::format("line '{}': {} delivered is more than the {} dispatched", step.line_id, delivered, dispatched));
    }
    dispatched_more |= dispatched > line->dispatched;
    delivered_more |= delivered > line->delivered;
    line->dispatched = dispatched;
    line->delivered = delivered;
  }
  if (!dispatched_more && !delivered_more) {
    return Status::InvalidArgument(fmt::format("offer {} already has these quantities: nothing to record", offer.id));
  }
  KENES_ASSIGN_OR_RETURN(AssistanceOffer written, WriteOffer(actor, offer, offer.status, lines, actor.organisation));
  KENES_RETURN_IF_ERROR(Audit(actor, "assistance.progress", offer.id,
                              fmt::format("dispatched {}; delivered {}", Quantities(lines, &OfferLine::dispatched),
                                          Quantities(lines, &OfferLine::delivered))));
  const std::string data =
      fmt::format(R"({{"request_id":{},"offer_id":{}}})", JsonString(offer.request_ref), JsonString(offer.id));
  if (dispatched_more) {
    Notify({"assistance.dispatched",
            {context.request.requester},
            offer.id,
            fmt::format("Assistance dispatched for {}", context.request.name),
            data});
  }
  if (delivered_more) {
    Notify({"assistance.delivered",
            {context.request.requester},
            offer.id,
            fmt::format("Assistance delivered for {}", context.request.name),
            data});
  }
  return written;
}

Result<std::vector<AssistanceRequest>> AssistanceDesk::FindRequests(const store::Viewer* viewer,
                                                                    const RequestFilter& filter,
                                                                    std::vector<store::StoredVersion>* versions) {
  store::ListQuery query;
  query.types = {std::string(kRequestType)};
  query.versions.last = true;
  query.created_by_ref = filter.requester;
  if (viewer != nullptr) query.viewer = *viewer;
  query.limit = kListPage;
  std::vector<AssistanceRequest> requests;
  for (;;) {
    KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
    for (store::StoredVersion& version : page.versions) {
      KENES_ASSIGN_OR_RETURN(AssistanceRequest request, ParseRequest(version.json));
      if (!filter.status.empty() && request.status != filter.status) continue;
      if (!filter.hazard.empty() && request.hazard != filter.hazard) continue;
      requests.push_back(std::move(request));
      if (versions != nullptr) versions->push_back(std::move(version));
    }
    if (!page.more) break;
    query.cursor = page.cursor;
  }
  std::stable_sort(requests.begin(), requests.end(),
                   [](const AssistanceRequest& a, const AssistanceRequest& b) { return a.modified > b.modified; });
  return requests;
}

Result<std::vector<AssistanceOffer>> AssistanceDesk::OffersOn(const store::Viewer* viewer, std::string_view request_id,
                                                              std::vector<store::StoredVersion>* versions) {
  KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referencing,
                         store_.ReferencedBy(request_id, viewer, kMaxOffersPerRequest));
  std::vector<AssistanceOffer> offers;
  for (store::StoredVersion& version : referencing) {
    if (version.type != kOfferType) continue;
    KENES_ASSIGN_OR_RETURN(AssistanceOffer offer, ParseOffer(version.json));
    if (offer.request_ref != request_id) continue;
    offers.push_back(std::move(offer));
    if (versions != nullptr) versions->push_back(std::move(version));
  }
  return offers;
}

Result<RequestView> AssistanceDesk::View(const store::Viewer* viewer, std::string_view request_id,
                                         std::vector<store::StoredVersion>* shown) {
  KENES_ASSIGN_OR_RETURN(store::StoredVersion latest, Visible(viewer, request_id, "assistance request"));
  RequestView view;
  KENES_ASSIGN_OR_RETURN(view.request, ParseRequest(latest.json));
  if (shown != nullptr) shown->push_back(std::move(latest));
  KENES_ASSIGN_OR_RETURN(view.offers, OffersOn(viewer, request_id, shown));
  view.ledger = ComputeLedger(view.request, view.offers);
  return view;
}

Result<RequestView> AssistanceDesk::ViewRequest(const store::Viewer* viewer, std::string_view request_id) {
  return View(viewer, request_id, nullptr);
}

Result<std::vector<AssistanceRequest>> AssistanceDesk::ListRequests(const Principal& reader,
                                                                    const RequestFilter& filter) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(reader));
  RequestFilter resolved = filter;
  if (!filter.requester.empty()) {
    Result<share::Organisation> requester = community_.FindOrganisation(filter.requester);
    if (!requester.ok()) {
      return Status::InvalidArgument(
          fmt::format("requester: no organisation '{}' (a code or identity id)", filter.requester));
    }
    resolved.requester = requester->id;
  }
  std::vector<store::StoredVersion> versions;
  KENES_ASSIGN_OR_RETURN(std::vector<AssistanceRequest> requests,
                         FindRequests(viewer ? &*viewer : nullptr, resolved, &versions));
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), reader, versions, "assistance requests"));
  return requests;
}

Result<RequestView> AssistanceDesk::ReadRequest(const Principal& reader, std::string_view request_id) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(reader));
  std::vector<store::StoredVersion> shown;
  KENES_ASSIGN_OR_RETURN(RequestView view, View(viewer ? &*viewer : nullptr, request_id, &shown));
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), reader, shown, "assistance request"));
  return view;
}

Result<std::vector<AssistanceOffer>> AssistanceDesk::ListOffers(const Principal& reader, OfferDirection direction) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(reader));
  const store::Viewer* filter = viewer ? &*viewer : nullptr;
  std::vector<store::StoredVersion> shown;
  std::vector<AssistanceOffer> offers;
  std::set<std::string> listed;
  auto add = [&](AssistanceOffer offer, store::StoredVersion version) {
    if (!listed.insert(offer.id).second) return;
    offers.push_back(std::move(offer));
    shown.push_back(std::move(version));
  };
  // The node's administrators make and receive none: they see every offer as made.
  const bool everyone = reader.organisation.empty();
  if (direction != OfferDirection::kToMe || everyone) {
    store::ListQuery query;
    query.types = {std::string(kOfferType)};
    query.versions.last = true;
    if (!everyone) query.created_by_ref = reader.organisation;
    query.viewer = viewer;
    query.limit = kListPage;
    for (;;) {
      KENES_ASSIGN_OR_RETURN(store::Page page, store_.List(query));
      for (store::StoredVersion& version : page.versions) {
        KENES_ASSIGN_OR_RETURN(AssistanceOffer offer, ParseOffer(version.json));
        add(std::move(offer), std::move(version));
      }
      if (!page.more) break;
      query.cursor = page.cursor;
    }
  }
  if (direction != OfferDirection::kMine && !everyone) {
    KENES_ASSIGN_OR_RETURN(std::vector<AssistanceRequest> own, FindRequests(filter, {"", "", reader.organisation}));
    for (const AssistanceRequest& request : own) {
      std::vector<store::StoredVersion> versions;
      KENES_ASSIGN_OR_RETURN(std::vector<AssistanceOffer> received, OffersOn(filter, request.id, &versions));
      for (size_t i = 0; i < received.size(); ++i) add(std::move(received[i]), std::move(versions[i]));
    }
  }
  std::vector<size_t> order(offers.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return offers[a].modified > offers[b].modified; });
  std::vector<AssistanceOffer> sorted;
  for (size_t i : order) sorted.push_back(std::move(offers[i]));
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), reader, shown, "assistance offers"));
  return sorted;
}

Result<AssistanceOffer> AssistanceDesk::ReadOffer(const Principal& reader, std::string_view offer_id) {
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, ViewerOf(reader));
  KENES_ASSIGN_OR_RETURN(store::StoredVersion latest,
                         Visible(viewer ? &*viewer : nullptr, offer_id, "assistance offer"));
  KENES_ASSIGN_OR_RETURN(AssistanceOffer offer, ParseOffer(latest.json));
  const store::StoredVersion shown[] = {latest};
  KENES_RETURN_IF_ERROR(share::AuditSensitiveReads(community_.audit(), reader, shown, "assistance offer"));
  return offer;
}

}  // namespace kenes::assist
