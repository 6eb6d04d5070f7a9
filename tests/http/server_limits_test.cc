// The server's limits, timeouts, shutdown and TLS, over real loopback
// connections, including hand-written malformed and slow requests.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <thread>

#include "server_fixture.h"

using namespace std::chrono_literals;

namespace kenes::http {
namespace {

using test::HttpClient;
using test::HttpClientOptions;
using test::HttpClientResponse;
using test::RawBody;
using test::RawConnection;
using test::RawStatus;

using SteadyClock = std::chrono::steady_clock;

class ServerLimitsTest : public ServerFixture {};

// `response` (raw bytes) is a `status` error, rendered as JSON, whose text mentions `fragment`.
void ExpectRawJsonError(const std::string& response, int status, std::string_view fragment) {
  EXPECT_EQ(RawStatus(response), status) << response;
  EXPECT_NE(response.find("Content-Type: application/json\r\n"), std::string::npos) << response;
  EXPECT_NE(RawBody(response).find(fragment), std::string::npos) << response;
}

TEST_F(ServerLimitsTest, OversizedBodyIs413BeforeTheBodyIsRead) {
  ServerOptions options = SmallOptions();
  options.max_body_bytes = 1024;
  Start(options);
  // The client announces 100 MB, sends a few bytes, and waits for "100 Continue": it gets 413 instead.
  RawConnection raw(port());
  ASSERT_TRUE(
      raw.Write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\nExpect: 100-continue\r\n\r\n"
                "first bytes"));
  auto started = SteadyClock::now();
  std::string response = raw.ReadResponse(3s);
  EXPECT_LT(SteadyClock::now() - started, 2s);
  ExpectRawJsonError(response, 413, "the request body exceeds 1024 bytes");
  EXPECT_TRUE(raw.WaitClosed(3s));

  // Within the limit, a body is fine.
  EXPECT_EQ(HttpClient(port()).Send("POST", "/echo", {}, std::string(1024, 'x')).status, 200);

  server_->Stop();
  std::vector<std::string> lines = AccessLines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find(R"("method":"POST","target":"/echo","route":"","status":413,)"), std::string::npos)
      << lines[0];
}

