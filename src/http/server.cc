#include "http/server.h"

// clang-format off
#include <utility>  // before Asio: awaitable.hpp uses std::exchange without including it
// clang-format on

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/body_stream.h"
#include "http/dispatcher.h"

namespace kenes::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
using boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

// How long a connection closed after an error keeps reading (and dropping)
// what the client still sends, so that the client reads the error instead of
// a reset.
constexpr auto kLingerTime = std::chrono::seconds(1);
// How long a TLS close waits for the client's close_notify.
constexpr auto kTlsShutdownTime = std::chrono::milliseconds(500);
// After shutdown_timeout, how long connections closed by force get to end.
constexpr auto kForcedCloseTime = std::chrono::seconds(2);
constexpr size_t kReadChunk = 16 * 1024;

auto Redirect(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

// The Date header for now, formatted once a second per thread.
std::string_view HttpDate() {
  thread_local std::time_t formatted_second = 0;
  thread_local char text[40] = {};
  std::time_t now = std::time(nullptr);
  if (now != formatted_second) {
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::strftime(text, sizeof(text), "%a, %d %b %Y %H:%M:%S GMT", &parts);
    formatted_second = now;
  }
  return text;
}

std::string RemoteOf(const tcp::socket& socket) {
  error_code ec;
  tcp::endpoint endpoint = socket.remote_endpoint(ec);
  if (ec) return "-";
  std::string address = endpoint.address().to_string();
  return endpoint.address().is_v6() ? fmt::format("[{}]:{}", address, endpoint.port())
                                    : fmt::format("{}:{}", address, endpoint.port());
}

// The path part of a request target, for choosing the error renderer.
std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

// The status answered when reading a request failed with `ec`; 0 when the
// client is gone or too slow and nothing is answered.
int StatusForReadError(const error_code& ec) {
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (ec.category() == error_code(bhttp::error::bad_target).category()) return 400;
  return 0;
}

// What a connection sending a BodyStream waits on between chunks. Touched
// only on the connection's I/O thread.
struct StreamWatch {
  explicit StreamWatch(const asio::any_io_executor& executor) : timer(executor) {}
  // Resumes the sending loop: there is something to send, the client left or the server stops.
  void Wake() {
    woken = true;
    timer.cancel();
  }

  asio::steady_timer timer;          // until the next heartbeat; cancelled to wake
  beast::tcp_stream* tcp = nullptr;  // while the stream is being sent
  bool woken = false;
  bool client_gone = false;
};

// Whether producers may still wake connections: closed before the I/O
// threads stop, so that a producer writing late never posts to an
// io_context being destroyed.
struct WakeGate {
  std::mutex mutex;
  bool open = true;
};

// A connection as Stop sees it. Touched only on the connection's I/O thread.
struct Connection {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;  // while being served
  bool idle = false;                    // waiting for the next request
  std::shared_ptr<StreamWatch> watch;   // while a BodyStream is being sent
};

// Notices a client that closes its end while a stream is quiet, without
// consuming what it may send: bytes that do arrive (a pipelined request,
// TLS records) end the watch, and a gone client is then noticed by the next
// write (a heartbeat).
void WatchClient(const std::shared_ptr<StreamWatch>& watch) {
  watch->tcp->socket().async_wait(tcp::socket::wait_read, [watch](error_code ec) {
    if (ec == asio::error::operation_aborted || watch->tcp == nullptr) return;
    char byte = 0;
    error_code peek;
    size_t peeked = watch->tcp->socket().receive(asio::buffer(&byte, 1), tcp::socket::message_peek, peek);
    if (ec || peek || peeked == 0) {
      watch->client_gone = true;
      watch->Wake();
    }
  });
}

// The status line and headers of `response` into `message`, with the
// server's Date and Connection.
template <typename Body>
void FillHead(bhttp::response<Body>& message, const Response& response, bool keep_alive) {
  if (std::string_view reason = ReasonPhrase(response.status); reason != "Unknown") message.reason(reason);
  for (const auto& [name, value] : response.headers) {
    if (beast::iequals(name, "Content-Length") || beast::iequals(name, "Date") ||
        beast::iequals(name, "Transfer-Encoding")) {
      continue;
    }
    message.insert(name, value);
  }
  message.set(bhttp::field::date, HttpDate());
  message.keep_alive(keep_alive);
}

// 1xx, 204 and 304 have no body (and Beast refuses to frame one).
bool Bodiless(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, Metrics& metrics, Authenticate authenticate)
      : options_(std::move(options)),
        router_(router),
        metrics_(metrics),
        access_log_(options_.access_log ? options_.access_log : StderrSink()),
        error_log_(options_.error_log ? options_.error_log : StderrSink()),
        dispatcher_(router, std::move(authenticate), error_log_) {
    metrics_.TrackRoutes(router_.Routes());
  }

  ~Impl() { Stop(); }

  Status Start();
  void Stop();
  Status Run();
  uint16_t port() const { return port_.load(); }

 private:
  // Keeps a connection in connections_ (and counted) while it is served.
  class Registration {
   public:
    Registration(Impl& server, std::shared_ptr<Connection> connection, beast::tcp_stream& stream, bool admitted)
        : server_(server), connection_(std::move(connection)), admitted_(admitted) {
      connection_->stream = &stream;
      std::lock_guard lock(server_.mutex_);
      server_.connections_[connection_.get()] = connection_;
    }
    ~Registration() {
      connection_->stream = nullptr;
      server_.Release(connection_.get(), admitted_);
    }
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;

   private:
    Impl& server_;
    std::shared_ptr<Connection> connection_;
    bool admitted_;
  };

  Status LoadTls();
  // Whether a new connection is served (true), answered 503 (false) or closed at once (nullopt).
  std::optional<bool> Admit();
  void Release(Connection* connection, bool admitted);
  // Closes the connections (only those waiting for a next request if `only_idle`).
  void CloseConnections(bool only_idle);
  // Waits until no connection is open or `timeout` passed; true if none is.
  bool WaitDrained(std::chrono::milliseconds timeout);
  void LogFailure(std::exception_ptr failure, std::string_view where);

  asio::awaitable<void> Accept();
  asio::awaitable<void> Session(tcp::socket socket, bool admitted);
  // Serves requests on `stream` until the connection ends.
  template <typename Stream>
  asio::awaitable<void> Exchange(Stream& stream, Connection& connection, bool admitted, const std::string& remote);
  // Answers a request that could not be read (or is refused), then closes.
  template <typename Stream>
  asio::awaitable<void> Refuse(Stream& stream, const bhttp::request_header<>& header, int status,
                               std::string_view description, const std::string& remote,
                               SteadyClock::time_point started);
  // The description of the error `status` answers to a request that failed to read with `ec`.
  std::string ReadErrorDescription(int status, const error_code& ec) const;
  template <typename Stream>
  asio::awaitable<size_t> Write(Stream& stream, Response response, unsigned version, bool keep_alive, bool head,
                                error_code& ec);
  // Sends `response`'s BodyStream as it is written, until it ends; clears
  // `keep_alive` unless it ended as the producer meant it to.
  template <typename Stream>
  asio::awaitable<size_t> SendStream(Stream& stream, Connection& connection, Response response, unsigned version,
                                     bool& keep_alive, const Request& request, error_code& ec);
  // One chunk of a stream's body, in the framing chosen for it.
  template <typename Stream>
  asio::awaitable<size_t> WriteChunk(Stream& stream, std::string_view data, bool chunked, error_code& ec);
  template <typename Stream>
  asio::awaitable<void> Close(Stream& stream);
  // Reads and drops what the client still sends, briefly, then closes.
  asio::awaitable<void> Linger(beast::tcp_stream& stream);
  // Runs the dispatcher on a handler thread and resumes on the caller's I/O thread.
  asio::awaitable<Dispatched> DispatchOnHandlerThread(Request& request);
  void Record(const AccessRecord& record, const RouteInfo* route);

  const ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  const LogSink access_log_;
  const LogSink error_log_;
  const Dispatcher dispatcher_;

  std::mutex lifecycle_mutex_;  // serialises Start and Stop
  enum class State { kNew, kRunning, kStopped } state_ = State::kNew;
  // One single-threaded io_context per I/O thread, each connection on one of
  // them: a connection's work is serialised without strands.
  std::vector<std::unique_ptr<asio::io_context>> ios_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  size_t next_io_ = 0;  // where the next connection goes; used by the accept loop only
  std::optional<asio::ssl::context> tls_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<asio::thread_pool> handlers_;
  std::vector<std::thread> io_threads_;
  std::atomic<uint16_t> port_{0};
  std::atomic<bool> stopping_{false};
  const std::shared_ptr<WakeGate> wake_gate_ = std::make_shared<WakeGate>();

  std::mutex mutex_;  // guards the connection registry and counts
  std::condition_variable drained_;
  std::unordered_map<Connection*, std::shared_ptr<Connection>> connections_;
  size_t admitted_ = 0;   // connections being served
  size_t rejecting_ = 0;  // connections being answered 503

  std::mutex waiter_mutex_;  // guards what Run waits on
  bool stop_requested_ = false;
  asio::io_context* run_waiter_ = nullptr;
};

