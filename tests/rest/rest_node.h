// RestNode: a Kenes node for REST API tests — a fresh data directory with a
// real SqliteStore and Community, the REST API on an http::Server listening
// on 127.0.0.1 (a free port), and users to call it as over real HTTP.
//
// Users authenticate with API keys through the server's Authenticator, as
// any client does, or sign in for a session cookie (http/session_book.h),
// as browsers do. An outsider (an organisation the community does not
// know, which the sharing matrix needs) cannot hold a key, so the node also
// accepts a bearer token it handed out for one; nothing else takes that way.
// A test reads responses as JSON through JsonBody.
#pragma once

#include <simdjson.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/authenticator.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/session_book.h"
#include "rest/api.h"
#include "share/community.h"
#include "store/store.h"
#include "support/http_client.h"

namespace kenes::rest {

struct TestUser {
  share::Principal principal;
  std::string token;  // sent as "Authorization: Bearer <token>"
};

class RestNode {
 public:
  // Completes the API's options once the node's store and community exist,
  // for what is built on them; `directory` is the node's data directory.
  using Preparation = std::function<void(store::Store& store, share::Community& community,
                                         const std::filesystem::path& directory, ApiOptions& options)>;

  // Founds `organisations` as the community (the default community when
  // empty) and starts serving with `server` (its address, port, threads and
  // logs are the node's).
  explicit RestNode(const std::vector<share::OrganisationSpec>& organisations = {}, ApiOptions options = {},
                    http::ServerOptions server = {}, const Preparation& prepare = {});
  ~RestNode();
  RestNode(const RestNode&) = delete;
  RestNode& operator=(const RestNode&) = delete;

  // Adds user `name` of organisation `code` with `role`, and an API key for it.
  TestUser AddUser(const std::string& name, const std::string& code, share::Role role);
  // A user of `organisation_id`, which the community does not know, with `role`.
  TestUser AddOutsider(const std::string& organisation_id, share::Role role);

  // `method` `target` (path and query, as sent) as `user` (nullptr: anonymous), over HTTP.
  http::Response Send(const TestUser* user, http::Method method, std::string_view target, std::string_view body = {},
                      const http::Fields& headers = {});
  http::Response Get(const TestUser& user, std::string_view target) { return Send(&user, http::Method::kGet, target); }
  http::Response Post(const TestUser& user, std::string_view target, std::string_view body) {
    return Send(&user, http::Method::kPost, target, body);
  }
  http::Response Put(const TestUser& user, std::string_view target, std::string_view body) {
    return Send(&user, http::Method::kPut, target, body);
  }

  // Where the node listens on 127.0.0.1, for tests with clients of their own (Send uses one client).
  uint16_t port() const { return server_->port(); }
  store::Store& store() { return *store_; }
  share::Community& community() { return *community_; }
  const http::Router& router() const { return router_; }
  // How many versions the API reported stored through ApiOptions::on_stored.
  size_t stored() const { return stored_; }

 private:
  http::AuthResult Authenticate(const http::Request& request);

  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<share::Community> community_;
  std::unique_ptr<http::SessionBook> sessions_;
  std::unique_ptr<Api> api_;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::Authenticator> authenticator_;
  std::map<std::string, share::Principal, std::less<>> outsiders_;  // by token; fixed once serving
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<test::HttpClient> client_;
  std::atomic<size_t> stored_ = 0;
};

// A response body parsed as JSON; `root` stays valid while this lives.
class JsonBody {
 public:
  explicit JsonBody(std::string_view text);

  bool ok() const { return ok_; }
  simdjson::dom::element root() const { return root_; }
  // The string at `pointer` (RFC 6901), empty when none.
  std::string String(std::string_view pointer) const;
  // The strings at `item_pointer` in each element of the array at `array_pointer`:
  // Strings("/objects", "/id") lists the ids of a search page.
  std::vector<std::string> Strings(std::string_view array_pointer, std::string_view item_pointer) const;

 private:
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
  bool ok_ = false;
};

// The JSON text of a create or revise body: {"object": <object_json>, ...extra}.
std::string WriteBody(std::string_view object_json, std::string_view extra = {});

// `value` percent-encoded for a query string.
std::string QueryEscape(std::string_view value);

}  // namespace kenes::rest
