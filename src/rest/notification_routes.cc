#include "rest/notification_routes.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "notify/notice_json.h"
#include "notify/notifications.h"
#include "rest/error.h"
#include "rest/json_members.h"
#include "rest/search_query.h"

namespace kenes::rest {
namespace {

using Caller = Api::Caller;

constexpr PageLimits kInboxLimits{50, 500};
constexpr PageLimits kDeliveryLimits{20, 200};

Status NotRunning() { return Status::IoError("notifications are not kept on this node"); }

Result<int64_t> PositiveNumber(std::string_view text, std::string_view what) {
  int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number <= 0) {
    return Status::InvalidArgument(fmt::format("'{}' is not {}: a whole number from 1", text, what));
  }
  return number;
}

// The "next" of a page: the id to continue below; 0 for the first page.
Result<int64_t> NextParameter(const http::Request& request) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> next, SingleParameter(request.query, "next"));
  if (!next) return 0;
  return PositiveNumber(*next, "a next value a page gave");
}

void AppendNumberMember(std::string& out, std::string_view name, int64_t value) {
  AppendKey(out, name);
  out += std::to_string(value);
}

void AppendTime(std::string& out, std::string_view name, const Timestamp& time) {
  AppendStringMember(out, name, FormatTimestamp(time, 6));
}

void AppendWebhook(std::string& out, const notify::Webhook& webhook) {
  out += '{';
  AppendNumberMember(out, "id", webhook.id);
  AppendStringMember(out, "organisation", webhook.organisation);
  AppendStringMember(out, "url", webhook.url);
  AppendStringArrayMember(out, "kinds", webhook.kinds);
  AppendBoolMember(out, "enabled", webhook.enabled);
  AppendTime(out, "created", webhook.created);
  AppendStringMember(out, "created_by", webhook.created_by);
  out += '}';
}

void AppendDelivery(std::string& out, const notify::Delivery& delivery) {
  out += '{';
  AppendNumberMember(out, "id", delivery.id);
  AppendNumberMember(out, "notice_id", delivery.notice_id);
  AppendStringMember(out, "state", delivery.state);
  AppendNumberMember(out, "attempts", delivery.attempts);
  AppendOptionalMember(out, "next_attempt", delivery.next_attempt ? FormatTimestamp(*delivery.next_attempt, 6) : "");
  AppendTime(out, "created", delivery.created);
  AppendKey(out, "tries");
  out += '[';
  for (const notify::DeliveryAttempt& attempt : delivery.tries) {
    if (out.back() != '[') out += ',';
    out += '{';
    AppendTime(out, "started", attempt.started);
    AppendKey(out, "duration_ms");
    out += fmt::format("{:.3f}", static_cast<double>(attempt.duration_microseconds) / 1000.0);
    AppendKey(out, "status");
    out += attempt.status == 0 ? "null" : std::to_string(attempt.status);
    AppendOptionalMember(out, "error", attempt.error);
    out += '}';
  }
  out += "]}";
}

// A registration's body: {"url": "...", "kinds": ["..."], "enabled": true, "organisation": "KZ"}.
Result<notify::NewWebhook> ParseNewWebhook(std::string_view body, share::Community& community) {
  auto invalid = [](std::string_view why) {
    return Status::InvalidArgument(
        fmt::format("{}: the body is {{\"url\": \"https://...\", \"kinds\": [\"alert.raised\"], \"enabled\": true, "
                    "\"organisation\": \"code or identity id\"}} (only url is required)",
                    why));
  };
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::object object;
  if (parser.parse(padded).get(object) != simdjson::SUCCESS) return invalid("not a JSON object");
  notify::NewWebhook webhook;
  bool has_url = false;
  for (auto [key, value] : object) {
    if (key == "url") {
      std::string_view url;
      if (value.get(url) != simdjson::SUCCESS) return invalid("url must be a string");
      webhook.url = url;
      has_url = true;
    } else if (key == "kinds") {
      simdjson::dom::array kinds;
      if (value.get(kinds) != simdjson::SUCCESS) return invalid("kinds must be an array of strings");
      for (simdjson::dom::element kind : kinds) {
        std::string_view text;
        if (kind.get(text) != simdjson::SUCCESS) return invalid("kinds must be an array of strings");
        webhook.kinds.emplace_back(text);
      }
    } else if (key == "enabled") {
      if (value.get(webhook.enabled) != simdjson::SUCCESS) return invalid("enabled must be true or false");
    } else if (key == "organisation") {
      std::string_view organisation;
      if (value.get(organisation) != simdjson::SUCCESS) return invalid("organisation must be a string");
      Result<share::Organisation> found = community.FindOrganisation(organisation);
      if (!found.ok()) return Status::InvalidArgument(fmt::format("no organisation '{}'", organisation));
      webhook.organisation = found->id;
    } else {
      return invalid(fmt::format("unknown member '{}'", key));
    }
  }
  if (!has_url) return invalid("url is missing");
  return webhook;
}

