#include "http/session_book.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <unordered_set>
#include <vector>

namespace kenes::http {
namespace {

constexpr std::string_view kInvalidCredentials = "invalid credentials";

Status InvalidCredentials() { return Status::Unauthenticated(std::string(kInvalidCredentials)); }

// 256 random bits, URL-safe base64 without padding (a valid cookie value).
std::string RandomToken() {
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

// The key a session is kept under: a token read from memory is of no use to a thief.
std::string TokenHash(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

int64_t Microseconds(std::chrono::seconds duration) { return duration.count() * 1'000'000; }

}  // namespace

SessionBook::SessionBook(share::Community& community, SessionOptions options, store::Clock& clock)
    : community_(community), options_(options), clock_(clock), throttle_(options.throttle) {}

Result<Session> SessionBook::Open(std::string_view user, std::string_view password, std::string_view remote) {
  std::string client = ClientAddress(remote);
  std::chrono::milliseconds wait = throttle_.Remaining(client);
  if (wait.count() > 0) {
    return Status::ResourceExhausted(
        fmt::format("too many failed sign-ins from {}: try again in {} s", client, (wait.count() + 999) / 1000));
  }
  Result<share::Principal> principal = community_.AuthenticatePassword(user, password, "http " + client);
  if (!principal.ok()) {
    if (principal.status().code() == StatusCode::kUnauthenticated) throttle_.Fail(client);
    return principal.status();
  }
  int64_t now = clock_.Now().TotalMicroseconds();
  Session session{RandomToken(), RandomToken(), std::move(principal).value(),
                  TimestampFromMicroseconds(now + Microseconds(options_.absolute_timeout))};
  std::lock_guard lock(mutex_);
  if (sessions_.size() >= options_.max_sessions) EvictLeastRecentlyUsed();
  Entry entry{session, now};
  entry.session.token.clear();
  sessions_.emplace(TokenHash(session.token), std::move(entry));
  return session;
}

Result<Session> SessionBook::Find(std::string_view token, std::string_view source) {
  KENES_RETURN_IF_ERROR(FollowCommunity());
  int64_t now = clock_.Now().TotalMicroseconds();
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(TokenHash(token));
  if (found == sessions_.end()) return InvalidCredentials();
  Entry& entry = found->second;
  if (now >= entry.session.expires.TotalMicroseconds() ||
      now - entry.last_used_us >= Microseconds(options_.idle_timeout)) {
    sessions_.erase(found);
    return InvalidCredentials();
  }
  entry.last_used_us = now;
  Session session = entry.session;
  session.token = std::string(token);
  session.principal.source = std::string(source);
  return session;
}

void SessionBook::Close(std::string_view token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(TokenHash(token));
}

Status SessionBook::FollowCommunity() {
  KENES_ASSIGN_OR_RETURN(uint64_t generation, community_.Generation());
  {
    std::lock_guard lock(mutex_);
    if (generation == generation_) return Status::Ok();
  }
  KENES_ASSIGN_OR_RETURN(std::vector<share::User> users, community_.Users(share::NodeOperator("http sessions")));
  std::unordered_set<std::string> active;
  for (const share::User& user : users) {
    if (!user.disabled) active.insert(user.name);
  }
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& item) { return !active.contains(item.second.session.principal.user); });
  generation_ = generation;
  return Status::Ok();
}

void SessionBook::EvictLeastRecentlyUsed() {
  auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
    return a.second.last_used_us < b.second.last_used_us;
  });
  if (oldest != sessions_.end()) sessions_.erase(oldest);
}

std::string_view SessionBook::TokenOf(const Request& request) {
  std::string_view cookies = request.Header("Cookie");
  while (!cookies.empty()) {
    size_t end = cookies.find(';');
    std::string_view pair = cookies.substr(0, end);
    cookies = end == std::string_view::npos ? std::string_view() : cookies.substr(end + 1);
    pair.remove_prefix(std::min(pair.find_first_not_of(' '), pair.size()));
    if (pair.starts_with(kCookieName) && pair.size() > kCookieName.size() && pair[kCookieName.size()] == '=') {
      return pair.substr(kCookieName.size() + 1);
    }
  }
  return {};
}

bool SessionBook::CarriesCsrfToken(const Request& request, const Session& session) {
  std::string_view sent = request.Header(kCsrfHeader);
  return sent.size() == session.csrf_token.size() &&
         sodium_memcmp(sent.data(), session.csrf_token.data(), sent.size()) == 0;
}

std::string SessionBook::SetCookie(const Session& session) const {
  // No Max-Age: the browser forgets the cookie when it closes; the server ends the session anyway.
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kCookieName, session.token,
                     options_.secure_cookie ? "; Secure" : "");
}

std::string SessionBook::ClearCookie() const {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", kCookieName,
                     options_.secure_cookie ? "; Secure" : "");
}

}  // namespace kenes::http
