// AssistanceDesk: mutual assistance between the organisations of a
// community — a state in an emergency publishes an assistance request with
// its needs, others pledge offers against need lines, the requester accepts
// or declines them, the offerer reports what it dispatched and delivered,
// and everyone who may see the request sees where each need stands
// (assistance_ledger.h).
//
// Requests and offers are STIX objects of Kenes' own types
// (assistance_types.h) in the store; the desk keeps nothing else. Every
// change is a new version (the history is the version list), keeping the
// object's created_by_ref and naming in changed_by_ref the organisation
// that made it.
//
// Who may do what (users of an organisation with role analyst or above;
// readers read, the node's administrators belong to no organisation and act
// for none):
//   request    publish a request                       any organisation
//   close      close an open request                    its requester
//   pledge     offer against an open request's lines    any organisation but the requester
//   withdraw   withdraw a pledged or accepted offer      its offerer, before anything is delivered
//   accept     accept a pledged offer (all or part)      the requester, while the request is open
//   decline    decline a pledged offer                   the requester, while the request is open
//   progress   raise dispatched and delivered quantities its offerer, on an accepted offer; never
//                                                        above the accepted quantity, never lower
//                                                        than before, delivered never above dispatched
// A refusal is a Status naming the rule: PermissionDenied (not yours to
// do), FailedPrecondition (not in this state), InvalidArgument (bad
// quantities, units or lines), NotFound (unknown, or hidden from the actor:
// the same words either way).
//
// Sharing: requests and offers are written through the importer as the
// acting user (version_writer.h), with the TLP and distribution chosen, or
// the organisation's default TLP and distribution community for a request
// (it is meant to be seen) and organisation for an offer (the offerer's
// business, and the requester's). Every read goes through the store's
// access decision, so an organisation never sees an offer it may not. The
// requester must see the offers made to it: when its organisation could not
// see a new offer under the sharing rules, the desk grants it that offer
// (store::Store::GrantObject) and audits the grant (assistance.grant). The
// requester's acceptance or refusal of an offer is a version of the
// offerer's object, which users may not write; the desk writes it as its
// own principal (DeskPrincipal) after checking the requester's right, and
// audits who asked. Every action is audited (assistance.request, .close,
// .pledge, .withdraw, .accept, .decline, .progress).
//
// Notices (notify/notice.h) go to the sink given, after the change is
// stored: assistance.requested (every organisation that may see the
// request), assistance.offered (the requester), assistance.accepted and
// assistance.declined (the offerer), assistance.withdrawn, .dispatched and
// .delivered (the requester).
//
// Thread-safety: every method may be called from any thread; changes are
// serialised by the desk (read, check and write of one change are atomic
// with respect to the desk's other changes). The store and community must
// outlive the desk.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assist/assistance_ledger.h"
#include "assist/assistance_offer.h"
#include "assist/assistance_request.h"
#include "assist/version_writer.h"
#include "base/status.h"
#include "ingest/importer.h"
#include "notify/notice.h"
#include "share/community.h"
#include "share/principal.h"
#include "share/viewer_cache.h"
#include "store/store.h"

namespace kenes::assist {

struct RequestDraft {
  std::string name;
  std::string description;
  std::string hazard;        // one of kHazards
  std::string location_ref;  // a location the requester may see
  std::string incident_ref;  // optional: an incident the requester may see
  std::vector<NeedLine> needs;
  Sharing sharing;
};

struct OfferDraft {
  std::string request_id;
  std::vector<OfferLine> lines;  // line_id, quantity, unit, note; the rest is ignored
  Sharing sharing;
};

struct RequestFilter {
  std::string status;     // "open", "closed"; empty: any
  std::string hazard;     // empty: any
  std::string requester;  // identity id (ListRequests: or code); empty: any
};

// An accepted quantity for one line; lines not named are accepted in full.
struct AcceptedLine {
  std::string line_id;
  int64_t quantity = 0;
};

// New totals for one line of an offer; unset ones stay as they are.
struct LineProgress {
  std::string line_id;
  std::optional<int64_t> dispatched;
  std::optional<int64_t> delivered;  // raises dispatched with it: what arrived was sent
};

enum class OfferDirection { kMine, kToMe, kBoth };

// A request with the offers the reader may see and the ledger over them.
struct RequestView {
  AssistanceRequest request;
  std::vector<AssistanceOffer> offers;
  std::vector<LedgerLine> ledger;
};

// The principal the desk writes as when a change to an organisation's
// object is another's to make (the requester accepting an offer).
share::Principal DeskPrincipal(std::string source);

class AssistanceDesk {
 public:
  // `notices` and `on_batch` may be empty.
  AssistanceDesk(store::Store& store, share::Community& community, notify::NoticeSink notices = {},
                 std::function<void(const ingest::StoredBatch&)> on_batch = {});