class NotificationRoutes {
 public:
  NotificationRoutes(store::Store& store, share::Community& community, notify::Notifications* notifications)
      : store_(store), community_(community), notifications_(notifications) {}

  Result<http::Response> ListInbox(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 6> kParameters = {"unread", "kind", "since",
                                                                    "limit",  "next", "organisation"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    if (notifications_ == nullptr) return NotRunning();
    notify::InboxFilter filter;
    KENES_ASSIGN_OR_RETURN(filter.organisation, InboxOf(caller, request));
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> unread, SingleParameter(request.query, "unread"));
    if (unread) {
      if (*unread != "true" && *unread != "false") {
        return Status::InvalidArgument(fmt::format("unread must be true or false, not '{}'", *unread));
      }
      filter.read = *unread == "false";
    }
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> kind, SingleParameter(request.query, "kind"));
    filter.kind = kind.value_or("");
    KENES_ASSIGN_OR_RETURN(filter.since, TimeParameter(request.query, "since"));
    KENES_ASSIGN_OR_RETURN(filter.before_id, NextParameter(request));
    KENES_ASSIGN_OR_RETURN(size_t limit, LimitParameter(request.query, kInboxLimits));
    filter.limit = limit + 1;  // one more says whether there are more
    KENES_ASSIGN_OR_RETURN(std::vector<notify::StoredNotice> notices, notifications_->inbox().List(filter));
    const bool more = notices.size() > limit;
    if (more) notices.resize(limit);
    KENES_ASSIGN_OR_RETURN(int64_t unread_count, notifications_->inbox().CountUnread(filter.organisation));
    std::string body = "{";
    AppendKey(body, "notices");
    body += '[';
    for (const notify::StoredNotice& notice : notices) {
      // A notice whose object the caller may no longer read is not shown.
      KENES_ASSIGN_OR_RETURN(bool visible, Visible(caller, notice.notice.object_id));
      if (!visible) continue;
      if (body.back() != '[') body += ',';
      AppendNotice(body, notice);
    }
    body += ']';
    AppendNumberMember(body, "unread", unread_count);
    AppendBoolMember(body, "more", more);
    AppendOptionalMember(body, "next", more ? std::to_string(notices.back().id) : "");
    body += '}';
    return JsonResponse(200, std::move(body));
  }

  Result<http::Response> MarkRead(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(int64_t id, PositiveNumber(request.Param("id"), "a notice id"));
    if (notifications_ == nullptr) return NotRunning();
    // The node's administrators of no organisation may mark any notice; everyone else their organisation's.
    std::string organisation = caller.principal.organisation;
    if (organisation.empty() && caller.principal.role != share::Role::kAdmin) organisation = "-";
    KENES_ASSIGN_OR_RETURN(notify::StoredNotice notice,
                           notifications_->inbox().MarkRead(id, organisation, caller.principal.user));
    KENES_ASSIGN_OR_RETURN(bool visible, Visible(caller, notice.notice.object_id));
    if (!visible) return Status::NotFound(fmt::format("no notice {}", id));
    std::string body;
    AppendNotice(body, notice);
    return JsonResponse(200, std::move(body));
  }

  Result<http::Response> MarkAllRead(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 1> kParameters = {"organisation"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    if (notifications_ == nullptr) return NotRunning();
    KENES_ASSIGN_OR_RETURN(std::string organisation, InboxOf(caller, request));
    if (organisation.empty()) {
      return Status::InvalidArgument("name the organisation whose inbox to mark read (organisation=<code>)");
    }
    KENES_ASSIGN_OR_RETURN(int64_t marked, notifications_->inbox().MarkAllRead(organisation, caller.principal.user));
    std::string body = "{";
    AppendNumberMember(body, "marked", marked);
    body += '}';
    return JsonResponse(200, std::move(body));
  }

  Result<http::Response> ListWebhooks(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 1> kParameters = {"organisation"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    if (notifications_ == nullptr) return NotRunning();
    KENES_ASSIGN_OR_RETURN(std::string organisation, NamedOrganisation(request));
    KENES_ASSIGN_OR_RETURN(std::vector<notify::Webhook> webhooks,
                           notifications_->webhooks().List(caller.principal, organisation));
    return JsonResponse(200, ListBody("webhooks", webhooks, AppendWebhook));
  }

  Result<http::Response> RegisterWebhook(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    if (std::optional<http::Response> refused = RefuseOtherMediaTypes(request)) return *refused;
    if (notifications_ == nullptr) return NotRunning();
    KENES_ASSIGN_OR_RETURN(notify::NewWebhook webhook, ParseNewWebhook(request.body, community_));
    KENES_ASSIGN_OR_RETURN(notify::RegisteredWebhook registered,
                           notifications_->webhooks().Register(caller.principal, webhook));
    std::string body;
    AppendWebhook(body, registered.webhook);
    body.pop_back();
    AppendStringMember(body, "secret", registered.secret);
    body += '}';
    return JsonResponse(201, std::move(body));
  }

  Result<http::Response> DeleteWebhook(const Caller& caller, const http::Request& request) {
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, {}));
    KENES_ASSIGN_OR_RETURN(int64_t id, PositiveNumber(request.Param("id"), "a webhook id"));
    if (notifications_ == nullptr) return NotRunning();
    KENES_RETURN_IF_ERROR(notifications_->webhooks().Delete(caller.principal, id));
    http::Response response;
    response.status = 204;
    return response;
  }

  Result<http::Response> ListDeliveries(const Caller& caller, const http::Request& request) {
    static constexpr std::array<std::string_view, 2> kParameters = {"limit", "next"};
    KENES_RETURN_IF_ERROR(CheckParameterNames(request.query, kParameters));
    KENES_ASSIGN_OR_RETURN(int64_t id, PositiveNumber(request.Param("id"), "a webhook id"));
    if (notifications_ == nullptr) return NotRunning();
    KENES_ASSIGN_OR_RETURN(int64_t before_id, NextParameter(request));
    KENES_ASSIGN_OR_RETURN(size_t limit, LimitParameter(request.query, kDeliveryLimits));
    KENES_ASSIGN_OR_RETURN(std::vector<notify::Delivery> deliveries,
                           notifications_->webhooks().Deliveries(caller.principal, id, before_id, limit + 1));
    const bool more = deliveries.size() > limit;
    if (more) deliveries.resize(limit);
    std::string body = ListBody("deliveries", deliveries, AppendDelivery);
    body.pop_back();
    AppendBoolMember(body, "more", more);
    AppendOptionalMember(body, "next", more ? std::to_string(deliveries.back().id) : "");
    body += '}';
    return JsonResponse(200, std::move(body));
  }

 private:
  static void AppendNotice(std::string& out, const notify::StoredNotice& notice) {
    out += '{';
    notify::AppendNoticeMembers(out, notice);
    AppendBoolMember(out, "read", notice.read);
    out += '}';
  }

  Result<bool> Visible(const Caller& caller, const std::string& object_id) {
    Result<store::StoredVersion> latest = store_.Latest(object_id, caller.filter());
    if (latest.ok()) return true;
    if (latest.status().code() == StatusCode::kNotFound) return false;
    return latest.status();
  }

  // The identity id of the "organisation" parameter; empty when not given.
  Result<std::string> NamedOrganisation(const http::Request& request) {
    KENES_ASSIGN_OR_RETURN(std::optional<std::string> named, SingleParameter(request.query, "organisation"));
    if (!named) return std::string();
    Result<share::Organisation> organisation = community_.FindOrganisation(*named);
    if (!organisation.ok()) {
      return Status::InvalidArgument(fmt::format("organisation: no organisation '{}' (a code or identity id)", *named));
    }
    return organisation->id;
  }

  // Whose inbox the caller reads: its organisation's; an administrator's
  // the one it names, or every organisation's.
  Result<std::string> InboxOf(const Caller& caller, const http::Request& request) {
    KENES_ASSIGN_OR_RETURN(std::string named, NamedOrganisation(request));
    if (caller.principal.role == share::Role::kAdmin) return named.empty() ? caller.principal.organisation : named;
    if (!named.empty() && named != caller.principal.organisation) {
      return Status::PermissionDenied("only administrators read other organisations' inboxes");
    }
    if (caller.principal.organisation.empty()) return Status::PermissionDenied("the caller belongs to no organisation");
    return caller.principal.organisation;
  }

  store::Store& store_;
  share::Community& community_;
  notify::Notifications* notifications_;
};

}  // namespace

void RegisterNotificationRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                                notify::Notifications* notifications) {
  using http::Auth;
  using http::Method;
  auto routes = std::make_shared<NotificationRoutes>(store, community, notifications);
  auto handle = [&api, routes](auto method) {
    return api.Handle([routes, method](const Caller& caller, const http::Request& request) {
      return ((*routes).*method)(caller, request);
    });
  };
  router.Add(Method::kGet, "/api/v1/inbox", Auth::kRequired, handle(&NotificationRoutes::ListInbox));
  router.Add(Method::kPost, "/api/v1/inbox/read-all", Auth::kRequired, handle(&NotificationRoutes::MarkAllRead));
  router.Add(Method::kPost, "/api/v1/inbox/{id}/read", Auth::kRequired, handle(&NotificationRoutes::MarkRead));
  router.Add(Method::kGet, "/api/v1/webhooks", Auth::kRequired, handle(&NotificationRoutes::ListWebhooks));
  router.Add(Method::kPost, "/api/v1/webhooks", Auth::kRequired, handle(&NotificationRoutes::RegisterWebhook));
  router.Add(Method::kDelete, "/api/v1/webhooks/{id}", Auth::kRequired, handle(&NotificationRoutes::DeleteWebhook));
  router.Add(Method::kGet, "/api/v1/webhooks/{id}/deliveries", Auth::kRequired,
             handle(&NotificationRoutes::ListDeliveries));
}

}  // namespace kenes::rest
