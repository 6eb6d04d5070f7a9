// The server's logs: one JSON object per line, for the access log (one line
// per request answered) and for errors (a handler threw, a connection failed
// in a way worth knowing).
//
// A LogSink receives whole lines without the newline. The server calls its
// sinks from several threads at once, so a sink must be thread-safe;
// StderrSink is.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kenes::http {

using LogSink = std::function<void(std::string_view line)>;

// Writes each line, newline added, to stderr in one write.
LogSink StderrSink();

struct AccessRecord {
  std::string_view remote;  // "address:port"
  std::string_view user;    // empty: anonymous
  std::string_view method;
  std::string_view target;  // as sent; credentials in the query are redacted on output
  std::string_view route;   // the route pattern; empty when no route answered
  int status = 0;
  uint64_t bytes_sent = 0;               // header and body
  std::chrono::nanoseconds duration{0};  // first byte of the request to last byte of the response
};

// {"time":"2026-11-29T08:42:01.123Z","remote":...,"user":"-" when anonymous,"method","target","route",
//  "status","bytes","duration_ms"}; time is now, RFC 3339 UTC.
std::string FormatAccessLine(const AccessRecord& record);

// {"time":...,"level":"error","message":...}
std::string FormatErrorLine(std::string_view message);

// `target` with the values of query parameters that look like credentials
// (names containing key, token, password, secret, auth) replaced by
// "REDACTED": Kenes takes credentials only in headers, but a client may still
// put them in a URL, and the log must not keep them.
std::string RedactTarget(std::string_view target);

}  // namespace kenes::http