  Result<AssistanceRequest> Publish(const share::Principal& actor, const RequestDraft& draft);
  Result<AssistanceRequest> Close(const share::Principal& actor, std::string_view request_id);
  Result<AssistanceOffer> Pledge(const share::Principal& actor, const OfferDraft& draft);
  Result<AssistanceOffer> Withdraw(const share::Principal& actor, std::string_view offer_id);
  Result<AssistanceOffer> Accept(const share::Principal& actor, std::string_view offer_id,
                                 const std::vector<AcceptedLine>& accepted = {});
  Result<AssistanceOffer> Decline(const share::Principal& actor, std::string_view offer_id);
  Result<AssistanceOffer> Progress(const share::Principal& actor, std::string_view offer_id,
                                   const std::vector<LineProgress>& progress);

  // The latest versions of the requests `reader` may see that pass
  // `filter`, newest first. Reads of TLP:AMBER and RED are audited.
  Result<std::vector<AssistanceRequest>> ListRequests(const share::Principal& reader, const RequestFilter& filter);
  // One request, the offers on it `reader` may see, and the ledger over those.
  Result<RequestView> ReadRequest(const share::Principal& reader, std::string_view request_id);
  // The offers `reader`'s organisation made (kMine), received on its
  // requests (kToMe), or both, newest first.
  Result<std::vector<AssistanceOffer>> ListOffers(const share::Principal& reader, OfferDirection direction);
  // One offer, if `reader` may see it.
  Result<AssistanceOffer> ReadOffer(const share::Principal& reader, std::string_view offer_id);

  // As ReadRequest and ListRequests, for a reader known only by what it may
  // see (nullptr: everything); nothing is audited (the caller audits what it shows).
  Result<RequestView> ViewRequest(const store::Viewer* viewer, std::string_view request_id);
  Result<std::vector<AssistanceRequest>> FindRequests(const store::Viewer* viewer, const RequestFilter& filter,
                                                      std::vector<store::StoredVersion>* versions = nullptr);

 private:
  Result<std::optional<store::Viewer>> ViewerOf(const share::Principal& principal);
  // The request, its offers and ledger as `viewer` sees them; `shown` (optional) gains the versions read.
  Result<RequestView> View(const store::Viewer* viewer, std::string_view request_id,
                           std::vector<store::StoredVersion>* shown);
  Result<store::StoredVersion> Visible(const store::Viewer* viewer, std::string_view id, std::string_view what);
  Result<std::vector<AssistanceOffer>> OffersOn(const store::Viewer* viewer, std::string_view request_id,
                                                std::vector<store::StoredVersion>* versions);
  // The offer `offer_id` and its request, as `actor` may see them.
  struct OfferContext {
    AssistanceOffer offer;
    AssistanceRequest request;
  };
  Result<OfferContext> LoadOffer(const share::Principal& actor, std::string_view offer_id);
  // The requester's decision ("accepted" or "declined") on a pledged offer of an open request.
  Result<AssistanceOffer> Decide(const share::Principal& actor, std::string_view offer_id, std::string_view decision,
                                 const std::vector<AcceptedLine>& accepted);
  Result<AssistanceOffer> WriteOffer(const share::Principal& writer, const AssistanceOffer& latest,
                                     std::string_view status, const std::vector<OfferLine>& lines,
                                     std::string_view changed_by);
  Status GrantToRequester(const share::Principal& actor, const AssistanceOffer& offer, std::string_view requester);
  Status Audit(const share::Principal& actor, std::string_view action, std::string_view target, std::string detail);
  void Notify(notify::Notice notice);

  store::Store& store_;
  share::Community& community_;
  notify::NoticeSink notices_;
  VersionWriter writer_;
  share::ViewerCache viewers_{community_};
  std::mutex changes_;
};

}  // namespace kenes::assist