Status Server::Impl::LoadTls() {
  tls_.emplace(asio::ssl::context::tls_server);
  tls_->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(tls_->native_handle(), TLS1_2_VERSION);
  error_code ec;
  tls_->use_certificate_chain_file(options_.tls_certificate_file, ec);
  if (ec) {
    return Status::InvalidArgument(fmt::format("TLS certificate {}: {}", options_.tls_certificate_file, ec.message()));
  }
  tls_->use_private_key_file(options_.tls_private_key_file, asio::ssl::context::pem, ec);
  if (ec) {
    return Status::InvalidArgument(fmt::format("TLS private key {}: {}", options_.tls_private_key_file, ec.message()));
  }
  return Status::Ok();
}

Status Server::Impl::Start() {
  std::lock_guard lifecycle(lifecycle_mutex_);
  if (state_ != State::kNew) return Status::InvalidArgument("a server starts only once");
  if (options_.threads < 1 || options_.io_threads < 1) {
    return Status::InvalidArgument("threads and io_threads must be at least 1");
  }
  if (options_.tls_certificate_file.empty() != options_.tls_private_key_file.empty()) {
    return Status::InvalidArgument("TLS needs both a certificate file and a private key file");
  }
  error_code ec;
  asio::ip::address address = asio::ip::make_address(options_.address, ec);
  if (ec) return Status::InvalidArgument(fmt::format("listen address '{}' is not an IP address", options_.address));
  if (!options_.tls_certificate_file.empty()) KENES_RETURN_IF_ERROR(LoadTls());

  for (int i = 0; i < options_.io_threads; ++i) ios_.push_back(std::make_unique<asio::io_context>(1));
  acceptor_.emplace(*ios_.front());
  tcp::endpoint endpoint(address, options_.port);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor_.reset();
    ios_.clear();
    return Status::IoError(fmt::format("cannot listen on {}:{}: {}", options_.address, options_.port, ec.message()));
  }
  port_ = acceptor_->local_endpoint().port();

  handlers_.emplace(static_cast<size_t>(options_.threads));
  asio::co_spawn(acceptor_->get_executor(), Accept(), [this](std::exception_ptr e) { LogFailure(e, "accept"); });
  for (auto& io : ios_) {
    work_.push_back(asio::make_work_guard(*io));
    io_threads_.emplace_back([&io = *io] { io.run(); });
  }
  state_ = State::kRunning;
  return Status::Ok();
}

