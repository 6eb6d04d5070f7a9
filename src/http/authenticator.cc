#include "http/authenticator.h"

#include <sodium.h>

#include <algorithm>

#include "share/api_key.h"

namespace kenes::http {
namespace {

constexpr std::string_view kInvalidCredentials = "invalid credentials";

// Methods that change nothing, by the HTTP specification and by Kenes' routes.
bool IsSafe(Method method) { return method == Method::kGet || method == Method::kHead || method == Method::kOptions; }

bool StartsWithScheme(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() || header[scheme.size()] != ' ') return false;
  return std::equal(scheme.begin(), scheme.end(), header.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(b); });
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace

Authenticator::Authenticator(share::Community& community, AuthenticatorOptions options, store::Clock& clock,
                             SessionBook* sessions)
    : community_(community), options_(options), clock_(clock), sessions_(sessions), throttle_(options.throttle) {}

AuthResult Authenticator::Authenticate(const Request& request) {
  std::string_view header = request.Header("Authorization");
  std::string client = ClientAddress(request.remote);
  if (header.empty()) {
    std::string_view token = sessions_ != nullptr ? SessionBook::TokenOf(request) : std::string_view();
    if (token.empty()) return {};
    return AuthenticateSession(request, token, client);
  }
  std::string source = "http " + client;
  std::string api_key;
  std::optional<std::string> basic_user;
  if (StartsWithScheme(header, "Bearer")) {
    api_key = std::string(header.substr(7));
  } else if (StartsWithScheme(header, "Basic")) {
    std::optional<std::string> decoded = DecodeBase64(header.substr(6));
    size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) return Refuse(client, Status::Unauthenticated(std::string(kInvalidCredentials)));
    basic_user = decoded->substr(0, colon);
    api_key = decoded->substr(colon + 1);
  } else {
    return Refuse(client, Status::Unauthenticated(std::string(kInvalidCredentials)));
  }
  Result<share::Principal> principal = PrincipalOfKey(api_key, source);
  if (!principal.ok()) return Refuse(client, principal.status());
  if (basic_user && *basic_user != principal->user) {
    // The key is good but not this user's: refused like any other mismatch.
    return Refuse(client, Status::Unauthenticated(std::string(kInvalidCredentials)));
  }
  // Failures are not forgiven by a success: they expire with their window,
  // so one good key cannot shield guessing at others.
  return AuthResult{std::move(principal).value(), Status::Ok(), {}, {}};
}

AuthResult Authenticator::AuthenticateSession(const Request& request, std::string_view token,
                                              const std::string& client) {
  Result<Session> session = sessions_->Find(token, "http " + client);
  if (!session.ok()) {
    AuthResult refused = Refuse(client, session.status());
    refused.headers.emplace_back("Set-Cookie", sessions_->ClearCookie());
    return refused;
  }
  if (!IsSafe(request.method) && !SessionBook::CarriesCsrfToken(request, *session)) {
    return AuthResult{std::nullopt,
                      Status::PermissionDenied(
                          "a request signed in by the session cookie must carry the session's X-CSRF-Token header "
                          "(GET /api/v1/session gives it)"),
                      {},
                      {}};
  }
  return AuthResult{std::move(session->principal), Status::Ok(), {}, {}};
}

Result<share::Principal> Authenticator::PrincipalOfKey(const std::string& api_key, const std::string& source) {
  std::string hash = share::ApiKeyHash(api_key);
  KENES_ASSIGN_OR_RETURN(uint64_t generation, community_.Generation());
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    if (generation != generation_) {
      keys_.clear();
      generation_ = generation;
    }
    auto found = keys_.find(hash);
    if (found != keys_.end()) {
      const CachedKey& cached = found->second;
      bool expired = cached.expires && cached.expires->TotalMicroseconds() <= clock_.Now().TotalMicroseconds();
      if (!expired && now < cached.cached_until) {
        share::Principal principal = cached.principal;
        principal.source = source;
        return principal;
      }
      keys_.erase(found);
    }
  }
  // A miss asks the community, which audits the use (or the refusal).
  KENES_ASSIGN_OR_RETURN(share::AuthenticatedKey key, community_.AuthenticateKey(api_key, source));
  // Our own audit entry moved the generation; the cache stays valid for it.
  KENES_ASSIGN_OR_RETURN(uint64_t after, community_.Generation());
  std::lock_guard lock(mutex_);
  if (generation_ == generation) {
    generation_ = after;
    keys_[hash] = CachedKey{key.principal, key.expires, now + options_.cache_ttl};
  }
  return key.principal;
}

AuthResult Authenticator::Refuse(const std::string& client, Status status) {
  // Another status (the community's database failing) is not the caller's fault: pass it on as it is.
  return AuthResult{std::nullopt, std::move(status), throttle_.Fail(client), {}};
}

}  // namespace kenes::http
