// NoticeJson: a stored notice as the JSON object every reader receives —
// the inbox routes, webhook deliveries, server-sent events:
//
//   {"id": 42, "kind": "alert.raised", "organisation": "identity--...",
//    "object_id": "indicator--...", "title": "...", "data": {...},
//    "created": "2026-11-29T14:00:00.000000Z"}
//
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "notify/notice_feed.h"

namespace kenes::notify {

// Appends the members above, without the braces, so a reader may add its own
// (the inbox adds "read").
void AppendNoticeMembers(std::string& out, const StoredNotice& notice);

// The whole object.
std::string NoticeJson(const StoredNotice& notice);

}  // namespace kenes::notify