void Server::Impl::Stop() {
  {
    std::lock_guard lock(waiter_mutex_);
    stop_requested_ = true;
    if (run_waiter_ != nullptr) run_waiter_->stop();
  }
  std::lock_guard lifecycle(lifecycle_mutex_);
  if (state_ != State::kRunning) return;
  stopping_ = true;
  asio::post(acceptor_->get_executor(), [this] {
    error_code ignored;
    acceptor_->close(ignored);
  });
  CloseConnections(/*only_idle=*/true);
  if (!WaitDrained(options_.shutdown_timeout)) {
    error_log_(FormatErrorLine("shutdown: requests still running after the shutdown timeout; closing them"));
    CloseConnections(/*only_idle=*/false);
    WaitDrained(kForcedCloseTime);
  }
  // Handlers still running post their results to the I/O threads, which therefore stop last.
  handlers_->join();
  {
    std::lock_guard gate(wake_gate_->mutex);
    wake_gate_->open = false;
  }
  work_.clear();
  for (auto& io : ios_) io->stop();
  for (std::thread& thread : io_threads_) thread.join();
  io_threads_.clear();
  acceptor_.reset();
  ios_.clear();  // destroys what never finished, while everything it refers to is alive
  handlers_.reset();
  state_ = State::kStopped;
}

