// The server over real loopback HTTP: routing, keep-alive, errors,
// authentication, logs and metrics.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <chrono>
#include <future>

#include "server_fixture.h"

using namespace std::chrono_literals;

namespace kenes::http {
namespace {

using test::HttpClient;
using test::HttpClientResponse;
using test::RawBody;
using test::RawConnection;
using test::RawStatus;

class ServerTest : public ServerFixture {};

// `response` is a `status` error, rendered as JSON, whose text mentions `fragment`.
void ExpectJsonError(const HttpClientResponse& response, int status, std::string_view fragment) {
  EXPECT_EQ(response.status, status) << response.error;
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_NE(response.body.find(fragment), std::string::npos) << response.body;
}

TEST_F(ServerTest, HealthzIsPublicAndFast) {
  Start();
  HttpClientResponse response = HttpClient(port()).Get("/healthz");
  ASSERT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.body, R"({"status":"ok"})");
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_FALSE(response.Header("Date").empty());
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  Start();
  HttpClient client(port());
  for (int i = 0; i < 5; ++i) {
    HttpClientResponse response = client.Get("/items/" + std::to_string(i));
    ASSERT_EQ(response.status, 200) << response.error;
    EXPECT_EQ(response.body, std::to_string(i));
  }
  EXPECT_EQ(client.Send("POST", "/echo", {{"Content-Type", "text/plain"}}, "ping").body, "ping");
  EXPECT_EQ(client.connections_opened(), 1);

  // The server saw every request come from the same client port.
  server_->Stop();  // a line is logged once its response is sent: after the client may have read it
  std::vector<std::string> lines = AccessLines();
  ASSERT_EQ(lines.size(), 6u);
  std::string remote = lines[0].substr(lines[0].find("\"remote\""), 40);
  for (const std::string& line : lines) EXPECT_NE(line.find(remote), std::string::npos) << line;
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Start();
  HttpClient client(port());
  HttpClientResponse response = client.Get("/hello", {{"Connection", "close"}});
  ASSERT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.Header("Connection"), "close");
  EXPECT_EQ(client.Get("/hello").status, 200);
  EXPECT_EQ(client.connections_opened(), 2);
}

TEST_F(ServerTest, Http10ClosesAfterTheAnswer) {
  Start();
  RawConnection raw(port());
  ASSERT_TRUE(raw.Write("GET /hello HTTP/1.0\r\n\r\n"));
  std::string response = raw.ReadUntilClosed(2s);
  EXPECT_TRUE(response.starts_with("HTTP/1.0 200 OK\r\n")) << response;
  EXPECT_EQ(RawBody(response), R"({"hello":"world"})");
}

TEST_F(ServerTest, ClientGivesUpAfterItsTimeoutAndReconnects) {
  Start();
  HttpClient client(port(), {.tls = false, .timeout = 200ms});
  HttpClientResponse late = client.Get("/sleep?ms=600");
  EXPECT_EQ(late.status, 0);
  EXPECT_NE(late.error.find("timeout"), std::string::npos) << late.error;
  EXPECT_EQ(client.Get("/hello").status, 200);
  EXPECT_EQ(client.connections_opened(), 2);
}

