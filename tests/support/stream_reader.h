// StreamReader: a streamed response (a BodyStream, server-sent events) read
// over real loopback HTTP as it arrives, so that a test sees each chunk
// before the stream ends and can tell a finished stream (its last chunk
// came) from a cut one (the connection closed first).
//
// It sends one GET on a RawConnection, reads the head, then decodes chunks
// (or, for a response without chunked framing, takes bytes as they come).
// Every wait has a deadline, so a server that misbehaves fails a test
// instead of hanging it.
//
// Not thread-safe; use one per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "support/http_client.h"

namespace kenes::test {

class StreamReader {
 public:
  // Connects to 127.0.0.1:`port` and sends GET `target` with `headers`
  // (HTTP/1.1; Host added).
  StreamReader(uint16_t port, std::string_view target, const http::Fields& headers = {});

  // Reads until the head has arrived; its status, 0 if none came within `timeout`.
  int ReadHead(std::chrono::milliseconds timeout);
  // A header of the response (case-insensitive); empty when absent or before the head.
  std::string_view Header(std::string_view name) const;
  // Reads until the body received so far contains `text` at least `times`
  // times; false if it did not within `timeout` or the stream ended first.
  bool WaitFor(std::string_view text, std::chrono::milliseconds timeout, size_t times = 1);
  // Reads until the stream ends (its last chunk, or the connection closed);
  // false if it is still open after `timeout`.
  bool WaitEnded(std::chrono::milliseconds timeout);

  // The body received so far, chunk framing removed.
  const std::string& body() const { return body_; }
  // The last chunk arrived: the server finished the stream rather than cut it.
  bool finished() const { return finished_; }
  // The server closed the connection.
  bool closed() const { return connection_ && connection_->peer_closed(); }
  // The connection, e.g. to send the next request after a finished stream.
  RawConnection& connection() { return *connection_; }
  // Closes the connection as a client that leaves does.
  void Disconnect() { connection_.reset(); }

 private:
  // Reads what arrives before `deadline` and decodes it; false when nothing more can come.
  bool Pump(std::chrono::steady_clock::time_point deadline);
  // Moves whole chunks (or, unframed, every byte) from raw_ to body_.
  void Decode();

  std::optional<RawConnection> connection_;
  std::string raw_;  // received, not yet decoded
  std::string head_;
  std::string body_;  // decoded
  int status_ = 0;
  bool chunked_ = false;
  bool finished_ = false;
};

}  // namespace kenes::test