Status Server::Impl::Run() {
  KENES_RETURN_IF_ERROR(Start());
  asio::io_context waiter;
  asio::signal_set signals(waiter, SIGINT, SIGTERM);
  signals.async_wait([](const error_code&, int) {});
  bool wait;
  {
    std::lock_guard lock(waiter_mutex_);
    wait = !stop_requested_;
    if (wait) run_waiter_ = &waiter;
  }
  if (wait) waiter.run();  // until a signal arrives or Stop() stops it
  {
    std::lock_guard lock(waiter_mutex_);
    run_waiter_ = nullptr;
  }
  Stop();
  return Status::Ok();
}

std::optional<bool> Server::Impl::Admit() {
  std::lock_guard lock(mutex_);
  if (stopping_) return std::nullopt;
  if (admitted_ < options_.max_connections) {
    ++admitted_;
    return true;
  }
  if (rejecting_ < options_.max_connections) {
    ++rejecting_;
    return false;
  }
  return std::nullopt;
}

void Server::Impl::Release(Connection* connection, bool admitted) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);
  --(admitted ? admitted_ : rejecting_);
  drained_.notify_all();
}

void Server::Impl::CloseConnections(bool only_idle) {
  std::lock_guard lock(mutex_);
  for (const auto& entry : connections_) {
    std::shared_ptr<Connection> connection = entry.second;
    asio::post(connection->executor, [connection, only_idle] {
      // A stream never ends by itself: woken, it sees the server stopping and ends its body.
      if (connection->watch) connection->watch->Wake();
      if (connection->stream != nullptr && (connection->idle || !only_idle)) connection->stream->close();
    });
  }
}

bool Server::Impl::WaitDrained(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return drained_.wait_for(lock, timeout, [this] { return admitted_ + rejecting_ == 0; });
}

void Server::Impl::LogFailure(std::exception_ptr failure, std::string_view where) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    error_log_(FormatErrorLine(fmt::format("{}: {}", where, e.what())));
  } catch (...) {
    error_log_(FormatErrorLine(fmt::format("{}: unknown exception", where)));
  }
}

asio::awaitable<void> Server::Impl::Accept() {
  while (true) {
    tcp::socket socket(*ios_[next_io_++ % ios_.size()]);
    error_code ec;
    co_await acceptor_->async_accept(socket, Redirect(ec));
    if (ec == asio::error::operation_aborted || !acceptor_->is_open()) co_return;
    if (ec) {
      // Out of descriptors, most likely: pause rather than spin.
      error_log_(FormatErrorLine(fmt::format("accept: {}", ec.message())));
      asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(100));
      co_await pause.async_wait(Redirect(ec));
      continue;
    }
    std::optional<bool> admitted = Admit();
    if (!admitted) {
      socket.close(ec);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::any_io_executor executor = socket.get_executor();
    asio::co_spawn(executor, Session(std::move(socket), *admitted),
                   [this](std::exception_ptr e) { LogFailure(e, "connection"); });
  }
}

