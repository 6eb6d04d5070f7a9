// Test-support HTTP clients: talk to a Kenes server over real loopback HTTP.
//
// HttpClient is what endpoint tests use: a synchronous client with one
// kept-alive connection to 127.0.0.1:<port> (reconnecting when the server
// closed it), optionally over TLS without certificate verification. Every
// call has a deadline, so a misbehaving server fails a test instead of
// hanging it; transport failures come back as status 0 with `error` set.
//
// RawConnection is for the malformed and slow requests a well-behaved client
// cannot send: plain bytes on a socket, written when and how the test says.
//
// Neither class is thread-safe; use one per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.h"

namespace kenes::test {

struct HttpClientResponse {
  int status = 0;  // 0: no response arrived; see `error`
  http::Fields headers;
  std::string body;
  std::string error;  // why there is no response (connect refused, timeout, ...)

  // The value of header `name` (case-insensitive); empty when absent.
  std::string_view Header(std::string_view name) const;
};

struct HttpClientOptions {
  bool tls = false;                           // TLS without certificate verification
  std::chrono::milliseconds timeout{30'000};  // for each Send, connecting included
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port, HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads its response. Host and Content-Length are
  // added unless `headers` has them. The connection is kept for the next
  // call unless the server answered "Connection: close".
  HttpClientResponse Send(std::string_view method, std::string_view target, const http::Fields& headers = {},
                          std::string_view body = {});
  HttpClientResponse Get(std::string_view target, const http::Fields& headers = {}) {
    return Send("GET", target, headers);
  }

  // How many TCP connections this client has opened: keep-alive tests
  // expect one for many requests.
  int connections_opened() const;
  // Closes the connection; the next Send opens a new one.
  void Close();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// A plain TCP connection to 127.0.0.1:<port> for hand-written requests.
class RawConnection {
 public:
  explicit RawConnection(uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Writes all of `bytes`; false if the connection is gone.
  bool Write(std::string_view bytes);
  // Reads until the server closes the connection or `timeout` passes; what arrived.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout);
  // Reads one response: the head and, if it has Content-Length, that many
  // body bytes; whatever arrived when the server closed or `timeout` passed.
  std::string ReadResponse(std::chrono::milliseconds timeout);
  // True if the server closes the connection within `timeout` (data it sends meanwhile is dropped).
  bool WaitClosed(std::chrono::milliseconds timeout);
  // Appends what arrives within the deadline to `received`; false on EOF, error or timeout.
  bool ReadMore(std::string& received, std::chrono::steady_clock::time_point deadline);
  // Whether a read saw the server close the connection (or the connection fail).
  bool peer_closed() const { return peer_closed_; }

 private:
  int fd_ = -1;
  bool peer_closed_ = false;
};

// The status code of a raw response ("HTTP/1.1 413 ..." -> 413); 0 if none.
int RawStatus(std::string_view response);
// The body of a raw response (after the blank line).
std::string_view RawBody(std::string_view response);

}  // namespace kenes::test
