#include "http/metrics.h"

#include <fmt/format.h>

#include <array>

namespace kenes::http {
namespace {

// Latency histogram bucket bounds, in seconds.
constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,    0.25,  0.5,    1,     2.5,  5,     10};
constexpr int kFirstStatus = 100;
constexpr int kStatuses = 500;  // 100..599

constexpr int kSecondBits = 24;
constexpr int kCountBits = 64 - kSecondBits;
constexpr uint64_t kCountMask = (uint64_t{1} << kCountBits) - 1;
constexpr uint64_t kSecondMask = (uint64_t{1} << kSecondBits) - 1;

// A Prometheus label value: backslash, double quote and newline escaped.
std::string LabelValue(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void AppendHeader(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

struct Metrics::RouteCounters {
  std::string labels;  // method="GET",route="/healthz"
  std::array<std::atomic<uint64_t>, kStatuses> by_status{};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> latency{};  // per bucket, not cumulative; last: +Inf
  std::atomic<uint64_t> latency_nanoseconds{0};
};

Metrics::Metrics(Clock clock) : clock_(std::move(clock)) { TrackRoutes({}); }

Metrics::~Metrics() = default;

void Metrics::TrackRoutes(const std::vector<RouteInfo>& routes) {
  routes_.clear();
  for (const RouteInfo& route : routes) {
    routes_.push_back(std::make_unique<RouteCounters>());
    routes_.back()->labels =
        fmt::format(R"(method="{}",route="{}")", MethodName(route.method), LabelValue(route.pattern));
  }
  routes_.push_back(std::make_unique<RouteCounters>());
  routes_.back()->labels = R"(method="any",route="none")";
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

Metrics::RouteCounters& Metrics::CountersFor(const RouteInfo* route) {
  if (route == nullptr || route->index + 1 >= routes_.size()) return *routes_.back();
  return *routes_[route->index];
}

void Metrics::RecordRequest(const RouteInfo* route, int status, std::chrono::nanoseconds duration) {
  RouteCounters& counters = CountersFor(route);
  if (status >= kFirstStatus && status < kFirstStatus + kStatuses) {
    counters.by_status[status - kFirstStatus].fetch_add(1, std::memory_order_relaxed);
  }
  double seconds = std::chrono::duration<double>(duration).count();
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  counters.latency[bucket].fetch_add(1, std::memory_order_relaxed);
  counters.latency_nanoseconds.fetch_add(static_cast<uint64_t>(duration.count()), std::memory_order_relaxed);
}

void Metrics::ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }

void Metrics::ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

void Metrics::StreamOpened() { open_streams_.fetch_add(1, std::memory_order_relaxed); }

void Metrics::StreamClosed() { open_streams_.fetch_sub(1, std::memory_order_relaxed); }

uint64_t Metrics::NowSecond() const {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count());
}

void Metrics::CountStored(size_t count) {
  objects_stored_.fetch_add(count, std::memory_order_relaxed);
  uint64_t second = NowSecond() & kSecondMask;
  std::atomic<uint64_t>& slot = stored_per_second_[second % stored_per_second_.size()];
  uint64_t seen = slot.load(std::memory_order_relaxed);
  uint64_t next;
  do {
    uint64_t kept = (seen >> kCountBits) == second ? (seen & kCountMask) : 0;
    next = (second << kCountBits) | std::min(kCountMask, kept + count);
  } while (!slot.compare_exchange_weak(seen, next, std::memory_order_relaxed));
}

std::string Metrics::Render() const {
  std::string out;
  auto append = std::back_inserter(out);

  AppendHeader(out, "kenes_http_requests_total", "counter", "HTTP requests answered, by route and status.");
  for (const auto& counters : routes_) {
    for (int i = 0; i < kStatuses; ++i) {
      uint64_t count = counters->by_status[i].load(std::memory_order_relaxed);
      if (count > 0) {
        fmt::format_to(append, "kenes_http_requests_total{{{},status=\"{}\"}} {}\n", counters->labels, i + kFirstStatus,
                       count);
      }
    }
  }

  AppendHeader(out, "kenes_http_request_duration_seconds", "histogram",
               "Time from a request's first byte to its response's last, by route.");
  for (const auto& counters : routes_) {
    uint64_t cumulative = 0;
    std::string lines;
    for (size_t i = 0; i <= kBuckets.size(); ++i) {
      cumulative += counters->latency[i].load(std::memory_order_relaxed);
      std::string bound = i < kBuckets.size() ? fmt::format("{}", kBuckets[i]) : "+Inf";
      fmt::format_to(std::back_inserter(lines), "kenes_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                     counters->labels, bound, cumulative);
    }
    if (cumulative == 0) continue;
    out += lines;
    double sum = static_cast<double>(counters->latency_nanoseconds.load(std::memory_order_relaxed)) / 1e9;
    fmt::format_to(append, "kenes_http_request_duration_seconds_sum{{{}}} {}\n", counters->labels, sum);
    fmt::format_to(append, "kenes_http_request_duration_seconds_count{{{}}} {}\n", counters->labels, cumulative);
  }

  AppendHeader(out, "kenes_http_open_connections", "gauge", "HTTP connections being served.");
  fmt::format_to(append, "kenes_http_open_connections {}\n", open_connections_.load(std::memory_order_relaxed));

  AppendHeader(out, "kenes_http_open_streams", "gauge", "Streamed responses (server-sent events) being sent.");
  fmt::format_to(append, "kenes_http_open_streams {}\n", open_streams_.load(std::memory_order_relaxed));

  AppendHeader(out, "kenes_objects_stored_total", "counter", "STIX objects stored through the APIs.");
  fmt::format_to(append, "kenes_objects_stored_total {}\n", objects_stored_.load(std::memory_order_relaxed));

  uint64_t now = NowSecond() & kSecondMask;
  uint64_t last_minute = 0;
  for (const auto& slot : stored_per_second_) {
    uint64_t value = slot.load(std::memory_order_relaxed);
    uint64_t age = (now - (value >> kCountBits)) & kSecondMask;
    if (age < stored_per_second_.size()) last_minute += value & kCountMask;
  }
  AppendHeader(out, "kenes_objects_ingest_rate", "gauge", "Objects stored per second, over the last minute.");
  fmt::format_to(append, "kenes_objects_ingest_rate {}\n",
                 static_cast<double>(last_minute) / static_cast<double>(stored_per_second_.size()));

  for (const Gauge& gauge : gauges_) {
    AppendHeader(out, gauge.name, "gauge", gauge.help);
    fmt::format_to(append, "{} {}\n", gauge.name, gauge.read());
  }
  return out;
}

}  // namespace kenes::http
