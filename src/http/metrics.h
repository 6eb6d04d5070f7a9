// Metrics: the node's counters, rendered in the Prometheus text format for
// `GET /metrics`.
//
// - kenes_http_requests_total{method,route,status}: requests answered, by
//   route pattern (route="none" for requests no route took: 404s, malformed
//   requests, limits);
// - kenes_http_request_duration_seconds{method,route}: latency histogram;
// - kenes_http_open_connections: connections being served now;
// - kenes_http_open_streams: streamed responses (body_stream.h) being sent
//   now (each is also one request in the first two, recorded when it ends);
// - kenes_objects_stored_total and kenes_objects_ingest_rate (objects/s over
//   the last minute), fed by the APIs through CountStored;
// - any gauge the caller adds (objects in the store, ...).
//
// Thread-safety: recording (RecordRequest, Connection*, Stream*, CountStored) is
// lock-free (atomics) and may happen from any thread; so may Render.
// TrackRoutes and AddGauge must happen before the server starts.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/router.h"

namespace kenes::http {

class Metrics {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // `clock` paces the ingest rate's one-minute window (tests pass a fake one).
  explicit Metrics(Clock clock = std::chrono::steady_clock::now);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Declares the routes requests are counted by (RouteInfo::index is the
  // position in `routes`). The server calls it with the router's routes.
  // REQUIRES: no request is being recorded (no server using these metrics runs).
  void TrackRoutes(const std::vector<RouteInfo>& routes);
  // Adds a gauge read at each scrape: `name` (kenes_...), its help text, and
  // how to read it. `read` is called from the thread rendering the metrics.
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  // One request answered. `route` is null when no route answered it.
  void RecordRequest(const RouteInfo* route, int status, std::chrono::nanoseconds duration);
  void ConnectionOpened();
  void ConnectionClosed();
  void StreamOpened();
  void StreamClosed();
  // `count` objects were stored (the APIs call this after each write).
  void CountStored(size_t count);

  // Every metric in the Prometheus text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  struct RouteCounters;
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };

  RouteCounters& CountersFor(const RouteInfo* route);
  // Seconds since the clock's epoch.
  uint64_t NowSecond() const;

  Clock clock_;
  std::vector<std::unique_ptr<RouteCounters>> routes_;  // one per route, then "none"
  std::vector<Gauge> gauges_;
  std::atomic<int64_t> open_connections_{0};
  std::atomic<int64_t> open_streams_{0};
  std::atomic<uint64_t> objects_stored_{0};
  // One slot per second of the last minute: the second's number (mod 2^24)
  // in the high 24 bits and the objects stored in it in the low 40, so a slot
  // is reset and counted in one compare-and-swap.
  std::array<std::atomic<uint64_t>, 60> stored_per_second_{};
};

}  // namespace kenes::http
