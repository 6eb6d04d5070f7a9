#include "notify/webhook_url.h"

#include <fmt/format.h>

#include <charconv>

namespace kenes::notify {
namespace {

constexpr size_t kMaxUrlBytes = 2048;

bool StartsWithCaseless(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool IsHostCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'; }

}  // namespace

Result<WebhookUrl> ParseWebhookUrl(std::string_view url) {
  auto invalid = [url](std::string_view why) {
    return Status::InvalidArgument(fmt::format("webhook url '{}': {}", url.substr(0, 200), why));
  };
  if (url.size() > kMaxUrlBytes) return invalid(fmt::format("longer than {} bytes", kMaxUrlBytes));
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f)
      return invalid("spaces and control characters are not allowed");
  }
  WebhookUrl parsed;
  std::string_view rest;
  if (StartsWithCaseless(url, "https://")) {
    parsed.tls = true;
    parsed.port = 443;
    rest = url.substr(8);
  } else if (StartsWithCaseless(url, "http://")) {
    rest = url.substr(7);
  } else {
    return invalid("only http:// and https:// URLs are delivered to");
  }
  size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view target = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (size_t fragment = target.find('#'); fragment != std::string_view::npos) target = target.substr(0, fragment);
  if (authority.find('@') != std::string_view::npos) return invalid("credentials in the URL are not allowed");
  std::string_view port_text;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return invalid("an IPv6 address needs its closing ']'");
    parsed.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return invalid("unexpected text after the IPv6 address");
    has_port = !after.empty();
    if (has_port) port_text = after.substr(1);
    if (parsed.host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos) {
      return invalid("not an IPv6 address");
    }
  } else {
    size_t colon = authority.find(':');
    parsed.host = std::string(authority.substr(0, colon));
    has_port = colon != std::string_view::npos;
    if (has_port) port_text = authority.substr(colon + 1);
    for (char c : parsed.host) {
      if (!IsHostCharacter(c)) return invalid("the host has characters a host name cannot have");
    }
  }
  if (parsed.host.empty()) return invalid("no host");
  if (has_port) {
    unsigned port = 0;
    auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return invalid("the port must be a number from 1 to 65535");
    }
    parsed.port = static_cast<uint16_t>(port);
  }
  parsed.target = target.empty() || target.front() == '?' ? "/" + std::string(target) : std::string(target);
  return parsed;
}

}  // namespace kenes::notify
