#include "cli/config.h"

#include <gtest/gtest.h>

namespace kenes::cli {
namespace {

TEST(Config, ReadsKeysSectionsAndComments) {
  Config config = DefaultConfig();
  Status status = ApplyConfigText(
      "# a node of the KZ council\n"
      "data_dir = \"/srv/kenes\"  # quoted is fine\n"
      "\n"
      "[import]\n"
      "batch_size = 250\n",
      "kenes.conf", config);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(config.data_dir, "/srv/kenes");
  EXPECT_EQ(config.DatabasePath(), "/srv/kenes/kenes.db");
  EXPECT_EQ(config.import_batch_size, 250u);
}

TEST(Config, CorrelationCap) {
  Config config = DefaultConfig();
  EXPECT_EQ(config.correlate_max_holdings, 200u);
  ASSERT_TRUE(ApplyConfigText("[correlate]\nmax_holdings_per_key = 50\n", "kenes.conf", config).ok());
  EXPECT_EQ(config.correlate_max_holdings, 50u);
  EXPECT_FALSE(ApplyConfigText("[correlate]\nmax_holdings_per_key = 70000\n", "kenes.conf", config).ok());
}

TEST(Config, ErrorsNameFileLineAndProblem) {
  Config config = DefaultConfig();
  Status unknown = ApplyConfigText("data_dir = /x\ndatadir = /y\n", "kenes.conf", config);
  EXPECT_EQ(unknown.message(), "kenes.conf:2: unknown setting 'datadir'");
  Status no_equals = ApplyConfigText("data_dir /x\n", "kenes.conf", config);
  EXPECT_EQ(no_equals.message(), "kenes.conf:1: expected 'key = value'");
  Status bad_number = ApplyConfigText("[import]\nbatch_size = many\n", "kenes.conf", config);
  EXPECT_EQ(bad_number.message(), "kenes.conf:2: import.batch_size must be a whole number from 1 to 1000000");
  Status unclosed = ApplyConfigText("[import\n", "kenes.conf", config);
  EXPECT_EQ(unclosed.code(), StatusCode::kInvalidArgument);
}

TEST(Config, ServeSettings) {
  Config config = DefaultConfig();
  EXPECT_EQ(config.serve.listen, "127.0.0.1:8080");  // loopback unless the operator says otherwise
  EXPECT_GE(config.serve.max_body_bytes, 50u << 20);
  Status status = ApplyConfigText(
      "[serve]\n"
      "listen = 0.0.0.0:8443\n"
      "threads = 4\n"
      "tls_certificate = /etc/kenes/node.pem\n"
      "tls_key = /etc/kenes/node.key\n"
      "max_body_bytes = 1048576\n"
      "max_connections = 200\n"
      "read_timeout_seconds = 10\n"
      "idle_timeout_seconds = 20\n"
      "access_log = /var/log/kenes/access.log\n",
      "kenes.conf", config);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(config.serve.listen, "0.0.0.0:8443");
  EXPECT_EQ(config.serve.threads, 4u);
  EXPECT_EQ(config.serve.tls_certificate, "/etc/kenes/node.pem");
  EXPECT_EQ(config.serve.tls_key, "/etc/kenes/node.key");
  EXPECT_EQ(config.serve.max_body_bytes, 1048576u);
  EXPECT_EQ(config.serve.max_connections, 200u);
  EXPECT_EQ(config.serve.read_timeout_seconds, 10u);
  EXPECT_EQ(config.serve.idle_timeout_seconds, 20u);
  EXPECT_EQ(config.serve.access_log, "/var/log/kenes/access.log");
  EXPECT_EQ(ApplyConfigText("[serve]\nlisten = 8080\n", "k", config).message(), "k:2: serve.listen must be address:port");
  EXPECT_EQ(ApplyConfigText("[serve]\nmax_connections = 0\n", "k", config).message(),
            "k:2: serve.max_connections must be a whole number from 1 to 1000000");
}

TEST(Config, MissingFileIsNotFound) {
  Config config = DefaultConfig();
  EXPECT_EQ(LoadConfigFile("/nonexistent/kenes.conf", config).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kenes::cli
