// RestNode: a Kenes node for REST API tests — a fresh data directory with a
// real SqliteStore and Community, the REST API on a Router, and users to
// call it as.
//
// Send() calls the API the way the server does: the route is found, the
// request carries the user's principal, the handler answers. A test reads
// the response as JSON through JsonBody.
#pragma once

#include <simdjson.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "http/router.h"
#include "rest/api.h"
#include "share/community.h"
#include "store/store.h"

namespace kenes::rest {

struct TestUser {
  share::Principal principal;
};

class RestNode {
 public:
  // Founds `organisations` as the community (the default community when empty).
  explicit RestNode(const std::vector<share::OrganisationSpec>& organisations = {}, ApiOptions options = {});
  ~RestNode();
  RestNode(const RestNode&) = delete;
  RestNode& operator=(const RestNode&) = delete;

  // Adds user `name` of organisation `code` with `role`.
  TestUser AddUser(const std::string& name, const std::string& code, share::Role role);
  // A user of an organisation the community does not know (an outsider), with `role`.
  static TestUser Outsider(const std::string& organisation_id, share::Role role);

  // `method` `target` (path and query) as `user` (nullptr: anonymous).
  http::Response Send(const TestUser* user, http::Method method, std::string_view target, std::string_view body = {});
  http::Response Get(const TestUser& user, std::string_view target) { return Send(&user, http::Method::kGet, target); }
  http::Response Post(const TestUser& user, std::string_view target, std::string_view body) {
    return Send(&user, http::Method::kPost, target, body);
  }
  http::Response Put(const TestUser& user, std::string_view target, std::string_view body) {
    return Send(&user, http::Method::kPut, target, body);
  }

  store::Store& store() { return *store_; }
  share::Community& community() { return *community_; }
  const http::Router& router() const { return router_; }
  // How many versions the API reported stored through ApiOptions::on_stored.
  size_t stored() const { return stored_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<share::Community> community_;
  std::unique_ptr<Api> api_;
  http::Router router_;
  size_t stored_ = 0;
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

}  // namespace kenes::rest
