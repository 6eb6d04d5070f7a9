#include "rest/rest_node.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "share/default_community.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::rest {

RestNode::RestNode(const std::vector<share::OrganisationSpec>& organisations, ApiOptions options) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kenes-rest-XXXXXX").string();
  EXPECT_NE(mkdtemp(pattern.data()), nullptr);
  directory_ = pattern;
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(directory_ / "kenes.db", {});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
  Result<std::unique_ptr<share::Community>> community =
      share::Community::Open(share::Community::FileIn(directory_), *store_);
  EXPECT_TRUE(community.ok()) << community.status().ToString();
  community_ = std::move(community).value();
  Result<size_t> founded =
      community_->Found(share::NodeOperator("test"), organisations.empty() ? share::DefaultCommunity() : organisations);
  EXPECT_TRUE(founded.ok()) << founded.status().ToString();
  options.on_stored = [this](size_t stored) { stored_ += stored; };
  api_ = std::make_unique<Api>(*store_, *community_, std::move(options));
  api_->Register(router_);
}

RestNode::~RestNode() {
  api_.reset();
  community_.reset();
  store_.reset();
  std::filesystem::remove_all(directory_);
}

TestUser RestNode::AddUser(const std::string& name, const std::string& code, share::Role role) {
  share::Principal operator_principal = share::NodeOperator("test");
  Status added = community_->AddUser(operator_principal, share::User{name, code, role, false, false}, std::nullopt);
  EXPECT_TRUE(added.ok()) << added.ToString();
  Result<share::Principal> principal = community_->ActAs(name, "test");
  EXPECT_TRUE(principal.ok()) << principal.status().ToString();
  return TestUser{principal.ok() ? *principal : share::Principal{}};
}

TestUser RestNode::Outsider(const std::string& organisation_id, share::Role role) {
  return TestUser{share::Principal{"outsider", organisation_id, role, "test"}};
}

http::Response RestNode::Send(const TestUser* user, http::Method method, std::string_view target,
                              std::string_view body) {
  // The server's work for a request: the target split and decoded, the principal set.
  std::string_view path = target.substr(0, target.find('?'));
  std::string_view query = target.substr(std::min(target.size(), path.size() + 1));
  http::Request request;
  request.method = method;
  request.target = target;
  request.path = http::PercentDecode(path, false).value_or("");
  request.query = http::ParseQuery(query).value_or(http::Fields{});
  request.body = body;
  if (user != nullptr) request.principal = user->principal;
  http::Response error;
  const http::RouteInfo* route = router_.Find(request, error);
  if (route == nullptr) return error;
  if (route->auth == http::Auth::kRequired && !request.principal) {
    return router_.Error(request.path, 401, "Unauthorized", "authentication required");
  }
  return router_.Call(route, request);
}

JsonBody::JsonBody(std::string_view text) {
  simdjson::padded_string padded(text);
  ok_ = parser_.parse(padded).get(root_) == simdjson::SUCCESS;
}

std::string JsonBody::String(std::string_view pointer) const {
  std::string_view value;
  if (!ok_ || root_.at_pointer(pointer).get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

std::vector<std::string> JsonBody::Strings(std::string_view array_pointer, std::string_view item_pointer) const {
  std::vector<std::string> values;
  simdjson::dom::array items;
  if (!ok_ || root_.at_pointer(array_pointer).get(items) != simdjson::SUCCESS) return values;
  for (simdjson::dom::element item : items) {
    std::string_view value;
    if (item.at_pointer(item_pointer).get(value) == simdjson::SUCCESS) values.emplace_back(value);
  }
  return values;
}

std::string WriteBody(std::string_view object_json, std::string_view extra) {
  std::string body = "{\"object\":";
  body += object_json;
  if (!extra.empty()) {
    body += ',';
    body += extra;
  }
  body += '}';
  return body;
}

}  // namespace kenes::rest
