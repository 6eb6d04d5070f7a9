// Session routes: signing a browser in and out of the web UI
// (http/session_book.h keeps the sessions; the authenticator accepts their
// cookie).
//
//   POST   /api/v1/session   {"user", "password"}: a session cookie and the CSRF token (public)
//   GET    /api/v1/session   who is signed in, with the CSRF token for a cookie's session (public:
//                            an anonymous caller learns {"signed_in": false}, not a 401 the
//                            browser would log as an error)
//   DELETE /api/v1/session   signs the browser out: the session ends, the cookie is cleared
//
// The sign-in takes only `Content-Type: application/json`, which a page of
// another site cannot send without the browser asking this node first (it
// never agrees), so no other site can sign a browser in as someone else.
//
// Thread-safety: register before serving; the handlers run on any thread.
#pragma once

#include "http/router.h"
#include "http/session_book.h"
#include "rest/api.h"

namespace kenes::rest {

// Adds the routes above. Null `sessions`: they answer 503. REQUIRES:
// `api` and `sessions` outlive `router`.
void RegisterSessionRoutes(Api& api, http::Router& router, http::SessionBook* sessions);

}  // namespace kenes::rest
