// WebhookReceiver: a scripted HTTP receiver on 127.0.0.1 (a free port) for
// webhook tests, on plain sockets so it shares nothing with the code under
// test. Each request it reads gets the next answer of its script (the last
// one repeats): a status to answer with, or kSilent to read the request
// and never answer. It records every request it read.
//
// Thread-safety: requests() and WaitForRequests may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kenes::notify {

struct ReceivedRequest {
  std::string request_line;                    // "POST /hook HTTP/1.1"
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  std::chrono::steady_clock::time_point arrived;
};

// A socket listening on 127.0.0.1 at a free port, which it sets.
int ListenOnLoopback(uint16_t& port);

class WebhookReceiver {
 public:
  static constexpr int kSilent = 0;

  explicit WebhookReceiver(std::vector<int> script);
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  uint16_t port() const { return port_; }
  std::string Url(const std::string& path = "/hook") const;
  std::vector<ReceivedRequest> requests();
  // Waits until `count` requests arrived or `timeout` passed; whether they did.
  bool WaitForRequests(size_t count, std::chrono::milliseconds timeout);

 private:
  void Serve();
  void Answer(int connection);

  std::vector<int> script_;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<ReceivedRequest> requests_;
  std::vector<int> silent_connections_;  // held open until the receiver stops
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kenes::notify