TEST_F(ServerTest, UnknownPathIsA404JsonAndTheConnectionStaysUsable) {
  Start();
  HttpClient client(port());
  ExpectJsonError(client.Get("/no/such/thing"), 404, "no resource at /no/such/thing");
  EXPECT_EQ(client.Get("/hello").status, 200);
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST_F(ServerTest, ErrorsUnderAPrefixUseItsRenderer) {
  Start();
  HttpClientResponse response = HttpClient(port()).Get("/taxii2/nowhere/");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/taxii+json;version=2.1");
  EXPECT_EQ(response.body, R"({"title":"Not Found","taxii":true})");
}

TEST_F(ServerTest, WrongMethodIsA405WithAllow) {
  Start();
  HttpClientResponse response = HttpClient(port()).Send("DELETE", "/hello");
  ExpectJsonError(response, 405, "DELETE is not allowed on /hello");
  EXPECT_EQ(response.Header("Allow"), "GET");
}

TEST_F(ServerTest, HeadIsAnsweredAsGetWithoutBody) {
  Start();
  HttpClient client(port());
  HttpClientResponse head = client.Send("HEAD", "/hello");
  ASSERT_EQ(head.status, 200) << head.error;
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(std::string_view(R"({"hello":"world"})").size()));
  // The connection is still in step: no stray body bytes.
  EXPECT_EQ(client.Get("/hello").body, R"({"hello":"world"})");
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST_F(ServerTest, NoContentHasNoBody) {
  Start();
  HttpClient client(port());
  EXPECT_EQ(client.Get("/empty").status, 204);
  EXPECT_EQ(client.Get("/hello").status, 200);
}

TEST_F(ServerTest, PathIsDecodedAndBoundToParameters) {
  Start();
  HttpClientResponse response = HttpClient(port()).Get("/items/indicator%2D%2Dx%20y?limit=1");
  EXPECT_EQ(response.body, "indicator--x y");
}

TEST_F(ServerTest, BadEscapesAre400) {
  Start();
  HttpClient client(port());
  ExpectJsonError(client.Get("/hello?match%5Bid%5D=%zz"), 400, "malformed %-escape in the query string");
  ExpectJsonError(client.Get("/items/%g1"), 400, "malformed %-escape in the request path");
}

TEST_F(ServerTest, LargeBodyArrivesWhole) {
  Start();
  std::string body(3 * 1024 * 1024, 'x');
  body[12345] = 'y';
  HttpClientResponse response = HttpClient(port()).Send("POST", "/echo", {{"Content-Type", "text/plain"}}, body);
  ASSERT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.body, body);
}

TEST_F(ServerTest, ExpectContinueGetsA100ThenTheAnswer) {
  Start();
  RawConnection raw(port());
  ASSERT_TRUE(
      raw.Write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                "Expect: 100-continue\r\n\r\n"));
  std::string interim = raw.ReadResponse(2s);
  EXPECT_EQ(RawStatus(interim), 100) << interim;
  ASSERT_TRUE(raw.Write("hello"));
  std::string response = raw.ReadResponse(2s);
  EXPECT_EQ(RawStatus(response), 200) << response;
  EXPECT_EQ(RawBody(response), "hello");

  // A client that sends the body without waiting reads the 100 and then the answer.
  HttpClient client(port());
  EXPECT_EQ(client.Send("POST", "/echo", {{"Expect", "100-continue"}}, "whole").body, "whole");
  EXPECT_EQ(client.Get("/items/after").body, "after");
}

TEST_F(ServerTest, HandlerExceptionIsA500JsonAndLogged) {
  Start();
  HttpClient client(port());
  HttpClientResponse response = client.Get("/throw");
  ExpectJsonError(response, 500, "the server failed to answer");
  EXPECT_EQ(response.body.find("boom"), std::string::npos) << "internals stay in the log";
  std::vector<std::string> errors = ErrorLines();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find(R"("message":"GET /throw: boom")"), std::string::npos) << errors[0];
  EXPECT_EQ(client.Get("/hello").status, 200);
}

TEST_F(ServerTest, RequiredAuthWithoutCredentialsIs401WithChallenge) {
  Start();
  HttpClientResponse response = HttpClient(port()).Get("/private");
  ExpectJsonError(response, 401, "this resource needs credentials");
  EXPECT_EQ(response.Header("WWW-Authenticate"), R"(Basic realm="kenes", Bearer)");
}

TEST_F(ServerTest, ValidCredentialsGiveThePrincipal) {
  Start();
  HttpClient client(port());
  EXPECT_EQ(client.Get("/private", {{"Authorization", "Bearer good"}}).body, "alice");
  EXPECT_EQ(client.Get("/whoami", {{"Authorization", "Bearer good"}}).body, "alice");
  EXPECT_EQ(client.Get("/whoami").body, "anonymous");
}

TEST_F(ServerTest, RefusedCredentialsAre401AfterTheDelayWithoutHoldingAThread) {
  ServerOptions options = SmallOptions();
  options.threads = 1;
  options.io_threads = 1;
  Start(options);
  auto refused = std::async(std::launch::async, [&] {
    auto started = std::chrono::steady_clock::now();
    HttpClientResponse response = HttpClient(port()).Get("/whoami", {{"Authorization", "Bearer wrong"}});
    return std::make_pair(response, std::chrono::steady_clock::now() - started);
  });
  std::this_thread::sleep_for(50ms);
  // Meanwhile the only handler thread and the only I/O thread are free.
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(HttpClient(port()).Get("/hello").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, kRefusalDelay / 2);

  auto [response, elapsed] = refused.get();
  ExpectJsonError(response, 401, "invalid credentials");
  EXPECT_EQ(response.Header("WWW-Authenticate"), R"(Basic realm="kenes", Bearer)");
  EXPECT_GE(elapsed, kRefusalDelay);
}

