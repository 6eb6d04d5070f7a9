// ServerFixture: an http::Server on 127.0.0.1 (a free port) with routes made
// for testing the server itself, its access and error logs captured.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "support/http_client.h"

namespace kenes::http {

// The fixture's authentication: "Bearer good" is alice, any other
// Authorization is refused after kRefusalDelay, none is anonymous.
inline constexpr std::chrono::milliseconds kRefusalDelay{500};
AuthResult TestAuthenticate(const Request& request);

class ServerFixture : public ::testing::Test {
 protected:
  // Routes: /healthz and /metrics; GET /hello (JSON); POST /echo (the body
  // back); GET /sleep?ms=N; GET /items/{id}; GET /throw; GET /private (auth
  // required, answers the user); GET /whoami (public, the user or
  // "anonymous"); GET /empty (204); GET /taxii2/ with a TAXII-like error
  // renderer for /taxii2/.
  ServerFixture();
  ~ServerFixture() override;

  // Starts the server with `options`, on port 0 with the logs captured, and
  // TestAuthenticate; fails the test if it cannot start.
  void Start(ServerOptions options = SmallOptions());
  // Few threads, short timeouts: what most tests need.
  static ServerOptions SmallOptions();

  uint16_t port() const { return server_->port(); }
  std::vector<std::string> AccessLines() const;
  std::vector<std::string> ErrorLines() const;

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;

 private:
  mutable std::mutex log_mutex_;
  std::vector<std::string> access_lines_;
  std::vector<std::string> error_lines_;
};

}  // namespace kenes::http
