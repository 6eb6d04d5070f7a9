// GET /api/v1/events: server-sent events of the caller's notices
// (notify/notice_feed.h) as they are recorded, for the web UI.
//
// The stream (text/event-stream) opens with a `retry:` line, then the
// notices after Last-Event-ID (the header an EventSource sends when it
// reconnects, or the last_event_id query parameter for clients that cannot
// set headers), oldest first, then each new notice as it is recorded, until
// the client leaves. Without a Last-Event-ID it opens with an `id:` line
// naming the newest notice, so that a reconnect resumes from there. Each
// event is a notice_event.h event.
//
// Who is told what: the caller's organisation's notices (administrators:
// every organisation's), and of those only the ones whose object the
// caller's organisation may read, decided by the store for each notice as
// it is sent (event_hub.h), so a notice never reveals more than reading its
// object would.
//
// Limits: a backlog longer than max_backlog is sent in part and the stream
// ends, so the client reconnects and resumes after the last one it got; a
// client that falls max_buffered_bytes behind is cut off; beyond
// max_streams_per_user open streams for one user or max_streams for the
// node, the answer is 429. No feed (ApiOptions::notices null): 503.
//
// Thread-safety: register once, before serving; the route then runs on any
// number of handler threads.
#pragma once

#include <cstddef>

#include "http/router.h"
#include "notify/notice_feed.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::rest {

class Api;

struct EventOptions {
  size_t max_streams_per_user = 4;         // a few browser tabs
  size_t max_streams = 512;                // for the whole node
  size_t max_buffered_bytes = 256 * 1024;  // per stream, waiting to be sent
  size_t max_backlog = 200;                // notices sent on connect before the stream ends to resume
  int retry_milliseconds = 3000;           // how long an EventSource waits before reconnecting
};

// Adds GET /api/v1/events to `router`, answered through `api`. REQUIRES:
// `store`, `community` and `notices` (may be null) outlive the router, and
// the server using it is stopped before the router is destroyed.
void RegisterEventRoutes(Api& api, http::Router& router, store::Store& store, share::Community& community,
                         notify::NoticeFeed* notices, const EventOptions& options);

}  // namespace kenes::rest
