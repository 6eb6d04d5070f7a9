#include "support/http_client.h"

// clang-format off
#include <utility>  // before Asio: awaitable.hpp uses std::exchange without including it
// clang-format on

#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdlib>
#include <optional>

namespace kenes::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool HasField(const http::Fields& fields, std::string_view name) {
  for (const auto& field : fields) {
    if (SameName(field.first, name)) return true;
  }
  return false;
}

}  // namespace

std::string_view HttpClientResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return value;
  }
  return {};
}

class HttpClient::Impl {
 public:
  Impl(uint16_t port, HttpClientOptions options) : port_(port), options_(options) {
    tls_context_.set_verify_mode(asio::ssl::verify_none);
  }

  HttpClientResponse Send(std::string_view method, std::string_view target, const http::Fields& headers,
                          std::string_view body) {
    bhttp::request<bhttp::string_body> request;
    bhttp::verb verb = bhttp::string_to_verb(method);
    if (verb == bhttp::verb::unknown) {
      request.method_string(method);
    } else {
      request.method(verb);
    }
    request.target(target);
    request.version(11);
    for (const auto& [name, value] : headers) request.insert(name, value);
    if (!HasField(headers, "Host")) request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
    request.body() = std::string(body);
    if (!HasField(headers, "Content-Length")) request.prepare_payload();

    HttpClientResponse response;
    bool done = false;
    io_.restart();
    asio::co_spawn(io_, Exchange(request, response), [&](std::exception_ptr failure) {
      done = true;
      if (!failure) return;
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        response.status = 0;
        response.error = e.what();
      }
      CloseStreams();
    });
    io_.run_for(options_.timeout);
    if (!done) {
      CloseStreams();
      io_.run();
      response = HttpClientResponse{};
      response.error = "no response within the client's timeout";
    }
    return response;
  }

  int connections_opened() const { return connections_opened_; }

  void CloseStreams() {
    boost::system::error_code ignored;
    if (tcp_) tcp_->socket().close(ignored);
    if (tls_) beast::get_lowest_layer(*tls_).socket().close(ignored);
    tcp_.reset();
    tls_.reset();
    buffer_.clear();
  }

 private:
  bool connected() const { return tcp_.has_value() || tls_.has_value(); }

  asio::awaitable<void> Connect() {
    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port_);
    ++connections_opened_;
    if (options_.tls) {
      tls_.emplace(io_, tls_context_);
      co_await beast::get_lowest_layer(*tls_).async_connect(endpoint, asio::use_awaitable);
      co_await tls_->async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    } else {
      tcp_.emplace(io_);
      co_await tcp_->async_connect(endpoint, asio::use_awaitable);
    }
  }

  template <typename Stream>
  asio::awaitable<void> Transfer(Stream& stream, const bhttp::request<bhttp::string_body>& request,
                                 HttpClientResponse& response) {
    co_await bhttp::async_write(stream, request, asio::use_awaitable);
    // Interim answers ("100 Continue" to a request sent whole anyway) come before the response.
    std::optional<bhttp::response_parser<bhttp::string_body>> parser;
    do {
      parser.emplace();
      parser->body_limit(boost::none);
      parser->skip(request.method() == bhttp::verb::head);
      co_await bhttp::async_read(stream, buffer_, *parser, asio::use_awaitable);
    } while (parser->get().result_int() / 100 == 1);
    const auto& message = parser->get();
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = message.body();
    if (!message.keep_alive()) CloseStreams();
  }

  asio::awaitable<void> TransferOnce(const bhttp::request<bhttp::string_body>& request, HttpClientResponse& response) {
    if (tls_) {
      co_await Transfer(*tls_, request, response);
    } else {
      co_await Transfer(*tcp_, request, response);
    }
  }

  asio::awaitable<void> Exchange(const bhttp::request<bhttp::string_body>& request, HttpClientResponse& response) {
    if (connected()) {
      // The server may have closed a kept-alive connection meanwhile: retry once on a new one.
      try {
        co_await TransferOnce(request, response);
        co_return;
      } catch (const boost::system::system_error&) {
        CloseStreams();
        response = HttpClientResponse{};
      }
    }
    co_await Connect();
    co_await TransferOnce(request, response);
  }

  uint16_t port_;
  HttpClientOptions options_;
  asio::io_context io_;
  asio::ssl::context tls_context_{asio::ssl::context::tls_client};
  std::optional<beast::tcp_stream> tcp_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_;
  beast::flat_buffer buffer_;
  int connections_opened_ = 0;
};

HttpClient::HttpClient(uint16_t port, HttpClientOptions options) : impl_(std::make_unique<Impl>(port, options)) {}

HttpClient::~HttpClient() = default;

HttpClientResponse HttpClient::Send(std::string_view method, std::string_view target, const http::Fields& headers,
                                    std::string_view body) {
  return impl_->Send(method, target, headers, body);
}

int HttpClient::connections_opened() const { return impl_->connections_opened(); }

void HttpClient::Close() { impl_->CloseStreams(); }

RawConnection::RawConnection(uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::Write(std::string_view bytes) {
  while (fd_ >= 0 && !bytes.empty()) {
    ssize_t written = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return fd_ >= 0;
}

bool RawConnection::ReadMore(std::string& received, std::chrono::steady_clock::time_point deadline) {
  if (fd_ < 0) return false;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd waiting{fd_, POLLIN, 0};
  if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) return false;
  char chunk[16384];
  ssize_t got = ::recv(fd_, chunk, sizeof(chunk), 0);
  if (got <= 0) {
    peer_closed_ = true;
    return false;
  }
  received.append(chunk, static_cast<size_t>(got));
  return true;
}

std::string RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string received;
  while (ReadMore(received, deadline)) {
  }
  return received;
}

std::string RawConnection::ReadResponse(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string received;
  while (true) {
    size_t head_end = received.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::string_view head(received.data(), head_end);
      size_t expected = 0;
      for (size_t line = head.find("\r\n"); line != std::string_view::npos; line = head.find("\r\n", line + 2)) {
        std::string_view field = head.substr(line + 2);
        if (field.size() > 15 && SameName(field.substr(0, 15), "content-length:")) {
          expected = std::strtoul(std::string(field.substr(15, field.find("\r\n") - 15)).c_str(), nullptr, 10);
        }
      }
      if (received.size() >= head_end + 4 + expected) return received;
    }
    if (!ReadMore(received, deadline)) return received;
  }
}

bool RawConnection::WaitClosed(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (fd_ < 0) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[16384];
    if (::recv(fd_, chunk, sizeof(chunk), 0) <= 0) return true;
  }
}

int RawStatus(std::string_view response) {
  if (!response.starts_with("HTTP/1.") || response.size() < 12) return 0;
  return std::atoi(std::string(response.substr(9, 3)).c_str());
}

std::string_view RawBody(std::string_view response) {
  size_t head_end = response.find("\r\n\r\n");
  return head_end == std::string_view::npos ? std::string_view() : response.substr(head_end + 4);
}

}  // namespace kenes::test
