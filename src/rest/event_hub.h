// EventHub: the node's live notices fanned out to the open event streams of
// GET /api/v1/events (event_routes.h), each stream told only what its user
// may read.
//
// One subscription to the NoticeFeed serves every stream. The feed's
// listener only queues the notice (it must not block the thread recording
// it); the hub's own worker thread takes each one, finds the streams of its
// organisation (and administrators' streams, which get every organisation's),
// and asks the store, once per organisation, whether that organisation may
// read the notice's object — with the viewer the community grants now (a
// share::ViewerCache, renewed when the community changes), for every notice
// anew, so a visibility revoked (a narrower marking, a group left) stops
// being told at once.
//
// Bounds: a stream's buffer is bounded (body_stream.h), so a client that
// cannot keep up is cut off and its stream dropped; if the worker itself
// falls kMaxQueuedNotices behind, every stream is ended (finished, not cut)
// and its client resumes from the inbox with Last-Event-ID: nothing is lost
// and memory stays bounded. Streams per user and per node are limited.
//
// Catching up without gaps or repeats: Open registers the stream before the
// route reads the backlog (NoticeFeed::Since), and holds the live notices
// that arrive meanwhile; Live then sends those newer than the backlog's
// last. A hold that outgrows the stream's buffer ends the stream (the client
// resumes).
//
// Thread-safety: Open and Live may be called from any thread. A stream's
// end, on whatever thread, removes it from the hub. REQUIRES: the server
// sending the streams stops before the hub is destroyed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "http/body_stream.h"
#include "notify/notice_feed.h"
#include "rest/event_routes.h"
#include "share/principal.h"
#include "share/viewer_cache.h"
#include "store/store.h"

namespace kenes::rest {

class EventHub {
 public:
  static constexpr size_t kMaxQueuedNotices = 10'000;

  // One open stream: its body and what the hub keeps while it catches up.
  class Stream {
   public:
    const std::shared_ptr<http::BodyStream>& body() const { return body_; }

   private:
    friend class EventHub;
    Stream(uint64_t key, share::Principal principal, std::shared_ptr<http::BodyStream> body)
        : key_(key), principal_(std::move(principal)), body_(std::move(body)) {}

    const uint64_t key_;
    const share::Principal principal_;
    const std::shared_ptr<http::BodyStream> body_;
    std::mutex mutex_;                                   // guards what follows
    bool catching_up_ = true;                            // live notices are held until Live
    std::vector<std::pair<int64_t, std::string>> held_;  // id and event text
    size_t held_bytes_ = 0;
  };

  // Subscribes to `feed`. REQUIRES: `feed`, `store` and `community` outlive the hub.
  EventHub(notify::NoticeFeed& feed, store::Store& store, share::Community& community, const EventOptions& options);
  ~EventHub();
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // A new stream for `principal` (its body bounded by the options, with an
  // SSE comment as heartbeat), holding live notices until Live.
  // ResourceExhausted when the user or the node has its most streams open.
  Result<std::shared_ptr<Stream>> Open(const share::Principal& principal);
  // Sends the held notices with an id above `last_sent`, then every live one
  // as it comes.
  void Live(Stream& stream, int64_t last_sent);

 private:
  void Remove(uint64_t key);
  // Takes queued notices and tells the streams they concern, until the hub is destroyed.
  void Work();
  void Tell(const notify::StoredNotice& notice);
  // Ends every open stream as finished: its client reconnects and resumes.
  void EndAll();

  store::Store& store_;
  const EventOptions options_;
  share::ViewerCache viewers_;

  std::mutex mutex_;  // guards what follows
  std::condition_variable queued_;
  std::deque<notify::StoredNotice> queue_;
  bool overflowed_ = false;
  bool stopping_ = false;
  uint64_t next_key_ = 1;
  std::map<uint64_t, std::shared_ptr<Stream>> streams_;
  std::map<std::string, size_t, std::less<>> streams_per_user_;

  std::thread worker_;
  std::unique_ptr<notify::NoticeFeed::Subscription> subscription_;  // last: unsubscribed first
};

}  // namespace kenes::rest