asio::awaitable<void> Server::Impl::Session(tcp::socket socket, bool admitted) {
  auto connection = std::make_shared<Connection>();
  connection->executor = socket.get_executor();
  std::string remote = RemoteOf(socket);
  if (admitted) metrics_.ConnectionOpened();
  if (tls_) {
    beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls_);
    Registration registration(*this, connection, beast::get_lowest_layer(stream), admitted);
    beast::get_lowest_layer(stream).expires_after(options_.read_timeout);
    error_code ec;
    co_await stream.async_handshake(asio::ssl::stream_base::server, Redirect(ec));
    if (!ec) {
      co_await Exchange(stream, *connection, admitted, remote);
      co_await Close(stream);
    }
  } else {
    beast::tcp_stream stream(std::move(socket));
    Registration registration(*this, connection, stream, admitted);
    co_await Exchange(stream, *connection, admitted, remote);
    co_await Close(stream);
  }
  if (admitted) metrics_.ConnectionClosed();
}

template <typename Stream>
asio::awaitable<void> Server::Impl::Exchange(Stream& stream, Connection& connection, bool admitted,
                                             const std::string& remote) {
  beast::tcp_stream& tcp = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  error_code ec;
  while (true) {
    if (buffer.size() == 0) {
      // Between requests: Stop closes the connection while it is idle.
      connection.idle = true;
      if (stopping_) co_return;
      tcp.expires_after(options_.idle_timeout);
      size_t received = co_await stream.async_read_some(buffer.prepare(kReadChunk), Redirect(ec));
      connection.idle = false;
      if (ec) co_return;
      buffer.commit(received);
    }
    SteadyClock::time_point started = SteadyClock::now();
    tcp.expires_at(started + options_.read_timeout);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<uint32_t>(std::min<size_t>(options_.max_header_bytes, UINT32_MAX)));
    parser.body_limit(options_.max_body_bytes);
    co_await bhttp::async_read_header(stream, buffer, parser, Redirect(ec));
    if (!ec && !admitted) {
      co_await Refuse(stream, parser.get(), 503, "the server has too many open connections; try again later", remote,
                      started);
      co_return;
    }
    if (!ec && !parser.is_done()) {
      if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, parser.get().version()};
        co_await bhttp::async_write(stream, proceed, Redirect(ec));
      }
      if (!ec) co_await bhttp::async_read(stream, buffer, parser, Redirect(ec));
    }
    if (ec) {
      int status = StatusForReadError(ec);
      if (status != 0) co_await Refuse(stream, parser.get(), status, ReadErrorDescription(status, ec), remote, started);
      co_return;
    }

    bhttp::request<bhttp::string_body> message = parser.release();
    Request request;
    request.method = ParseMethod(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote = remote;
    Dispatched dispatched = co_await DispatchOnHandlerThread(request);
    if (dispatched.delay.count() > 0) {
      asio::steady_timer delay(co_await asio::this_coro::executor, dispatched.delay);
      co_await delay.async_wait(Redirect(ec));
    }
    bool keep_alive = message.keep_alive() && !stopping_;
    int status = dispatched.response.status;
    size_t sent = dispatched.response.stream ? co_await SendStream(stream, connection, std::move(dispatched.response),
                                                                   message.version(), keep_alive, request, ec)
                                             : co_await Write(stream, std::move(dispatched.response), message.version(),
                                                              keep_alive, request.method == Method::kHead, ec);
    Record({.remote = remote,
            .user = request.principal ? std::string_view(request.principal->user) : std::string_view(),
            .method = message.method_string(),
            .target = request.target,
            .route = dispatched.route != nullptr ? std::string_view(dispatched.route->pattern) : std::string_view(),
            .status = status,
            .bytes_sent = sent,
            .duration = SteadyClock::now() - started},
           dispatched.route);
    if (ec || !keep_alive) co_return;
  }
}

std::string Server::Impl::ReadErrorDescription(int status, const error_code& ec) const {
  switch (status) {
    case 431: return fmt::format("the request header exceeds {} bytes", options_.max_header_bytes);
    case 413: return fmt::format("the request body exceeds {} bytes", options_.max_body_bytes);
    default: return fmt::format("malformed request: {}", ec.message());
  }
}

