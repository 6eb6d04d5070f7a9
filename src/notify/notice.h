// Notice: one thing an organisation should hear about — a task assigned to
// it, a task due or overdue, an assistance request or offer, a cross-border
// alert, a request for details. Subsystems (respond, assist, correlate)
// publish notices through a NoticeSink; the notify subsystem keeps each
// organisation's inbox, streams notices to its users as server-sent events,
// and delivers them to the organisation's webhooks.
//
// Sharing: a notice concerns one STIX object (`object_id`), and a user or
// webhook is only ever told of a notice whose object its organisation may
// see (the store decides, with the reader's viewer), so a notice never
// reveals more than reading the object would. `title` and `data` must say
// nothing beyond what that object (and the publisher's own records the
// recipients may see, such as their own alert) shows.
//
// Plain value type; thread-compatible. A NoticeSink may be called from any
// thread and must not block for long (it queues).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace kenes::notify {

struct Notice {
  // Dotted kind, e.g. "task.assigned", "task.due", "task.overdue",
  // "task.updated", "incident.created", "assistance.requested",
  // "assistance.offered", "assistance.accepted", "assistance.delivered",
  // "alert.raised", "detail-request.received", "detail-request.decided".
  std::string kind;
  // The organisations concerned, by identity id. Empty: every organisation
  // that may see `object_id` (an assistance request for all members).
  std::vector<std::string> organisations;
  std::string object_id;    // the STIX object it concerns; REQUIRES: non-empty
  std::string title;        // one line for people
  std::string data = "{}";  // a JSON object with the kind's details (ids, states, quantities)
};

using NoticeSink = std::function<void(Notice notice)>;

}  // namespace kenes::notify
