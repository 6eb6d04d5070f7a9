// Streamed responses (http/body_stream.h) over real loopback HTTP: chunks
// arrive as they are written, heartbeats keep a quiet stream alive, the
// producer learns when the client leaves, Stop ends open streams at once, a
// client too slow to read is cut off, and open streams hold no handler
// thread.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "http/body_stream.h"
#include "server_fixture.h"
#include "support/stream_reader.h"

using namespace std::chrono_literals;

namespace kenes::http {
namespace {

using test::HttpClient;
using test::HttpClientResponse;
using test::StreamReader;

constexpr std::string_view kHeartbeat = ": heartbeat\n\n";

// GET /stream answers 200 with a BodyStream the test writes to; each stream
// opened is handed to the test through Next().
class StreamTest : public ServerFixture {
 protected:
  StreamTest() {
    router_.Add(Method::kGet, "/stream", Auth::kPublic, [this](Request&) {
      Response response = MakeResponse(200, "text/event-stream", "");
      response.stream = std::make_shared<BodyStream>(
          BodyStream::Options{.max_buffered_bytes = max_buffered_bytes_, .heartbeat = heartbeat_});
      std::lock_guard lock(mutex_);
      opened_.push_back(response.stream);
      opened_changed_.notify_all();
      return response;
    });
  }

  // The `index`th stream opened (from 0), waiting for it.
  std::shared_ptr<BodyStream> Opened(size_t index) {
    std::unique_lock lock(mutex_);
    opened_changed_.wait_for(lock, 5s, [&] { return opened_.size() > index; });
    return opened_.size() > index ? opened_[index] : nullptr;
  }

  // The end reason `stream` reports within `timeout`, kOpen if none.
  static BodyStream::End EndWithin(BodyStream& stream, std::chrono::milliseconds timeout) {
    auto ended = std::make_shared<std::promise<BodyStream::End>>();
    std::future<BodyStream::End> reason = ended->get_future();
    stream.OnEnd([ended](BodyStream::End end) { ended->set_value(end); });
    return reason.wait_for(timeout) == std::future_status::ready ? reason.get() : BodyStream::End::kOpen;
  }

  size_t max_buffered_bytes_ = 1024 * 1024;
  std::string heartbeat_;

