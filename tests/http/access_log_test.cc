#include "http/access_log.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "base/timestamp.h"

using namespace std::chrono_literals;

namespace kenes::http {
namespace {

TEST(AccessLog, LineIsOneJsonObjectWithEveryField) {
  std::string line = FormatAccessLine({.remote = "127.0.0.1:40000",
                                       .user = "alice",
                                       .method = "GET",
                                       .target = "/taxii2/?x=\"quoted\"",
                                       .route = "/taxii2/",
                                       .status = 200,
                                       .bytes_sent = 1234,
                                       .duration = 1500us});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(line);
  simdjson::ondemand::document document = parser.iterate(padded);
  simdjson::ondemand::object object = document.get_object();
  std::string_view time = object["time"].get_string();
  EXPECT_TRUE(ParseTimestamp(time).has_value()) << time;
  EXPECT_EQ(std::string_view(object["remote"].get_string()), "127.0.0.1:40000");
  EXPECT_EQ(std::string_view(object["user"].get_string()), "alice");
  EXPECT_EQ(std::string_view(object["method"].get_string()), "GET");
  EXPECT_EQ(std::string_view(object["target"].get_string()), "/taxii2/?x=\"quoted\"");
  EXPECT_EQ(std::string_view(object["route"].get_string()), "/taxii2/");
  EXPECT_EQ(int64_t(object["status"].get_int64()), 200);
  EXPECT_EQ(int64_t(object["bytes"].get_int64()), 1234);
  EXPECT_DOUBLE_EQ(double(object["duration_ms"].get_double()), 1.5);
}

TEST(AccessLog, AnonymousUserIsADash) {
  std::string line = FormatAccessLine({.remote = "[::1]:1",
                                       .user = "",
                                       .method = "GET",
                                       .target = "/healthz",
                                       .route = "/healthz",
                                       .status = 200,
                                       .bytes_sent = 0,
                                       .duration = 0ns});
  EXPECT_NE(line.find(R"("user":"-")"), std::string::npos) << line;
}

struct RedactCase {
  std::string target;
  std::string logged;
};

class Redaction : public testing::TestWithParam<RedactCase> {};

TEST_P(Redaction, CredentialsInTheQueryAreNotLogged) { EXPECT_EQ(RedactTarget(GetParam().target), GetParam().logged); }

INSTANTIATE_TEST_SUITE_P(Cases, Redaction,
                         testing::Values(RedactCase{"/taxii2/", "/taxii2/"}, RedactCase{"/x?limit=10", "/x?limit=10"},
                                         RedactCase{"/x?api_key=kenes_1_abc&limit=5", "/x?api_key=REDACTED&limit=5"},
                                         RedactCase{"/x?limit=5&access_token=t", "/x?limit=5&access_token=REDACTED"},
                                         RedactCase{"/x?Password=p&flag", "/x?Password=REDACTED&flag"},
                                         RedactCase{"/x?Authorization=Bearer%20k", "/x?Authorization=REDACTED"},
                                         RedactCase{"/x?secret", "/x?secret"}, RedactCase{"/x?", "/x?"}));

TEST(ErrorLog, LineIsJson) {
  std::string line = FormatErrorLine("GET /x: \"boom\"");
  EXPECT_NE(line.find(R"("level":"error","message":"GET /x: \"boom\""})"), std::string::npos) << line;
}

}  // namespace
}  // namespace kenes::http
