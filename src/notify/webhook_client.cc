#include "notify/webhook_client.h"

// clang-format off
#include <utility>  // before Asio: awaitable.hpp uses std::exchange without including it
// clang-format on

#include <fmt/format.h>
#include <openssl/ssl.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <exception>
#include <optional>
#include <stdexcept>

namespace kenes::notify {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;

// A receiver's answer is not read for content: this much is plenty to parse its status.
constexpr size_t kMaxAnswerBytes = 64 * 1024;

using Headers = std::vector<std::pair<std::string, std::string>>;

template <typename Stream>
asio::awaitable<void> Exchange(Stream& stream, const bhttp::request<bhttp::string_body>& request,
                               PostOutcome& outcome) {
  co_await bhttp::async_write(stream, request, asio::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
  outcome.status = static_cast<int>(parser.get().result_int());
}

}  // namespace

class WebhookClient::Impl {
 public:
  explicit Impl(WebhookClientOptions options) : options_(std::move(options)) {
    boost::system::error_code ignored;
    tls_.set_verify_mode(asio::ssl::verify_peer);
    if (options_.ca_file.empty()) {
      tls_.set_default_verify_paths(ignored);
    } else {
      tls_.load_verify_file(options_.ca_file, ca_error_);
    }
  }

  PostOutcome Post(const WebhookUrl& url, const Headers& headers, const std::string& body) {
    PostOutcome outcome;
    if (url.tls && ca_error_) {
      outcome.error = fmt::format("cannot read the trust anchors {}: {}", options_.ca_file, ca_error_.message());
      return outcome;
    }
    bhttp::request<bhttp::string_body> request(bhttp::verb::post, url.target, 11);
    const bool default_port = url.port == (url.tls ? 443 : 80);
    const std::string host = url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
    request.set(bhttp::field::host, default_port ? host : fmt::format("{}:{}", host, url.port));
    request.set(bhttp::field::user_agent, "Kenes-Webhook/1");
    request.set(bhttp::field::content_type, "application/json");
    request.set(bhttp::field::connection, "close");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();

    asio::io_context io;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
    bool done = false;
    auto run = [&]() -> asio::awaitable<void> {
      tcp::resolver resolver(io);
      auto endpoints = co_await resolver.async_resolve(url.host, std::to_string(url.port), asio::use_awaitable);
      if (url.tls) {
        secure.emplace(io, tls_);  // configured once, then only used: safe to share
        if (!SSL_set_tlsext_host_name(secure->native_handle(), url.host.c_str())) {
          throw std::runtime_error("cannot set the TLS server name");
        }
        secure->set_verify_callback(asio::ssl::host_name_verification(url.host));
        co_await beast::get_lowest_layer(*secure).async_connect(endpoints, asio::use_awaitable);
        co_await secure->async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
        co_await Exchange(*secure, request, outcome);
      } else {
        plain.emplace(io);
        co_await plain->async_connect(endpoints, asio::use_awaitable);
        co_await Exchange(*plain, request, outcome);
      }
    };
    asio::co_spawn(io, run(), [&](std::exception_ptr failure) {
      done = true;
      if (!failure) return;
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        outcome.status = 0;
        outcome.error = e.what();
      }
    });
    io.run_for(options_.timeout);
    if (!done) {
      // Closing the sockets ends the pending operations; running again lets
      // them finish before the streams they use are destroyed.
      boost::system::error_code ignored;
      if (plain) plain->socket().close(ignored);
      if (secure) beast::get_lowest_layer(*secure).socket().close(ignored);
      io.run();
      outcome = PostOutcome{};
      outcome.error = fmt::format("no answer within {} ms", options_.timeout.count());
    }
    return outcome;
  }

 private:
  WebhookClientOptions options_;
  asio::ssl::context tls_{asio::ssl::context::tls_client};
  boost::system::error_code ca_error_;
};

WebhookClient::WebhookClient(WebhookClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

WebhookClient::~WebhookClient() = default;

PostOutcome WebhookClient::Post(const WebhookUrl& url, const Headers& headers, const std::string& body) {
  return impl_->Post(url, headers, body);
}

}  // namespace kenes::notify