 private:
  std::mutex mutex_;
  std::condition_variable opened_changed_;
  std::vector<std::shared_ptr<BodyStream>> opened_;
};

TEST_F(StreamTest, ChunksArriveAsTheyAreWrittenAndTheConnectionIsKeptAfterwards) {
  Start();
  StreamReader reader(port(), "/stream");
  ASSERT_EQ(reader.ReadHead(2s), 200);
  EXPECT_EQ(reader.Header("Content-Type"), "text/event-stream");
  EXPECT_EQ(reader.Header("Transfer-Encoding"), "chunked");
  std::shared_ptr<BodyStream> stream = Opened(0);
  ASSERT_NE(stream, nullptr);

  EXPECT_TRUE(stream->Write("data: one\n\n"));
  ASSERT_TRUE(reader.WaitFor("data: one\n\n", 2s)) << reader.body();
  EXPECT_FALSE(reader.finished());
  EXPECT_TRUE(stream->Write("data: two\n\n"));
  ASSERT_TRUE(reader.WaitFor("data: two\n\n", 2s)) << reader.body();
  EXPECT_FALSE(reader.finished());

  stream->Close();
  EXPECT_FALSE(stream->Write("data: late\n\n"));
  ASSERT_TRUE(reader.WaitEnded(2s));
  EXPECT_TRUE(reader.finished());
  EXPECT_EQ(reader.body(), "data: one\n\ndata: two\n\n");

  // The finished stream leaves the connection usable for the next request.
  ASSERT_TRUE(reader.connection().Write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string next = reader.connection().ReadResponse(2s);
  EXPECT_EQ(test::RawStatus(next), 200) << next;

  // The stream is logged and counted once, when it ended, with its bytes.
  server_->Stop();
  int stream_lines = 0;
  for (const std::string& line : AccessLines()) {
    if (line.find("\"/stream\"") == std::string::npos) continue;
    ++stream_lines;
    EXPECT_NE(line.find("\"status\":200"), std::string::npos) << line;
    EXPECT_EQ(line.find("\"bytes\":0,"), std::string::npos) << line;
  }
  EXPECT_EQ(stream_lines, 1);
  EXPECT_NE(metrics_.Render().find("kenes_http_open_streams 0"), std::string::npos);
}

TEST_F(StreamTest, QuietStreamSendsHeartbeatsAndOutlivesTheConnectionTimeouts) {
  heartbeat_ = std::string(kHeartbeat);
  ServerOptions options = SmallOptions();
  options.stream_heartbeat = 100ms;
  options.read_timeout = 200ms;
  options.idle_timeout = 200ms;
  options.write_timeout = 200ms;
  Start(options);
  StreamReader reader(port(), "/stream");
  ASSERT_EQ(reader.ReadHead(2s), 200);
  ASSERT_NE(Opened(0), nullptr);
  ASSERT_TRUE(reader.WaitFor(kHeartbeat, 3s, 5)) << reader.body();
  EXPECT_FALSE(reader.closed());
  EXPECT_TRUE(Opened(0)->Write("data: after\n\n"));
  EXPECT_TRUE(reader.WaitFor("data: after\n\n", 2s)) << reader.body();
}

TEST_F(StreamTest, TheProducerLearnsThatTheClientLeftWithoutWriting) {
  Start();
  auto reader = std::make_unique<StreamReader>(port(), "/stream");
  ASSERT_EQ(reader->ReadHead(2s), 200);
  std::shared_ptr<BodyStream> stream = Opened(0);
  ASSERT_NE(stream, nullptr);
  EXPECT_TRUE(stream->Write("data: hello\n\n"));
  ASSERT_TRUE(reader->WaitFor("hello", 2s));

  reader->Disconnect();
  EXPECT_EQ(EndWithin(*stream, 3s), BodyStream::End::kClientGone);
  EXPECT_TRUE(stream->closed());
  EXPECT_FALSE(stream->Write("data: nobody\n\n"));
}

TEST_F(StreamTest, StopEndsOpenStreamsPromptly) {
  ServerOptions options = SmallOptions();
  options.shutdown_timeout = 10s;
  Start(options);
  std::vector<std::unique_ptr<StreamReader>> readers;
  for (int i = 0; i < 3; ++i) {
    readers.push_back(std::make_unique<StreamReader>(port(), "/stream"));
    ASSERT_EQ(readers.back()->ReadHead(2s), 200);
    ASSERT_NE(Opened(i), nullptr);
  }
  auto started = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Opened(i)->end(), BodyStream::End::kStopped);
    EXPECT_FALSE(Opened(i)->Write("data: after stop\n\n"));
    ASSERT_TRUE(readers[i]->WaitEnded(2s));
    EXPECT_TRUE(readers[i]->finished()) << "a stream ended by Stop is finished, not cut";
  }
}

TEST_F(StreamTest, AClientTooSlowToReadIsCutOffWithBoundedMemory) {
  max_buffered_bytes_ = 64 * 1024;
  Start();
  StreamReader reader(port(), "/stream");
  ASSERT_EQ(reader.ReadHead(2s), 200);
  std::shared_ptr<BodyStream> stream = Opened(0);
  ASSERT_NE(stream, nullptr);

  // The reader reads nothing more: once the socket buffers are full, the
  // stream's own buffer fills, and the next write ends the stream.
  const std::string chunk(16 * 1024, 'x');
  size_t written = 0;
  const size_t give_up = size_t{512} * 1024 * 1024;
  while (written < give_up && stream->Write(chunk)) written += chunk.size();
  EXPECT_LT(written, give_up) << "the stream never refused a write";
  EXPECT_EQ(stream->end(), BodyStream::End::kTooSlow);

  EXPECT_TRUE(reader.WaitEnded(10s));
  EXPECT_FALSE(reader.finished()) << "a cut stream must not look finished";
  bool logged = false;
  for (const std::string& line : ErrorLines()) logged = logged || line.find("too slowly") != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST_F(StreamTest, OpenStreamsHoldNoHandlerThread) {
  ServerOptions options = SmallOptions();
  ASSERT_EQ(options.threads, 2);
  Start(options);
  std::vector<std::unique_ptr<StreamReader>> readers;
  for (int i = 0; i < 6; ++i) {
    readers.push_back(std::make_unique<StreamReader>(port(), "/stream"));
    ASSERT_EQ(readers.back()->ReadHead(2s), 200);
  }
  HttpClient client(port(), {.tls = false, .timeout = 2s});
  HttpClientResponse health = client.Get("/healthz");
  EXPECT_EQ(health.status, 200) << health.error;
  HttpClientResponse metrics = client.Get("/metrics");
  EXPECT_NE(metrics.body.find("kenes_http_open_streams 6"), std::string::npos) << metrics.body;
  for (int i = 0; i < 6; ++i) Opened(i)->Close();
  for (auto& reader : readers) EXPECT_TRUE(reader->WaitEnded(2s));
}

TEST_F(StreamTest, HeadGetsTheHeadAndEndsTheStream) {
  Start();
  HttpClient client(port(), {.tls = false, .timeout = 2s});
  HttpClientResponse response = client.Send("HEAD", "/stream");
  EXPECT_EQ(response.status, 200) << response.error;
  ASSERT_NE(Opened(0), nullptr);
  EXPECT_TRUE(Opened(0)->closed());
}

TEST_F(StreamTest, Http10GetsABodyThatEndsWithTheConnection) {
  Start();
  test::RawConnection raw(port());
  ASSERT_TRUE(raw.Write("GET /stream HTTP/1.0\r\n\r\n"));
  std::shared_ptr<BodyStream> stream = Opened(0);
  ASSERT_NE(stream, nullptr);
  EXPECT_TRUE(stream->Write("data: one\n\n"));
  stream->Close();
  std::string response = raw.ReadUntilClosed(2s);
  EXPECT_TRUE(response.starts_with("HTTP/1.0 200 OK\r\n")) << response;
  EXPECT_EQ(test::RawBody(response), "data: one\n\n");
}

}  // namespace
}  // namespace kenes::http
