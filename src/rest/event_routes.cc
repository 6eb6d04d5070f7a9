#include "rest/event_routes.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <memory>

#include "notify/notice_feed.h"
#include "rest/api.h"
#include "rest/event_hub.h"
#include "rest/notice_event.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

// Where a reader's stream resumes: after the Last-Event-ID header, or the
// last_event_id parameter for clients that cannot set headers; nullopt: from now.
Result<std::optional<int64_t>> LastEventId(const http::Request& request) {
  std::optional<std::string_view> last = request.Query("last_event_id");
  if (std::string_view header = request.Header("Last-Event-ID"); !header.empty()) last = header;
  if (!last) return std::optional<int64_t>();
  int64_t id = 0;
  auto [end, error] = std::from_chars(last->data(), last->data() + last->size(), id);
  if (error != std::errc() || end != last->data() + last->size() || id < 0) {
    return Status::InvalidArgument(fmt::format("Last-Event-ID must be an id this stream gave, not '{}'", *last));
  }
  return std::optional<int64_t>(id);
}

// The newest notice id in `organisation`'s inbox (0: none). The feed reads
// forwards only, so this probes Since with doubling, then halving, bounds:
// about 2 log2(id) reads of one row, done once per connection without a
// Last-Event-ID.
Result<int64_t> NewestNoticeId(notify::NoticeFeed& feed, std::string_view organisation) {
  auto any_after = [&](int64_t after) -> Result<bool> {
    KENES_ASSIGN_OR_RETURN(std::vector<notify::StoredNotice> next, feed.Since(organisation, after, 1));
    return !next.empty();
  };
  KENES_ASSIGN_OR_RETURN(bool any, any_after(0));
  if (!any) return 0;
  int64_t below = 0;  // a notice has an id above it
  int64_t upper = 1;  // none has an id above it, once the doubling stops
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool more, any_after(upper));
    if (!more) break;
    below = upper;
    upper *= 2;
  }
  while (upper - below > 1) {
    const int64_t middle = below + (upper - below) / 2;
    KENES_ASSIGN_OR_RETURN(bool more, any_after(middle));
    (more ? below : upper) = middle;
  }
  return upper;
}

class EventRoute {
 public:
  EventRoute(store::Store& store, notify::NoticeFeed* notices, std::shared_ptr<EventHub> hub, EventOptions options)
      : store_(store), notices_(notices), hub_(std::move(hub)), options_(options) {}

  Result<http::Response> operator()(const Api::Caller& caller, const http::Request& request) const {
    static constexpr std::array<std::string_view, 1> kParameters = {"last_event_id"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    if (notices_ == nullptr) return Status::IoError("notices are not kept on this node");
    KENES_ASSIGN_OR_RETURN(std::optional<int64_t> last, LastEventId(request));
    const bool admin = caller.principal.role == share::Role::kAdmin;
    if (!admin && caller.principal.organisation.empty()) {
      return Status::PermissionDenied("only members of an organisation, or administrators, have notices");
    }
    const std::string organisation = admin ? "" : caller.principal.organisation;

    KENES_ASSIGN_OR_RETURN(std::shared_ptr<EventHub::Stream> stream, hub_->Open(caller.principal));
    // Registered before the backlog is read, so that nothing recorded meanwhile is missed; ended if this fails.
    std::shared_ptr<http::BodyStream> body = stream->body();
    Result<int64_t> sent = Catch(*body, organisation, caller, last);
    if (!sent.ok()) {
      body->Close();
      return sent.status();
    }
    hub_->Live(*stream, *sent);
    http::Response response = http::MakeResponse(200, "text/event-stream", "");
    response.SetHeader("Cache-Control", "no-cache");
    response.SetHeader("X-Accel-Buffering", "no");  // a buffering proxy would hold events back
    response.stream = std::move(body);
    return response;
  }

 private:
  // Writes the opening lines and the backlog after `last` (if any); the id
  // of the last notice the stream covers. A backlog longer than max_backlog
  // is written in part and the stream closed: the client resumes after it.
  Result<int64_t> Catch(http::BodyStream& body, std::string_view organisation, const Api::Caller& caller,
                        std::optional<int64_t> last) const {
    body.Write(fmt::format("retry: {}\n\n", options_.retry_milliseconds));
    if (!last) {
      KENES_ASSIGN_OR_RETURN(int64_t newest, NewestNoticeId(*notices_, organisation));
      body.Write(fmt::format("id: {}\n\n", newest));
      return newest;
    }
    KENES_ASSIGN_OR_RETURN(std::vector<notify::StoredNotice> backlog,
                           notices_->Since(organisation, *last, options_.max_backlog + 1));
    const bool more = backlog.size() > options_.max_backlog;
    if (more) backlog.resize(options_.max_backlog);
    int64_t covered = *last;
    for (const notify::StoredNotice& notice : backlog) {
      covered = notice.id;
      if (MayTell(store_, caller.filter(), notice) && !body.Write(FormatNoticeEvent(notice))) break;
    }
    if (more) {
      // The client's Last-Event-ID must pass the notices it may not see, or it would ask for them again.
      body.Write(fmt::format("id: {}\n\n", covered));
      body.Close();
    }
    return covered;
  }

  store::Store& store_;
  notify::NoticeFeed* const notices_;
  const std::shared_ptr<EventHub> hub_;
  const EventOptions options_;
};

}  // namespace

void RegisterEventRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                         notify::NoticeFeed* notices, const EventOptions& options) {
  std::shared_ptr<EventHub> hub =
      notices == nullptr ? nullptr : std::make_shared<EventHub>(*notices, store, community, options);
  router.Add(http::Method::kGet, "/api/v1/events", http::Auth::kRequired,
             api.Handle(Api::CallerRoute(EventRoute(store, notices, std::move(hub), options))));
}

}  // namespace kenes::rest
