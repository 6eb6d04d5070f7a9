// The REST routes of notifications (notify/notifications.h): every
// organisation's inbox and its webhooks.
//
//   GET    /api/v1/inbox                     the caller's organisation's notices, newest first: unread, kind,
//                                            since, limit, next (organisation for administrators); with the
//                                            unread count
//   POST   /api/v1/inbox/{id}/read           marks one notice read for the whole organisation
//   POST   /api/v1/inbox/read-all            marks every unread notice of the organisation read
//   GET    /api/v1/webhooks                  the organisation's webhooks (every one's for administrators,
//                                            or the organisation they name), never their secrets
//   POST   /api/v1/webhooks                  registers one: {"url", "kinds"?, "enabled"?, "organisation"?};
//                                            the answer carries the secret, the only time it is shown
//   DELETE /api/v1/webhooks/{id}             deletes one with its deliveries
//   GET    /api/v1/webhooks/{id}/deliveries  its deliveries, newest first, each with its attempts
//
// A notice is listed only while the caller may read its object (the store
// decides with the caller's viewer), so an inbox never shows more than
// reading would. Webhooks are org-admins' (their organisation's) and
// administrators' (any organisation's, named by code or identity id);
// another organisation's webhook reads as unknown (404).
//
// Thread-safety: as the Api's routes.
#pragma once

#include "http/router.h"
#include "rest/api.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::notify {
class Notifications;
}  // namespace kenes::notify

namespace kenes::rest {

// Adds the routes above to `router`, served through `api`. `notifications`
// null: they answer 503. Each must outlive the router.
void RegisterNotificationRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                                notify::Notifications* notifications);

}  // namespace kenes::rest
