// SessionBook: the signed-in browsers, kept on the server.
//
// A person signs in with user name and password (Community::AuthenticatePassword,
// Argon2id) and gets a session: a random 256-bit token the browser keeps in a
// cookie (`HttpOnly; SameSite=Strict; Path=/`, and `Secure` when the node
// speaks TLS), and a second random token against cross-site request forgery
// that the web UI sends in the `X-CSRF-Token` header of every state-changing
// request (the authenticator checks it; a page of another site can make the
// browser send the cookie but cannot read the token). Only hashes of the
// tokens are kept, in memory: a restart signs everyone out.
//
// A session ends when it has been idle for `idle_timeout`, when it is
// `absolute_timeout` old, when its user signs out, and when its user is
// disabled or removed (checked whenever the community changes, so within
// Community::kOtherProcessLag of a `kenes user disable` in another process).
// Every refusal of a token reads "invalid credentials", like the
// authenticator's. Sign-in failures are throttled per client address
// (failure_throttle.h): while a penalty runs, no password is checked.
//
// Thread-safety: every method may be called from any number of threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "base/timestamp.h"
#include "http/failure_throttle.h"
#include "http/message.h"
#include "share/community.h"
#include "store/clock.h"

namespace kenes::http {

struct SessionOptions {
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 60 * 60};
  size_t max_sessions = 10000;  // beyond: the least recently used session ends
  bool secure_cookie = false;   // add `Secure` to the cookie (the node speaks TLS)
  ThrottleOptions throttle;     // of sign-in failures
};

struct Session {
  std::string token;       // the cookie's value; only given out by Open
  std::string csrf_token;  // required in X-CSRF-Token on state-changing requests
  share::Principal principal;
  Timestamp expires;  // the absolute end; idleness may end it sooner
};

class SessionBook {
 public:
  static constexpr std::string_view kCookieName = "kenes_session";
  static constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

  // `community` and `clock` must outlive the book.
  explicit SessionBook(share::Community& community, SessionOptions options = {},
                       store::Clock& clock = store::SystemClock());

  // Signs `user` in with `password` from `remote` ("address:port"): a new
  // session. Unauthenticated("invalid credentials") for any wrong name or
  // password; ResourceExhausted while the address serves a penalty for
  // earlier failures.
  Result<Session> Open(std::string_view user, std::string_view password, std::string_view remote);
  // The live session holding `token`, its idle time restarted; its
  // principal's source is `source`. Unauthenticated("invalid credentials")
  // when unknown, ended, or its user disabled.
  Result<Session> Find(std::string_view token, std::string_view source);
  // Ends the session holding `token`, if any.
  void Close(std::string_view token);

  // The session token in `request`'s Cookie header; empty when none.
  static std::string_view TokenOf(const Request& request);
  // True when `request` carries `session`'s CSRF token (compared in constant time).
  static bool CarriesCsrfToken(const Request& request, const Session& session);
  // The Set-Cookie value that gives the browser `session`.
  std::string SetCookie(const Session& session) const;
  // The Set-Cookie value that makes the browser forget its session cookie.
  std::string ClearCookie() const;

 private:
  struct Entry {
    Session session;  // token empty: only its hash, the key, is kept
    int64_t last_used_us = 0;
  };

  // Drops sessions of users disabled or gone since the community last changed.
  // REQUIRES: mutex_ not held.
  Status FollowCommunity();
  // REQUIRES: mutex_ held.
  void EvictLeastRecentlyUsed();

  share::Community& community_;
  SessionOptions options_;
  store::Clock& clock_;
  FailureThrottle throttle_;

  std::mutex mutex_;
  uint64_t generation_ = 0;                          // of the community when the sessions' users were last checked
  std::unordered_map<std::string, Entry> sessions_;  // by the hash of the token
};

}  // namespace kenes::http
