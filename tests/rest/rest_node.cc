#include "rest/rest_node.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cctype>

#include "share/default_community.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::rest {

RestNode::RestNode(const std::vector<share::OrganisationSpec>& organisations, ApiOptions options,
                   http::ServerOptions server_options, const Preparation& prepare) {
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
  sessions_ = std::make_unique<http::SessionBook>(*community_);
  options.sessions = sessions_.get();
  if (prepare) prepare(*store_, *community_, directory_, options);
  api_ = std::make_unique<Api>(*store_, *community_, std::move(options));
  api_->Register(router_);
  authenticator_ = std::make_unique<http::Authenticator>(*community_, http::AuthenticatorOptions{},
                                                         store::SystemClock(), sessions_.get());

  server_options.address = "127.0.0.1";
  server_options.port = 0;
  server_options.threads = 2;
  server_options.io_threads = 1;
  server_options.access_log = [](std::string_view) {};
  server_options.error_log = [](std::string_view line) { fmt::print(stderr, "server: {}\n", line); };
  server_ = std::make_unique<http::Server>(server_options, router_, metrics_,
                                           [this](const http::Request& request) { return Authenticate(request); });
  Status started = server_->Start();
  EXPECT_TRUE(started.ok()) << started.ToString();
  client_ = std::make_unique<test::HttpClient>(started.ok() ? server_->port() : 0);
}

RestNode::~RestNode() {
  client_.reset();
  if (server_) server_->Stop();
  server_.reset();
  api_.reset();
  authenticator_.reset();
  sessions_.reset();
  community_.reset();
  store_.reset();
  std::filesystem::remove_all(directory_);
}

TestUser RestNode::AddUser(const std::string& name, const std::string& code, share::Role role) {
  share::Principal node_operator = share::NodeOperator("test");
  Status added = community_->AddUser(node_operator, share::User{name, code, role, false, false}, std::nullopt);
  EXPECT_TRUE(added.ok()) << added.ToString();
  Result<share::Principal> principal = community_->ActAs(name, "test");
  EXPECT_TRUE(principal.ok()) << principal.status().ToString();
  Result<std::string> key = community_->CreateKey(node_operator, share::NewKey{name, std::nullopt, "rest test"});
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return TestUser{principal.ok() ? *principal : share::Principal{}, key.ok() ? *key : ""};
}

TestUser RestNode::AddOutsider(const std::string& organisation_id, share::Role role) {
  TestUser outsider{share::Principal{"outsider", organisation_id, role, "test"},
                    fmt::format("outsider-{}", outsiders_.size())};
  outsiders_[outsider.token] = outsider.principal;
  return outsider;
}

http::AuthResult RestNode::Authenticate(const http::Request& request) {
  std::string_view credentials = request.Header("Authorization");
  if (credentials.starts_with("Bearer ")) {
    auto outsider = outsiders_.find(credentials.substr(7));
    if (outsider != outsiders_.end()) return http::AuthResult{outsider->second, Status::Ok(), {}, {}};
  }
  return authenticator_->Authenticate(request);
}

http::Response RestNode::Send(const TestUser* user, http::Method method, std::string_view target, std::string_view body,
                              const http::Fields& headers) {
  http::Fields sent = headers;
  if (user != nullptr) sent.emplace_back("Authorization", "Bearer " + user->token);
  test::HttpClientResponse reply = client_->Send(http::MethodName(method), target, sent, body);
  EXPECT_NE(reply.status, 0) << http::MethodName(method) << " " << target << ": " << reply.error;
  http::Response response;
  response.status = reply.status;
  response.headers = std::move(reply.headers);
  response.body = std::move(reply.body);
  return response;
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

std::string QueryEscape(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

}  // namespace kenes::rest
