// NoticeEvent: one stored notice (notify/notice_feed.h) as a server-sent
// event of GET /api/v1/events, and whether a reader may be told of it.
//
//   id: <notice id>
//   event: <notice kind>
//   data: <notify/notice_json.h: id, kind, organisation, object_id, title, data, created>
//
// The data line is split where the JSON has line breaks (a publisher's
// pretty-printed data), as SSE requires; the client joins the lines again.
//
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "notify/notice_feed.h"
#include "store/store.h"

namespace kenes::rest {

// The event's text, blank line included.
std::string FormatNoticeEvent(const notify::StoredNotice& notice);

// Whether a reader with `viewer` (null: sees everything) may be told of
// `notice`: the store shows it the notice's object. Fails closed: a store
// error reads as not visible.
bool MayTell(store::Store& store, const store::Viewer* viewer, const notify::StoredNotice& notice);

}  // namespace kenes::rest