template <typename Stream>
asio::awaitable<void> Server::Impl::Refuse(Stream& stream, const bhttp::request_header<>& header, int status,
                                           std::string_view description, const std::string& remote,
                                           SteadyClock::time_point started) {
  // What the parser got before it stopped: possibly nothing.
  std::string_view target = header.target();
  std::string_view method = header.method_string();
  std::string path(PathOf(target).empty() ? "/" : PathOf(target));
  error_code ec;
  size_t sent = co_await Write(stream, router_.Error(path, status, ReasonPhrase(status), description), 11,
                               /*keep_alive=*/false, /*head=*/false, ec);
  Record({.remote = remote,
          .user = {},
          .method = method.empty() ? "-" : method,
          .target = target,
          .route = {},
          .status = status,
          .bytes_sent = sent,
          .duration = SteadyClock::now() - started},
         nullptr);
  if (!ec) co_await Linger(beast::get_lowest_layer(stream));
}

template <typename Stream>
asio::awaitable<size_t> Server::Impl::Write(Stream& stream, Response response, unsigned version, bool keep_alive,
                                            bool head, error_code& ec) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  FillHead(message, response, keep_alive);
  if (!Bodiless(response.status)) message.body() = std::move(response.body);
  message.prepare_payload();
  if (head) message.body().clear();  // Content-Length still tells the GET body's size
  beast::get_lowest_layer(stream).expires_after(options_.write_timeout);
  co_return co_await bhttp::async_write(stream, message, Redirect(ec));
}

template <typename Stream>
asio::awaitable<size_t> Server::Impl::SendStream(Stream& stream, Connection& connection, Response response,
                                                 unsigned version, bool& keep_alive, const Request& request,
                                                 error_code& ec) {
  std::shared_ptr<BodyStream> body = std::move(response.stream);
  if (request.method == Method::kHead || Bodiless(response.status)) {
    body->Finish(BodyStream::End::kClientGone);
    co_return co_await Write(stream, std::move(response), version, keep_alive, /*head=*/true, ec);
  }
  // HTTP/1.1 frames the body in chunks, so a client tells a finished stream
  // from a cut one and the connection stays usable after a finished one;
  // HTTP/1.0 knows no chunks, so its body ends where the connection does.
  const bool chunked = version >= 11;
  if (!chunked) keep_alive = false;
  bhttp::response<bhttp::empty_body> message{static_cast<bhttp::status>(response.status), version};
  FillHead(message, response, keep_alive);
  message.chunked(chunked);
  bhttp::response_serializer<bhttp::empty_body> serializer(message);
  beast::tcp_stream& tcp = beast::get_lowest_layer(stream);
  tcp.expires_after(options_.write_timeout);
  size_t sent = co_await bhttp::async_write_header(stream, serializer, Redirect(ec));

  auto watch = std::make_shared<StreamWatch>(co_await asio::this_coro::executor);
  watch->tcp = &tcp;
  connection.watch = watch;
  metrics_.StreamOpened();
  // Whatever ends the frame (Stop destroying an unfinished one included), the producer hears of it.
  struct Finisher {
    ~Finisher() { body.Finish(BodyStream::End::kStopped); }
    BodyStream& body;
  } finisher{*body};
  body->Attach([gate = wake_gate_, watch, weak = std::weak_ptr<BodyStream>(body), executor = connection.executor] {
    std::lock_guard lock(gate->mutex);
    if (!gate->open) return;
    asio::post(executor, [watch, weak] {
      watch->Wake();
      // A client too slow to read is cut now, not when the write it is stuck in times out.
      std::shared_ptr<BodyStream> body = weak.lock();
      if (body && watch->tcp != nullptr && body->end() == BodyStream::End::kTooSlow) {
        error_code ignored;
        watch->tcp->socket().cancel(ignored);
      }
    });
  });
  if (!ec) WatchClient(watch);
  BodyStream::End end = BodyStream::End::kOpen;
  std::string pending;
  while (!ec) {
    watch->woken = false;
    pending.clear();
    end = body->Take(pending);
    if (end == BodyStream::End::kOpen && watch->client_gone) end = BodyStream::End::kClientGone;
    if (end == BodyStream::End::kOpen && stopping_) end = BodyStream::End::kStopped;
    if (!pending.empty()) {
      sent += co_await WriteChunk(stream, pending, chunked, ec);
      if (end == BodyStream::End::kOpen) continue;
    }
    if (end != BodyStream::End::kOpen || ec) break;
    if (watch->woken) continue;
    if (body->heartbeat().empty()) {
      watch->timer.expires_at(SteadyClock::time_point::max());
    } else {
      watch->timer.expires_after(options_.stream_heartbeat);
    }
    error_code waited;
    co_await watch->timer.async_wait(Redirect(waited));
    if (!waited && !watch->woken) sent += co_await WriteChunk(stream, body->heartbeat(), chunked, ec);
  }
  if (ec) end = body->end() == BodyStream::End::kTooSlow ? BodyStream::End::kTooSlow : BodyStream::End::kClientGone;
  watch->tcp = nullptr;
  error_code ignored;
  tcp.socket().cancel(ignored);  // the client watch
  connection.watch.reset();
  body->Finish(end);
  metrics_.StreamClosed();
  if (end == BodyStream::End::kTooSlow) {
    error_log_(
        FormatErrorLine(fmt::format("stream {} to {} cut: the client read too slowly, more than its buffer "
                                    "waited to be sent",
                                    RedactTarget(request.target), request.remote)));
  }
  // A stream cut short gets no last chunk, so that the client cannot take it for a finished one.
  if (!ec && chunked && (end == BodyStream::End::kFinished || end == BodyStream::End::kStopped)) {
    tcp.expires_after(options_.write_timeout);
    sent += co_await asio::async_write(stream, bhttp::make_chunk_last(), Redirect(ec));
  }
  if (end != BodyStream::End::kFinished || stopping_) keep_alive = false;
  co_return sent;
}

