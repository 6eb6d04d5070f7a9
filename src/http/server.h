// Server: the node's HTTP/1.1 server (Boost.Beast over Asio), optionally TLS.
//
// It reads requests, hands them to the Router's handlers, and writes the
// answers, with keep-alive. Threads: the sockets are served asynchronously
// (C++20 coroutines) by `io_threads` threads, one io_context each, every
// connection living on one of them; these threads never block. The work of a
// request — authentication and the handler, both of which block on SQLite —
// runs on a separate fixed pool of `threads` handler threads. So a burst of
// slow queries never stalls accepting, reading, timeouts, TLS handshakes or
// the slowing-down of failed logins, and the number of requests inside the
// databases at once is bounded by `threads`. The price is two thread
// hand-offs per request (measured: /healthz about 30% slower than running
// handlers on the I/O threads). One io_context per thread rather than one
// shared with strands: Boost 1.74's strand inside any_io_executor crashed
// here under Beast's stream timeouts (use after free, found with valgrind).
//
// Limits, each with a clear answer (a JSON error rendered by the router's
// renderer for the path, then the connection is closed):
//   - a request header over max_header_bytes: 431;
//   - a body over max_body_bytes: 413, decided from Content-Length before the
//     body is read (and before "100 Continue"), or as a chunked body passes it;
//   - a malformed request: 400;
//   - over max_connections open connections: 503 to the new ones (beyond
//     twice that, they are closed unanswered).
// A request must arrive whole within read_timeout of its first byte, and a
// kept-alive connection may wait idle for idle_timeout: a client that
// trickles bytes is dropped, and no client holds a thread while it is slow.
//
// Streams (a Response with a BodyStream, body_stream.h: server-sent
// events): after the handler returns, the connection's coroutine sends the
// status and headers, then each chunk the producer writes, woken by a post
// from the producer's thread, so an open stream holds neither a handler
// thread nor a blocked I/O thread. HTTP/1.1 gets chunked transfer encoding
// (the end of a finished stream is marked, and the connection is kept
// alive after it); HTTP/1.0 a body ending with the connection. A quiet
// stream sends its heartbeat every stream_heartbeat; write_timeout applies
// to each chunk, and the read and idle timeouts do not apply while a stream
// is sent. A client that closes the connection (seen at once while the
// stream is quiet), fails a write or reads too slowly ends the stream, and
// the producer learns it (body_stream.h); a client cut for reading too
// slowly is logged.
//
// Stop() is graceful: it stops accepting, closes idle connections, ends
// open streams at once (their last chunk sent, then closed), lets the
// requests in flight finish and answers them with "Connection: close",
// waiting at most shutdown_timeout before closing what is left. A handler
// that never returns still blocks Stop.
//
// Every request answered gets one JSON line in the access log (see
// access_log.h) and is counted in the Metrics; a stream once, when it ends,
// with the bytes it sent and how long it was open.
//
// Thread-safety: Start, Stop, Run and port may be called from any thread;
// Stop may race with Run.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/access_log.h"
#include "http/auth_result.h"
#include "http/metrics.h"
#include "http/router.h"

namespace kenes::http {

struct ServerOptions {
  std::string address = "127.0.0.1";  // an IPv4 or IPv6 address to listen on
  uint16_t port = 8080;               // 0: any free port (see Server::port())
  int threads = 8;                    // handler threads: requests inside the handlers at once
  int io_threads = 2;                 // threads serving the sockets

  // Both set: every connection is TLS (1.2 or later), from PEM files.
  std::string tls_certificate_file;  // the certificate chain
  std::string tls_private_key_file;

  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 64 * 1024 * 1024;  // a 50 MB bundle fits
  size_t max_connections = 1024;
  std::chrono::milliseconds read_timeout{60'000};      // a whole request, from its first byte
  std::chrono::milliseconds idle_timeout{30'000};      // between requests on a kept-alive connection
  std::chrono::milliseconds write_timeout{60'000};     // a whole response; each chunk of a stream
  std::chrono::milliseconds stream_heartbeat{15'000};  // a quiet stream sends its heartbeat this often
  std::chrono::milliseconds shutdown_timeout{10'000};

  LogSink access_log;  // empty: stderr
  LogSink error_log;   // empty: stderr
};

class Server {
 public:
  // `router` and `metrics` must outlive the server, and the router is
  // complete: the server counts requests by its routes. Without
  // `authenticate`, every request is anonymous.
  Server(ServerOptions options, const Router& router, Metrics& metrics, Authenticate authenticate);
  ~Server();  // Stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Listens and starts the threads; returns once connections are accepted.
  // InvalidArgument for bad options or unreadable TLS files, IoError when the
  // address cannot be listened on. A server starts at most once.
  Status Start();
  // The port listened on (the one picked when options.port was 0).
  // REQUIRES: Start() succeeded.
  uint16_t port() const;
  // Graceful stop (see above); returns when every thread has ended.
  // Does nothing if the server is not running.
  void Stop();

  // For `kenes serve`: Start, serve until SIGINT or SIGTERM (or until Stop
  // is called from another thread), then Stop. Returns Start's error, if any.
  Status Run();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kenes::http
