#include "taxii/taxii_fixture.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <strings.h>

#include "taxii/media_types.h"

namespace kenes::taxii {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string At(std::string_view body, std::string_view pointer) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS) return "<not json>";
  simdjson::dom::element value;
  if (root.at_pointer(pointer).get(value) != simdjson::SUCCESS) return "<missing>";
  return simdjson::minify(value);
}

namespace {

// `text_of` applied to each element of the array `list` of `body`.
std::vector<std::string> EachOf(std::string_view body, std::string_view list,
                                std::string (*text_of)(simdjson::dom::element)) {
  std::vector<std::string> values;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array items;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS ||
      root[list].get(items) != simdjson::SUCCESS) {
    return values;
  }
  for (simdjson::dom::element item : items) values.push_back(text_of(item));
  return values;
}

}  // namespace

std::vector<std::string> Strings(std::string_view body, std::string_view list) {
  return EachOf(body, list, [](simdjson::dom::element item) {
    std::string_view text;
    return item.get(text) == simdjson::SUCCESS ? std::string(text) : simdjson::minify(item);
  });
}

std::vector<std::string> Ids(std::string_view body, std::string_view list) {
  return EachOf(body, list, [](simdjson::dom::element item) {
    std::string_view id;
    return std::string(item["id"].get(id) == simdjson::SUCCESS ? id : "<no id>");
  });
}

std::string Indicator(std::string_view id, std::string_view modified, std::string_view extra) {
  return fmt::format(
      R"({{"type":"indicator","spec_version":"2.1","id":"{}","created":"2026-01-01T00:00:00.000Z","modified":"{}",)"
      R"("name":"test indicator","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix",)"
      R"("valid_from":"2026-01-01T00:00:00Z"{}}})",
      id, modified, extra);
}

std::string Envelope(const std::vector<std::string>& objects) {
  std::string out = "{\"objects\":[";
  for (size_t i = 0; i < objects.size(); ++i) {
    if (i > 0) out += ',';
    out += objects[i];
  }
  return out + "]}";
}

void TaxiiFixture::SetUp() {
  CommunityFixture::SetUp();
  options_.on_stored = [this](size_t stored) { stored_reports_.push_back(stored); };
  options_.on_deleted = [this](std::string_view id) { deleted_reports_.emplace_back(id); };
  service_ = std::make_unique<Service>(*store_, *community_, options_);
  service_->Register(router_);
  authenticator_ = std::make_unique<http::Authenticator>(*community_);
  http::ServerOptions server;
  server.port = 0;
  server.threads = 2;
  server.io_threads = 1;
  server.max_body_bytes = 1 << 20;
  server.access_log = [](std::string_view) {};
  server_ = std::make_unique<http::Server>(server, router_, metrics_, [this](const http::Request& request) {
    return authenticator_->Authenticate(request);
  });
  Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  client_ = std::make_unique<test::HttpClient>(server_->port());
}

void TaxiiFixture::TearDown() {
  client_.reset();
  if (server_) server_->Stop();
  server_.reset();
  authenticator_.reset();
  service_.reset();
  CommunityFixture::TearDown();
}

std::string TaxiiFixture::AddUserWithKey(const std::string& name, const std::string& code, share::Role role) {
  AddUser(name, code, role);
  Result<std::string> key = community_->CreateKey(operator_, share::NewKey{name, std::nullopt, "taxii test"});
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return key.ok() ? *key : "";
}

Reply TaxiiFixture::Send(std::string_view method, std::string_view target, const std::string& key, http::Fields headers,
                         std::string body) {
  bool has_accept = false;
  for (const auto& [name, value] : headers) has_accept |= SameName(name, "Accept");
  if (!has_accept) headers.emplace_back("Accept", std::string(kTaxiiMediaType));
  if (!key.empty()) headers.emplace_back("Authorization", "Bearer " + key);
  Reply reply = client_->Send(method, target, headers, body);
  EXPECT_NE(reply.status, 0) << method << " " << target << ": " << reply.error;
  return reply;
}

Reply TaxiiFixture::Post(std::string_view target, const std::string& key, std::string body) {
  return Send("POST", target, key, {{"Content-Type", std::string(kTaxiiMediaType)}}, std::move(body));
}

std::string TaxiiFixture::CollectionPath(std::string_view collection_id, std::string_view rest) {
  return fmt::format("{}collections/{}/{}", Service::kApiRoot, collection_id, rest);
}

}  // namespace kenes::taxii
