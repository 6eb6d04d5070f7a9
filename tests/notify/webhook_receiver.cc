#include "notify/webhook_receiver.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace kenes::notify {
namespace {

// Reads until `request` holds a head and the body its Content-Length says; false if the peer went first.
bool ReadRequest(int connection, ReceivedRequest& request) {
  std::string received;
  size_t head_end = std::string::npos;
  size_t body_size = 0;
  for (;;) {
    if (head_end == std::string::npos) {
      head_end = received.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::string head = received.substr(0, head_end);
        size_t line_end = head.find("\r\n");
        request.request_line = head.substr(0, line_end);
        size_t position = line_end == std::string::npos ? head.size() : line_end + 2;
        while (position < head.size()) {
          size_t end = head.find("\r\n", position);
          if (end == std::string::npos) end = head.size();
          std::string line = head.substr(position, end - position);
          size_t colon = line.find(':');
          if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            size_t value = line.find_first_not_of(' ', colon + 1);
            request.headers[name] = value == std::string::npos ? "" : line.substr(value);
          }
          position = end + 2;
        }
        body_size = std::strtoul(request.headers["content-length"].c_str(), nullptr, 10);
      }
    }
    if (head_end != std::string::npos && received.size() >= head_end + 4 + body_size) {
      request.body = received.substr(head_end + 4, body_size);
      return true;
    }
    char buffer[4096];
    ssize_t got = ::read(connection, buffer, sizeof(buffer));
    if (got <= 0) return false;
    received.append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace

int ListenOnLoopback(uint16_t& port) {
  int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  ::listen(listener, 16);
  socklen_t size = sizeof(address);
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return listener;
}

WebhookReceiver::WebhookReceiver(std::vector<int> script) : script_(std::move(script)) {
  listener_ = ListenOnLoopback(port_);
  thread_ = std::thread([this] { Serve(); });
}

WebhookReceiver::~WebhookReceiver() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  thread_.join();
  ::close(listener_);
  for (int connection : silent_connections_) ::close(connection);
}

std::string WebhookReceiver::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> WebhookReceiver::requests() {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool WebhookReceiver::WaitForRequests(size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

void WebhookReceiver::Serve() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection >= 0) Answer(connection);
  }
}

void WebhookReceiver::Answer(int connection) {
  ReceivedRequest request;
  if (!ReadRequest(connection, request)) {
    ::close(connection);
    return;
  }
  request.arrived = std::chrono::steady_clock::now();
  int status = 0;
  {
    std::lock_guard lock(mutex_);
    status = script_.empty() ? 200 : script_[std::min(requests_.size(), script_.size() - 1)];
    requests_.push_back(std::move(request));
    if (status == kSilent) silent_connections_.push_back(connection);
  }
  arrived_.notify_all();
  if (status == kSilent) return;
  std::string answer =
      "HTTP/1.1 " + std::to_string(status) + " Scripted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
  (void)::write(connection, answer.data(), answer.size());
  ::close(connection);
}

}  // namespace kenes::notify