TEST_F(ServerLimitsTest, ChunkedBodyOverTheLimitIs413) {
  ServerOptions options = SmallOptions();
  options.max_body_bytes = 1024;
  Start(options);
  RawConnection raw(port());
  std::string chunk(800, 'x');
  ASSERT_TRUE(
      raw.Write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "320\r\n" +
                chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n"));
  ExpectRawJsonError(raw.ReadResponse(3s), 413, "the request body exceeds 1024 bytes");
}

TEST_F(ServerLimitsTest, OversizedHeaderIs431) {
  ServerOptions options = SmallOptions();
  options.max_header_bytes = 4096;
  Start(options);
  RawConnection raw(port());
  ASSERT_TRUE(raw.Write("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n"));
  ExpectRawJsonError(raw.ReadResponse(3s), 431, "the request header exceeds 4096 bytes");
  EXPECT_TRUE(raw.WaitClosed(3s));
}

struct MalformedCase {
  std::string name;
  std::string bytes;
};

class MalformedRequest : public ServerFixture, public testing::WithParamInterface<MalformedCase> {};

TEST_P(MalformedRequest, Is400JsonThenClosed) {
  Start();
  RawConnection raw(port());
  ASSERT_TRUE(raw.Write(GetParam().bytes));
  ExpectRawJsonError(raw.ReadResponse(3s), 400, "malformed request");
  EXPECT_TRUE(raw.WaitClosed(3s));
  // The server is unharmed.
  EXPECT_EQ(HttpClient(port()).Get("/hello").status, 200);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedRequest,
    testing::Values(MalformedCase{"Garbage", "GARBAGE\r\n\r\n"},
                    MalformedCase{"NoVersion", "GET /hello\r\nHost: x\r\n\r\n"},
                    MalformedCase{"BadVersion", "GET /hello HTTP/9.Z\r\nHost: x\r\n\r\n"},
                    MalformedCase{"SpaceInTarget", "GET /he llo HTTP/1.1\r\nHost: x\r\n\r\n"},
                    MalformedCase{"BadHeaderLine", "GET /hello HTTP/1.1\r\nno colon here\r\n\r\n"},
                    MalformedCase{"BadContentLength", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n"},
                    MalformedCase{"BadChunk",
                                  "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "zz\r\nabc\r\n0\r\n\r\n"}),
    [](const testing::TestParamInfo<MalformedCase>& info) { return info.param.name; });

TEST_F(ServerLimitsTest, TricklingClientIsCutOffWhileOthersAreServed) {
  ServerOptions options = SmallOptions();
  options.read_timeout = 1s;
  options.io_threads = 1;
  options.threads = 1;
  Start(options);
  auto trickle = std::async(std::launch::async, [&] {
    RawConnection raw(port());
    std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a') + "\r\n\r\n";
    auto started = SteadyClock::now();
    for (char c : request) {
      if (!raw.Write(std::string_view(&c, 1)) || raw.WaitClosed(50ms)) break;
    }
    std::string rest = raw.ReadUntilClosed(1s);
    return std::make_pair(SteadyClock::now() - started, rest);
  });
  std::this_thread::sleep_for(100ms);
  HttpClient client(port());
  for (int i = 0; i < 5; ++i) {
    auto started = SteadyClock::now();
    EXPECT_EQ(client.Get("/hello").status, 200);
    EXPECT_LT(SteadyClock::now() - started, 300ms);
  }
  auto [cut_after, rest] = trickle.get();
  EXPECT_GE(cut_after, 950ms);
  EXPECT_LT(cut_after, 4s) << "the trickling client was not cut off";
  EXPECT_EQ(RawStatus(rest), 0) << "a request that never arrived gets no answer: " << rest;
}

TEST_F(ServerLimitsTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options = SmallOptions();
  options.idle_timeout = 300ms;
  Start(options);
  RawConnection raw(port());
  ASSERT_TRUE(raw.Write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(RawStatus(raw.ReadResponse(2s)), 200);
  auto started = SteadyClock::now();
  EXPECT_TRUE(raw.WaitClosed(3s));
  EXPECT_GE(SteadyClock::now() - started, 250ms);
}

TEST_F(ServerLimitsTest, ConnectionsBeyondTheMaximumGet503) {
  ServerOptions options = SmallOptions();
  options.max_connections = 2;
  Start(options);
  auto first = std::make_unique<HttpClient>(port());
  HttpClient second(port());
  ASSERT_EQ(first->Get("/hello").status, 200);
  ASSERT_EQ(second.Get("/hello").status, 200);

  RawConnection third(port());
  ASSERT_TRUE(third.Write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  ExpectRawJsonError(third.ReadResponse(3s), 503, "too many open connections");

  // A slot frees when a connection closes.
  first.reset();
  HttpClientResponse later;
  for (int attempt = 0; attempt < 50 && later.status != 200; ++attempt) {
    std::this_thread::sleep_for(20ms);
    later = HttpClient(port()).Get("/hello");
  }
  EXPECT_EQ(later.status, 200);
}

TEST_F(ServerLimitsTest, StopLetsTheRequestInFlightFinish) {
  Start();
  auto in_flight = std::async(std::launch::async, [&] { return HttpClient(port()).Get("/sleep?ms=500"); });
  HttpClient idle(port());
  ASSERT_EQ(idle.Get("/hello").status, 200);  // an idle keep-alive connection does not hold Stop up
  std::this_thread::sleep_for(150ms);
  auto started = SteadyClock::now();
  server_->Stop();
  auto stopped_after = SteadyClock::now() - started;
  HttpClientResponse response = in_flight.get();
  EXPECT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.body, "slept");
  EXPECT_EQ(response.Header("Connection"), "close");
  EXPECT_GE(stopped_after, 250ms);
  EXPECT_LT(stopped_after, 3s);
  EXPECT_FALSE(RawConnection(port()).connected()) << "no longer accepting";
  server_->Stop();  // twice is harmless
}

TEST_F(ServerLimitsTest, StopIsBoundedWhenRequestsOutlastTheTimeout) {
  ServerOptions options = SmallOptions();
  options.shutdown_timeout = 200ms;
  Start(options);
  RawConnection slow(port());
  ASSERT_TRUE(slow.Write("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // half a request, never finished
  std::this_thread::sleep_for(100ms);
  auto started = SteadyClock::now();
  server_->Stop();
  EXPECT_LT(SteadyClock::now() - started, 2s);
  EXPECT_TRUE(slow.WaitClosed(1s));
}

TEST_F(ServerLimitsTest, RunReturnsWhenStopped) {
  ServerOptions options = SmallOptions();
  options.access_log = [](std::string_view) {};
  Server server(options, router_, metrics_, TestAuthenticate);
  auto running = std::async(std::launch::async, [&] { return server.Run(); });
  uint16_t bound = 0;
  for (int attempt = 0; attempt < 100 && bound == 0; ++attempt) {
    std::this_thread::sleep_for(10ms);
    if (HttpClient probe(server.port() == 0 ? 1 : server.port()); server.port() != 0) {
      if (probe.Get("/healthz").status == 200) bound = server.port();
    }
  }
  ASSERT_NE(bound, 0);
  server.Stop();
  ASSERT_EQ(running.wait_for(3s), std::future_status::ready);
  EXPECT_TRUE(running.get().ok());
}

// A self-signed certificate and key, made with the openssl command in a temporary directory.
class TlsFiles {
 public:
  TlsFiles() {
    char pattern[] = "/tmp/kenes-http-tls-XXXXXX";
    directory_ = ::mkdtemp(pattern);
    std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
        "-subj /CN=localhost -keyout " +
        key() + " -out " + certificate() + " 2>/dev/null";
    made_ = std::system(command.c_str()) == 0;
  }
  ~TlsFiles() { std::filesystem::remove_all(directory_); }
  bool made() const { return made_; }
  std::string certificate() const { return directory_ + "/cert.pem"; }
  std::string key() const { return directory_ + "/key.pem"; }

 private:
  std::string directory_;
  bool made_ = false;
};

TEST_F(ServerLimitsTest, TlsServesEveryConnection) {
  TlsFiles files;
  ASSERT_TRUE(files.made()) << "openssl could not make a certificate";
  ServerOptions options = SmallOptions();
  options.tls_certificate_file = files.certificate();
  options.tls_private_key_file = files.key();
  Start(options);

  HttpClient client(port(), HttpClientOptions{.tls = true, .timeout = 5s});
  for (int i = 0; i < 3; ++i) {
    HttpClientResponse response = client.Get("/healthz");
    ASSERT_EQ(response.status, 200) << response.error;
    EXPECT_EQ(response.body, R"({"status":"ok"})");
  }
  EXPECT_EQ(client.Get("/nope").status, 404);
  EXPECT_EQ(client.connections_opened(), 1);

  // Plain HTTP to the TLS port gets no HTTP answer.
  RawConnection plain(port());
  ASSERT_TRUE(plain.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(RawStatus(plain.ReadUntilClosed(3s)), 0);
}

TEST_F(ServerLimitsTest, TlsWithAMismatchedKeyDoesNotStart) {
  TlsFiles files;
  TlsFiles other;
  ASSERT_TRUE(files.made() && other.made());
  ServerOptions options = SmallOptions();
  options.tls_certificate_file = files.certificate();
  options.tls_private_key_file = other.key();
  Status started = Server(options, router_, metrics_, {}).Start();
  EXPECT_EQ(started.code(), StatusCode::kInvalidArgument) << started.ToString();
}

}  // namespace
}  // namespace kenes::http
