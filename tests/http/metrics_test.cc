#include "http/metrics.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace kenes::http {
namespace {

class MetricsTest : public testing::Test {
 protected:
  MetricsTest() : metrics_([this] { return now_; }) {
    router_.Add(Method::kGet, "/healthz", Auth::kPublic, [](Request&) { return Response(); });
    router_.Add(Method::kPost, "/taxii2/{root}/collections/{collection}/objects/", Auth::kRequired,
                [](Request&) { return Response(); });
    metrics_.TrackRoutes(router_.Routes());
  }

  bool Has(std::string_view line) { return metrics_.Render().find(std::string(line) + "\n") != std::string::npos; }

  std::chrono::steady_clock::time_point now_{1000s};
  Router router_;
  Metrics metrics_;
};

TEST_F(MetricsTest, CountsRequestsByRouteAndStatus) {
  RouteInfo healthz = router_.Routes()[0];
  RouteInfo objects = router_.Routes()[1];
  metrics_.RecordRequest(&healthz, 200, 300us);
  metrics_.RecordRequest(&healthz, 200, 300us);
  metrics_.RecordRequest(&objects, 202, 20ms);
  metrics_.RecordRequest(&objects, 413, 1ms);
  metrics_.RecordRequest(nullptr, 404, 100us);

  std::string text = metrics_.Render();
  EXPECT_TRUE(Has("# TYPE kenes_http_requests_total counter")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_requests_total{method="GET",route="/healthz",status="200"} 2)")) << text;
  EXPECT_TRUE(Has(
      R"(kenes_http_requests_total{method="POST",route="/taxii2/{root}/collections/{collection}/objects/",status="202"} 1)"))
      << text;
  EXPECT_TRUE(Has(R"(kenes_http_requests_total{method="any",route="none",status="404"} 1)")) << text;
  EXPECT_EQ(text.find("status=\"500\""), std::string::npos) << "statuses never seen are not listed";
}

TEST_F(MetricsTest, LatencyHistogramIsCumulativeInSeconds) {
  RouteInfo healthz = router_.Routes()[0];
  metrics_.RecordRequest(&healthz, 200, 300us);
  metrics_.RecordRequest(&healthz, 200, 3ms);
  metrics_.RecordRequest(&healthz, 200, 30s);
  std::string text = metrics_.Render();
  EXPECT_TRUE(Has("# TYPE kenes_http_request_duration_seconds histogram")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.0005"} 1)"))
      << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.005"} 2)")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="10"} 2)")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 3)")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_sum{method="GET",route="/healthz"} 30.0033)")) << text;
  EXPECT_TRUE(Has(R"(kenes_http_request_duration_seconds_count{method="GET",route="/healthz"} 3)")) << text;
  // Routes without requests have no histogram.
  EXPECT_EQ(text.find(R"(kenes_http_request_duration_seconds_count{method="POST")"), std::string::npos);
}

TEST_F(MetricsTest, ObjectsStoredAndIngestRateOverTheLastMinute) {
  EXPECT_TRUE(Has("kenes_objects_stored_total 0"));
  EXPECT_TRUE(Has("kenes_objects_ingest_rate 0"));
  metrics_.CountStored(600);
  now_ += 10s;
  metrics_.CountStored(600);
  EXPECT_TRUE(Has("kenes_objects_stored_total 1200"));
  EXPECT_TRUE(Has("kenes_objects_ingest_rate 20")) << metrics_.Render();
  now_ += 55s;  // the first 600 are older than a minute now
  EXPECT_TRUE(Has("kenes_objects_ingest_rate 10")) << metrics_.Render();
  now_ += 65s;
  EXPECT_TRUE(Has("kenes_objects_ingest_rate 0"));
  metrics_.CountStored(60);  // in the slot the second 600 were counted in, two minutes ago
  EXPECT_TRUE(Has("kenes_objects_ingest_rate 1")) << metrics_.Render();
  EXPECT_TRUE(Has("kenes_objects_stored_total 1260"));
}

TEST_F(MetricsTest, OpenConnectionsAndCallerGauges) {
  metrics_.ConnectionOpened();
  metrics_.ConnectionOpened();
  metrics_.ConnectionClosed();
  double objects = 42;
  metrics_.AddGauge("kenes_store_objects", "Objects in the store.", [&] { return objects; });
  EXPECT_TRUE(Has("# TYPE kenes_http_open_connections gauge"));
  EXPECT_TRUE(Has("kenes_http_open_connections 1"));
  EXPECT_TRUE(Has("# HELP kenes_store_objects Objects in the store."));
  EXPECT_TRUE(Has("# TYPE kenes_store_objects gauge"));
  EXPECT_TRUE(Has("kenes_store_objects 42"));
  objects = 43;
  EXPECT_TRUE(Has("kenes_store_objects 43"));
}

TEST_F(MetricsTest, LabelValuesAreEscaped) {
  Router router;
  router.Add(Method::kGet, "/odd\"path\\", Auth::kPublic, [](Request&) { return Response(); });
  metrics_.TrackRoutes(router.Routes());
  RouteInfo odd = router.Routes()[0];
  metrics_.RecordRequest(&odd, 200, 1ms);
  EXPECT_TRUE(Has(R"(kenes_http_requests_total{method="GET",route="/odd\"path\\",status="200"} 1)"))
      << metrics_.Render();
}

}  // namespace
}  // namespace kenes::http
