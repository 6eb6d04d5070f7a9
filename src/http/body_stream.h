// BodyStream: a response body that is written while it is being sent —
// server-sent events, a feed that stays open — by producers on any thread,
// after the handler has returned.
//
// A handler makes one, keeps a shared_ptr for whatever produces the body
// (a subscription) and returns another in Response::stream. The server sends
// the status and headers, then each chunk soon after it is written, and ends
// the response when the producer Close()s. No handler thread is held while a
// stream is open, and no I/O thread blocks: a Write wakes the connection
// (through the function the server attaches) and returns at once.
//
// The stream ends once, for one reason (End): the producer closed it, the
// client went away (a failed write, the socket closed, a write that took
// longer than the server's write timeout), the client read too slowly, or
// the server is stopping. From then on Write returns false and closed() is
// true, and the end listener is called once, so a producer drops its
// subscription without waiting for its next write.
//
// Memory is bounded: at most max_buffered_bytes may wait to be sent. A
// Write that would exceed it ends the stream as kTooSlow instead (the server
// cuts the connection and logs it): a client that cannot keep up is dropped,
// never allowed to grow the node's memory.
//
// While nothing is written, the server sends `heartbeat` every heartbeat
// interval (ServerOptions::stream_heartbeat), so that proxies keep the
// connection and a client that vanished is noticed; an SSE stream's
// heartbeat is a comment line.
//
// Thread-safety: every method may be called from any thread. The end
// listener runs on the thread that ended the stream (a producer's or an I/O
// thread) and must not block or call back into the stream.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace kenes::http {

class BodyStream {
 public:
  enum class End {
    kOpen,        // not ended
    kFinished,    // the producer closed it: what was written is sent, then the end of the body
    kClientGone,  // the client closed the connection, a write failed or timed out, or it asked with HEAD
    kTooSlow,     // more than max_buffered_bytes waited to be sent
    kStopped,     // the server is stopping
  };

  struct Options {
    size_t max_buffered_bytes = 1024 * 1024;
    std::string heartbeat;  // sent when the stream is quiet; empty: none
  };

  explicit BodyStream(Options options);
  BodyStream(const BodyStream&) = delete;
  BodyStream& operator=(const BodyStream&) = delete;

  // The producer's side.

  // Queues `chunk` to be sent. False once the stream has ended (then
  // nothing is queued), including when this chunk would exceed the buffer.
  bool Write(std::string_view chunk);
  // Ends the body once what was written is sent. Idempotent.
  void Close();
  bool closed() const;
  End end() const;
  // Calls `listener` once with the reason when the stream ends; at once if
  // it already has. Replaces an earlier listener.
  void OnEnd(std::function<void(End reason)> listener);

  // The server's side.

  const std::string& heartbeat() const { return options_.heartbeat; }
  // `wake` is called (under the stream's lock, so it must only post work to
  // the connection) whenever there is something to send or the stream ended.
  void Attach(std::function<void()> wake);
  // Appends what was written since the last Take to `out` and says whether
  // the stream ended. After kFinished, `out` holds the last chunks; after
  // any other end nothing more is sent, and the buffer is dropped.
  End Take(std::string& out);
  // Ends the stream for `reason` (if it is open) and detaches the wake
  // function: the server calls it when it stops sending, whatever the reason.
  void Finish(End reason);

 private:
  // Marks the stream ended; returns the listener to call after unlocking.
  std::function<void(End)> EndLocked(End reason);

  const Options options_;
  mutable std::mutex mutex_;
  std::string buffered_;
  End end_ = End::kOpen;
  std::function<void()> wake_;
  std::function<void(End)> on_end_;
};

}  // namespace kenes::http
