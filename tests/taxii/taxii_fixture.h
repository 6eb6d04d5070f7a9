// TaxiiFixture: a node with the default community and the TAXII service,
// served by a real http::Server on 127.0.0.1 (a free port) that
// authenticates API keys with the community, and a client that talks to it
// over loopback HTTP.
//
// Plus small JSON helpers: the value at a JSON pointer of a response body,
// and the ids of an envelope's or manifest's objects.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/authenticator.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "share/community_fixture.h"
#include "support/http_client.h"
#include "taxii/service.h"

namespace kenes::taxii {

using Reply = test::HttpClientResponse;

// The minified JSON at `pointer` ("/objects/0/id") of `body`; "<missing>"
// when there is none, "<not json>" when `body` does not parse.
std::string At(std::string_view body, std::string_view pointer);
// The "id" of each element of `list` ("objects") in `body`, in order.
std::vector<std::string> Ids(std::string_view body, std::string_view list = "objects");
// The strings of the array `list` of `body` ("versions").
std::vector<std::string> Strings(std::string_view body, std::string_view list);

// An indicator in STIX 2.1 JSON, version `modified`, with `extra` members appended.
std::string Indicator(std::string_view id, std::string_view modified, std::string_view extra = "");
// A TAXII envelope of `objects`.
std::string Envelope(const std::vector<std::string>& objects);

class TaxiiFixture : public share::CommunityFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Adds user `name` of `code` with `role` and returns an API key for it.
  std::string AddUserWithKey(const std::string& name, const std::string& code, share::Role role);

  // Sends a request with `key` as Bearer credentials (none when empty).
  // `headers` are sent as given; without an Accept header, the TAXII one
  // is added.
  Reply Send(std::string_view method, std::string_view target, const std::string& key, http::Fields headers = {},
             std::string body = {});
  Reply Get(std::string_view target, const std::string& key) { return Send("GET", target, key); }
  Reply Post(std::string_view target, const std::string& key, std::string body);
  Reply Delete(std::string_view target, const std::string& key) { return Send("DELETE", target, key); }

  // "/taxii2/kenes/collections/<id>/" + rest.
  static std::string CollectionPath(std::string_view collection_id, std::string_view rest = "");

  ServiceOptions options_;
  std::vector<size_t> stored_reports_;        // what on_stored was told
  std::vector<std::string> deleted_reports_;  // what on_deleted was told

 private:
  std::unique_ptr<Service> service_;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::Authenticator> authenticator_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<test::HttpClient> client_;
};

}  // namespace kenes::taxii
