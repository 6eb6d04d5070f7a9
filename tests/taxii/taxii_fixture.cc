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

std::string_view Reply::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return value;
  }
  return {};
}

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
  service_ = std::make_unique<Service>(*store_, *community_, options_);
  service_->Register(router_);
}

void TaxiiFixture::TearDown() {
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
  http::Request request;
  request.method = http::ParseMethod(method);
  request.target = target;
  size_t question = target.find('?');
  std::optional<std::string> path = http::PercentDecode(target.substr(0, question), false);
  std::optional<http::Fields> query =
      http::ParseQuery(question == std::string_view::npos ? std::string_view() : target.substr(question + 1));
  EXPECT_TRUE(path && query) << target;
  request.path = path.value_or("");
  request.query = query.value_or(http::Fields{});
  bool has_accept = false;
  for (const auto& [name, value] : headers) has_accept |= SameName(name, "Accept");
  if (!has_accept) headers.emplace_back("Accept", std::string(kTaxiiMediaType));
  if (!key.empty()) headers.emplace_back("Authorization", "Bearer " + key);
  request.headers = std::move(headers);
  request.body = std::move(body);
  request.remote = "127.0.0.1:1";
  if (!key.empty()) {
    // Each authentication is audited durably; the server caches them too.
    auto known = principals_.find(key);
    if (known == principals_.end()) {
      Result<share::Principal> principal = community_->Authenticate(key, "http 127.0.0.1");
      if (principal.ok()) known = principals_.emplace(key, *principal).first;
    }
    if (known != principals_.end()) request.principal = known->second;
  }
  http::Response response;
  const http::RouteInfo* route = router_.Find(request, response);
  if (route != nullptr) {
    response = route->auth == http::Auth::kRequired && !request.principal
                   ? router_.Error(request.path, 401, "Unauthorized", "credentials are required")
                   : router_.Call(route, request);
  }
  return Reply{response.status, std::move(response.headers), std::move(response.body)};
}

Reply TaxiiFixture::Post(std::string_view target, const std::string& key, std::string body) {
  return Send("POST", target, key, {{"Content-Type", std::string(kTaxiiMediaType)}}, std::move(body));
}

std::string TaxiiFixture::CollectionPath(std::string_view collection_id, std::string_view rest) {
  return fmt::format("{}collections/{}/{}", Service::kApiRoot, collection_id, rest);
}

}  // namespace kenes::taxii
