// `kenes assist ...`: mutual assistance requests and offers.
#include "cli/assist_commands.h"

#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <optional>

#include "assist/assistance_desk.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/node_session.h"
#include "cli/sharing_option.h"
#include "notify/notifications.h"

namespace kenes::cli {
namespace {

// A refused change fails the work (1); a store or disk that cannot be used stops the command (2).
int Usage(std::string_view message) {
  fmt::print(stderr, "error: {}\n", message);
  return kExitError;
}

// "a:b:c" into at most `parts` fields; the last keeps any further colons (a note may hold them).
std::vector<std::string> Fields(const std::string& text, size_t parts) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (fields.size() + 1 < parts) {
    size_t colon = text.find(':', start);
    if (colon == std::string::npos) break;
    fields.push_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  fields.push_back(text.substr(start));
  return fields;
}

std::optional<int64_t> Number(const std::string& text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "LINE_ID:N" pairs of an option.
std::optional<std::vector<std::pair<std::string, int64_t>>> Quantities(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string, int64_t>> pairs;
  for (const std::string& text : texts) {
    std::vector<std::string> fields = Fields(text, 2);
    std::optional<int64_t> quantity = fields.size() == 2 ? Number(fields[1]) : std::nullopt;
    if (!quantity || fields[0].empty()) return std::nullopt;
    pairs.emplace_back(fields[0], *quantity);
  }
  return pairs;
}

std::string CodeOf(share::Community& community, const std::string& id) {
  Result<share::Organisation> organisation = community.FindOrganisation(id);
  return organisation.ok() ? organisation->code : id;
}

void PrintOffer(share::Community& community, const assist::AssistanceOffer& offer) {
  fmt::print("{} {} by {}\n", offer.id, offer.status, CodeOf(community, offer.offerer));
  for (const assist::OfferLine& line : offer.lines) {
    fmt::print("  {:<12} pledged {:>6} {:<10} accepted {:>6} dispatched {:>6} delivered {:>6}{}\n", line.line_id,
               line.quantity, line.unit, line.accepted, line.dispatched, line.delivered,
               line.note.empty() ? "" : "  " + line.note);
  }
}

}  // namespace

AssistCommands::AssistCommands(CLI::App& app) {
  assist_ = app.add_subcommand("assist", "Mutual assistance: requests for help in an emergency and offers");
  assist_->require_subcommand(1);
  request_ = assist_->add_subcommand("request", "Publish an assistance request as your organisation");
  request_->add_option("--name", name_, "A short title")->required();
  request_->add_option("--hazard", hazard_, "flood, earthquake, mudslide, epidemic, mass-casualty-attack or other")
      ->required();
  request_->add_option("--location", location_, "The affected location's id (location--...)")->required();
  request_->add_option("--incident", incident_, "The incident it answers (incident--...)");
  request_->add_option("--description", description_, "What happened and what is needed");
  request_->add_option("--need", needs_, "ITEM:QUANTITY:UNIT[:PRIORITY[:LINE_ID]], e.g. pump:20:unit:critical")
      ->required();
  list_ = assist_->add_subcommand("list", "List the assistance requests you may see");
  list_->add_option("--status", status_, "open or closed");
  list_->add_option("--hazard", hazard_, "Only this hazard");
  list_->add_option("--requester", requester_, "Only this requesting organisation (code or id)");
  show_ = assist_->add_subcommand("show", "A request, where each need stands, and the offers you may see");
  offer_ = assist_->add_subcommand("offer", "Pledge an offer against need lines of a request");
  offer_->add_option("--line", lines_, "LINE_ID:QUANTITY[:NOTE], in the need line's unit")->required();
  for (CLI::App* command : {request_, offer_}) {
    command->add_option("--tlp", tlp_, "TLP (default: your organisation's default)");
    command->add_option("--distribution", distribution_,
                        "organisation, members, community or group:ID (default: community for a request, "
                        "organisation for an offer, which the requester always sees)");
  }
  accept_ = assist_->add_subcommand("accept", "Accept a pledged offer on your request");
  accept_->add_option("--line", lines_, "LINE_ID:QUANTITY to accept part of a line (default: all)");
  decline_ = assist_->add_subcommand("decline", "Decline a pledged offer on your request");
  withdraw_ = assist_->add_subcommand("withdraw", "Withdraw your offer before anything is delivered");
  deliver_ = assist_->add_subcommand("deliver", "Report what your accepted offer dispatched and delivered so far");
  deliver_->add_option("--dispatched", dispatched_, "LINE_ID:TOTAL sent so far");
  deliver_->add_option("--delivered", delivered_, "LINE_ID:TOTAL arrived so far (raises dispatched with it)");
  close_ = assist_->add_subcommand("close", "Close your request: no more offers or decisions");
  for (CLI::App* command : {show_, offer_, close_}) {
    command->add_option("request", id_, "The request's id (assistance-request--...)")->required();
  }
  for (CLI::App* command : {accept_, decline_, withdraw_, deliver_}) {
    command->add_option("offer", id_, "The offer's id (assistance-offer--...)")->required();
  }
}

bool AssistCommands::Selected() const { return static_cast<bool>(*assist_); }

int AssistCommands::Run(const Config& config, const std::string& as_user) {
  Result<NodeSession> session = OpenNodeSession(config, as_user);
  if (!session.ok()) return Usage(session.status().message());
  share::Community& community = *session->community;
  // Changes reach the inboxes of the organisations concerned, as the server's do; webhooks go out from the server.
  std::unique_ptr<notify::Notifications> notifications;
  notify::NoticeSink notices;
  if (!*list_ && !*show_) {
    Result<std::unique_ptr<notify::Notifications>> opened = OpenInboxes(config, *session);
    if (!opened.ok()) return FailWith(opened.status());
    notifications = std::move(opened).value();
    notices = notifications->sink();
  }
  assist::AssistanceDesk desk(*session->store, community, notices);
  const share::Principal& actor = session->actor;
  Result<assist::Sharing> sharing = SharingOf<assist::Sharing>(tlp_, distribution_);
  if (!sharing.ok()) return Usage(sharing.status().message());

  if (*request_) {
    assist::RequestDraft draft{name_, description_, hazard_, location_, incident_, {}, *sharing};
    for (const std::string& text : needs_) {
      std::vector<std::string> fields = Fields(text, 5);
      std::optional<int64_t> quantity = fields.size() >= 3 ? Number(fields[1]) : std::nullopt;
      if (!quantity) return Usage(fmt::format("--need '{}' is not ITEM:QUANTITY:UNIT[:PRIORITY[:LINE_ID]]", text));
      draft.needs.push_back(
          {fields.size() > 4 ? fields[4] : "", fields[0], *quantity, fields[2], fields.size() > 3 ? fields[3] : ""});
    }
    Result<assist::AssistanceRequest> request = desk.Publish(actor, draft);
    if (!request.ok()) return FailWith(request.status());
    fmt::print("{}\n", request->id);
    return kExitOk;
  }
  if (*list_) {
    Result<std::vector<assist::AssistanceRequest>> requests = desk.ListRequests(actor, {status_, hazard_, requester_});
    if (!requests.ok()) return FailWith(requests.status());
    for (const assist::AssistanceRequest& request : *requests) {
      fmt::print("{}  {:<6} {:<10} {:<4} {}\n", request.id, request.status, request.hazard,
                 CodeOf(community, request.requester), request.name);
    }
    return kExitOk;
  }
  if (*show_) {
    Result<assist::RequestView> view = desk.ReadRequest(actor, id_);
    if (!view.ok()) return FailWith(view.status());
    const assist::AssistanceRequest& request = view->request;
    fmt::print("{} {} ({}, {}) by {}\n", request.id, request.name, request.hazard, request.status,
               CodeOf(community, request.requester));
    if (!request.description.empty()) fmt::print("  {}\n", request.description);
    fmt::print("  location {}{}\n", request.location_ref,
               request.incident_ref.empty() ? "" : ", incident " + request.incident_ref);
    fmt::print("{:<12} {:<18} {:<10} {:<8} {:>7} {:>8} {:>9} {:>11} {:>10} {:>6}\n", "line", "item", "unit", "priority",
               "needed", "pledged", "accepted", "dispatched", "delivered", "gap");
    for (const assist::LedgerLine& line : view->ledger) {
      fmt::print("{:<12} {:<18} {:<10} {:<8} {:>7} {:>8} {:>9} {:>11} {:>10} {:>6}\n", line.line_id, line.item,
                 line.unit, line.priority, line.needed, line.pledged, line.accepted, line.dispatched, line.delivered,
                 line.gap);
    }
    fmt::print("{} offer(s) you may see:\n", view->offers.size());
    for (const assist::AssistanceOffer& offer : view->offers) PrintOffer(community, offer);
    return kExitOk;
  }
  if (*close_) {
    Result<assist::AssistanceRequest> closed = desk.Close(actor, id_);
    if (!closed.ok()) return FailWith(closed.status());
    fmt::print("{} closed\n", closed->id);
    return kExitOk;
  }

  Result<assist::AssistanceOffer> offer = Status::InvalidArgument("no assist subcommand");
  if (*offer_) {
    assist::OfferDraft draft{id_, {}, *sharing};
    for (const std::string& text : lines_) {
      std::vector<std::string> fields = Fields(text, 3);
      std::optional<int64_t> quantity = fields.size() >= 2 ? Number(fields[1]) : std::nullopt;
      if (!quantity || fields[0].empty()) return Usage(fmt::format("--line '{}' is not LINE_ID:QUANTITY[:NOTE]", text));
      draft.lines.push_back({fields[0], *quantity, "", fields.size() > 2 ? fields[2] : ""});
    }
    offer = desk.Pledge(actor, draft);
  } else if (*accept_) {
    std::optional<std::vector<std::pair<std::string, int64_t>>> parts = Quantities(lines_);
    if (!parts) return Usage("--line takes LINE_ID:QUANTITY");
    std::vector<assist::AcceptedLine> accepted;
    for (const auto& [line_id, quantity] : *parts) accepted.push_back({line_id, quantity});
    offer = desk.Accept(actor, id_, accepted);
  } else if (*decline_) {
    offer = desk.Decline(actor, id_);
  } else if (*withdraw_) {
    offer = desk.Withdraw(actor, id_);
  } else if (*deliver_) {
    std::optional<std::vector<std::pair<std::string, int64_t>>> dispatched = Quantities(dispatched_);
    std::optional<std::vector<std::pair<std::string, int64_t>>> delivered = Quantities(delivered_);
    if (!dispatched || !delivered) return Usage("--dispatched and --delivered take LINE_ID:TOTAL");
    std::vector<assist::LineProgress> progress;
    auto line = [&progress](const std::string& line_id) -> assist::LineProgress& {
      for (assist::LineProgress& step : progress) {
        if (step.line_id == line_id) return step;
      }
      return progress.emplace_back(assist::LineProgress{line_id, {}, {}});
    };
    for (const auto& [line_id, total] : *dispatched) line(line_id).dispatched = total;
    for (const auto& [line_id, total] : *delivered) line(line_id).delivered = total;
    if (progress.empty()) return Usage("deliver needs --dispatched or --delivered");
    offer = desk.Progress(actor, id_, progress);
  }
  if (!offer.ok()) return FailWith(offer.status());
  if (*offer_) {
    fmt::print("{}\n", offer->id);
  } else {
    PrintOffer(community, *offer);
  }
  return kExitOk;
}

}  // namespace kenes::cli
