// WebhookUrl: where a webhook delivers, parsed and checked when it is
// registered: http or https only (no file:, no gopher:, no redirects
// followed), a host, an optional port, no user name or password in it.
//
// The risk a URL carries: the node POSTs to whatever address it names, from
// inside the network the node runs in, so an org-admin could aim it at an
// internal service (a cloud metadata endpoint, an admin console on
// localhost). Only the node's administrators and org-admins may register
// webhooks, every delivery is recorded with the address it went to, and a
// delivery sends nothing but a signed notice the organisation could read
// anyway; a node that must not reach its own network should put its
// outgoing traffic through a firewall rule or egress proxy that only allows
// the receivers it trusts.
//
// Plain value type and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::notify {

struct WebhookUrl {
  bool tls = false;    // https
  std::string host;    // a name or an address; IPv6 without its brackets
  uint16_t port = 80;  // 443 for https unless given
  std::string target;  // path and query, at least "/"
};

// InvalidArgument saying what is wrong with `url`.
Result<WebhookUrl> ParseWebhookUrl(std::string_view url);

}  // namespace kenes::notify