template <typename Stream>
asio::awaitable<size_t> Server::Impl::WriteChunk(Stream& stream, std::string_view data, bool chunked, error_code& ec) {
  beast::tcp_stream& tcp = beast::get_lowest_layer(stream);
  tcp.expires_after(options_.write_timeout);
  if (chunked) co_return co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(data)), Redirect(ec));
  co_return co_await asio::async_write(stream, asio::buffer(data), Redirect(ec));
}

template <typename Stream>
asio::awaitable<void> Server::Impl::Close(Stream& stream) {
  beast::tcp_stream& tcp = beast::get_lowest_layer(stream);
  error_code ec;
  if constexpr (!std::is_same_v<Stream, beast::tcp_stream>) {
    if (tcp.socket().is_open()) {
      tcp.expires_after(kTlsShutdownTime);
      co_await stream.async_shutdown(Redirect(ec));
    }
  }
  tcp.socket().shutdown(tcp::socket::shutdown_both, ec);
  tcp.close();
  co_return;
}

asio::awaitable<void> Server::Impl::Linger(beast::tcp_stream& stream) {
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(kLingerTime);
  char scratch[kReadChunk];
  while (!ec) co_await stream.async_read_some(asio::buffer(scratch), Redirect(ec));
  stream.close();
}

asio::awaitable<Dispatched> Server::Impl::DispatchOnHandlerThread(Request& request) {
  asio::any_io_executor io = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(Dispatched)>(
      [this, io, &request](auto resume) {
        asio::post(*handlers_, [this, io, &request, resume = std::move(resume)]() mutable {
          Dispatched dispatched = dispatcher_.Dispatch(request);
          asio::post(io, [resume = std::move(resume), dispatched = std::move(dispatched)]() mutable {
            std::move(resume)(std::move(dispatched));
          });
        });
      },
      asio::use_awaitable);
}

void Server::Impl::Record(const AccessRecord& record, const RouteInfo* route) {
  metrics_.RecordRequest(route, record.status, record.duration);
  access_log_(FormatAccessLine(record));
}

Server::Server(ServerOptions options, const Router& router, Metrics& metrics, Authenticate authenticate)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics, std::move(authenticate))) {}

Server::~Server() = default;

Status Server::Start() { return impl_->Start(); }

uint16_t Server::port() const { return impl_->port(); }

void Server::Stop() { impl_->Stop(); }

Status Server::Run() { return impl_->Run(); }

}  // namespace kenes::http