// Reads the access log line `line` as JSON and checks every field is there.
void ExpectAccessLine(const std::string& line, std::string_view user, std::string_view method, std::string_view target,
                      std::string_view route, int64_t status) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(line);
  simdjson::ondemand::document document = parser.iterate(padded);
  simdjson::ondemand::object object = document.get_object();
  EXPECT_FALSE(std::string_view(object["time"].get_string()).empty()) << line;
  EXPECT_TRUE(std::string_view(object["remote"].get_string()).starts_with("127.0.0.1:")) << line;
  EXPECT_EQ(std::string_view(object["user"].get_string()), user) << line;
  EXPECT_EQ(std::string_view(object["method"].get_string()), method) << line;
  EXPECT_EQ(std::string_view(object["target"].get_string()), target) << line;
  EXPECT_EQ(std::string_view(object["route"].get_string()), route) << line;
  EXPECT_EQ(int64_t(object["status"].get_int64()), status) << line;
  EXPECT_GT(int64_t(object["bytes"].get_int64()), 0) << line;
  EXPECT_GE(double(object["duration_ms"].get_double()), 0.0) << line;
}

TEST_F(ServerTest, AccessLogHasOneJsonLinePerRequest) {
  Start();
  HttpClient client(port());
  client.Get("/private?api_key=secret&limit=2", {{"Authorization", "Bearer good"}});
  client.Get("/nope");
  client.Get("/items/7");
  server_->Stop();  // a line is logged once its response is sent: after the client may have read it
  std::vector<std::string> lines = AccessLines();
  ASSERT_EQ(lines.size(), 3u);
  ExpectAccessLine(lines[0], "alice", "GET", "/private?api_key=REDACTED&limit=2", "/private", 200);
  ExpectAccessLine(lines[1], "-", "GET", "/nope", "", 404);
  ExpectAccessLine(lines[2], "-", "GET", "/items/7", "/items/{id}", 200);
}

TEST_F(ServerTest, MetricsCountRequestsAndConnections) {
  metrics_.AddGauge("kenes_store_objects", "Objects in the store.", [] { return 7.0; });
  Start();
  HttpClient client(port());
  client.Get("/hello");
  client.Get("/hello");
  client.Get("/nope");
  metrics_.CountStored(120);
  HttpClientResponse response = client.Get("/metrics");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  for (std::string_view line : {
           R"(kenes_http_requests_total{method="GET",route="/hello",status="200"} 2)",
           R"(kenes_http_requests_total{method="any",route="none",status="404"} 1)",
           R"(kenes_http_request_duration_seconds_count{method="GET",route="/hello"} 2)",
           R"(kenes_http_request_duration_seconds_bucket{method="GET",route="/hello",le="+Inf"} 2)",
           "kenes_http_open_connections 1",
           "kenes_objects_stored_total 120",
           "kenes_objects_ingest_rate 2",
           "kenes_store_objects 7",
       }) {
    EXPECT_NE(response.body.find(std::string(line) + "\n"), std::string::npos) << line << "\n" << response.body;
  }
}

TEST_F(ServerTest, StartFailsClearly) {
  Start();
  EXPECT_EQ(server_->Start().code(), StatusCode::kInvalidArgument) << "a server starts once";

  Metrics other_metrics;  // a server's metrics are its own while it runs
  ServerOptions taken = SmallOptions();
  taken.port = port();
  EXPECT_EQ(Server(taken, router_, other_metrics, {}).Start().code(), StatusCode::kIoError);

  ServerOptions bad_address = SmallOptions();
  bad_address.address = "not-an-address";
  EXPECT_EQ(Server(bad_address, router_, other_metrics, {}).Start().code(), StatusCode::kInvalidArgument);

  ServerOptions half_tls = SmallOptions();
  half_tls.tls_certificate_file = "/nonexistent/cert.pem";
  EXPECT_EQ(Server(half_tls, router_, other_metrics, {}).Start().code(), StatusCode::kInvalidArgument);

  ServerOptions missing_tls = half_tls;
  missing_tls.tls_private_key_file = "/nonexistent/key.pem";
  Status missing = Server(missing_tls, router_, other_metrics, {}).Start();
  EXPECT_EQ(missing.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(missing.message().find("/nonexistent/cert.pem"), std::string::npos) << missing.ToString();
}

}  // namespace
}  // namespace kenes::http
