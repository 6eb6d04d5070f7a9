// WebhookClient: one POST of a JSON body to a webhook's URL, over HTTP or
// HTTPS, with a deadline for the whole exchange (resolving, connecting, the
// TLS handshake, writing, reading the answer).
//
// HTTPS verifies the receiver's certificate chain against the system's
// trust store (or `ca_file`) and its name against the URL's host (SNI is
// sent). Redirects are not followed: a 3xx is an answer like any other.
// The answer's body is read up to a small limit and dropped.
//
// Thread-safety: Post may be called from any number of threads at once;
// each call has its own connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "notify/webhook_url.h"

namespace kenes::notify {

struct WebhookClientOptions {
  std::chrono::milliseconds timeout{10'000};  // for each Post, from resolving to the last byte of the answer
  std::string ca_file;                        // PEM trust anchors for https; empty: the system's
};

struct PostOutcome {
  int status = 0;     // the HTTP status; 0 when no answer came (see error)
  std::string error;  // why no answer came: refused, timed out, certificate not trusted...
};

class WebhookClient {
 public:
  explicit WebhookClient(WebhookClientOptions options = {});
  ~WebhookClient();
  WebhookClient(const WebhookClient&) = delete;
  WebhookClient& operator=(const WebhookClient&) = delete;

  // POSTs `body` as application/json to `url` with `headers` added.
  PostOutcome Post(const WebhookUrl& url, const std::vector<std::pair<std::string, std::string>>& headers,
                   const std::string& body);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kenes::notify
