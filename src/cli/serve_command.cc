// `kenes serve`: the node on the network — TAXII 2.1 at /taxii2/, the REST
// API at /api/v1/, /healthz and /metrics — until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include <fmt/format.h>

#include "assist/assistance_desk.h"
#include "cli/assistance_gaps.h"
#include "cli/commands.h"
#include "cli/ingest_subscribers.h"
#include "cli/node_session.h"
#include "correlate/alert_book.h"
#include "correlate/alert_database.h"
#include "correlate/detail_desk.h"
#include "http/authenticator.h"
#include "http/server.h"
#include "http/server_routes.h"
#include "notify/notifications.h"
#include "http/session_book.h"
#include "http/static_site.h"
#include "respond/response_desk.h"
#include "rest/api.h"
#include "taxii/service.h"

namespace kenes::cli {
namespace {

// "127.0.0.1:8080" or "[::1]:8080" into the server's address and port.
Status ParseListen(std::string_view listen, http::ServerOptions& options) {
  size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos) return Status::InvalidArgument("listen must be address:port");
  std::string_view address = listen.substr(0, colon);
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  std::string_view port = listen.substr(colon + 1);
  unsigned value = 0;
  auto [rest, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (address.empty() || error != std::errc() || rest != port.data() + port.size() || value > 65535) {
    return Status::InvalidArgument(fmt::format("cannot listen on '{}': expected address:port", listen));
  }
  options.address = std::string(address);
  options.port = static_cast<uint16_t>(value);
  return Status::Ok();
}

// Appends each access log line to `path`; "-" is standard error.
Result<http::LogSink> AccessLogSink(const std::string& path) {
  if (path == "-") return http::StderrSink();
  std::shared_ptr<std::FILE> file(std::fopen(path.c_str(), "a"), [](std::FILE* f) {
    if (f != nullptr) std::fclose(f);
  });
  if (!file) return Status::IoError(fmt::format("cannot open the access log {}", path));
  auto mutex = std::make_shared<std::mutex>();
  return http::LogSink([file, mutex](std::string_view line) {
    std::lock_guard lock(*mutex);
    std::fwrite(line.data(), 1, line.size(), file.get());
    std::fputc('\n', file.get());
    std::fflush(file.get());
  });
}

Result<http::ServerOptions> ServerOptionsFrom(const ServeConfig& serve) {
  http::ServerOptions options;
  KENES_RETURN_IF_ERROR(ParseListen(serve.listen, options));
  // Handlers block on SQLite (and fsync); more threads than cores keeps the disk busy.
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.threads = static_cast<int>(serve.threads != 0 ? serve.threads : std::max(8u, 4 * cores));
  options.io_threads = static_cast<int>(std::min(cores, 4u));
  if (serve.tls_certificate.empty() != serve.tls_key.empty()) {
    return Status::InvalidArgument("serve.tls_certificate and serve.tls_key go together: set both or neither");
  }
  options.tls_certificate_file = serve.tls_certificate.string();
  options.tls_private_key_file = serve.tls_key.string();
  options.max_body_bytes = serve.max_body_bytes;
  options.max_connections = serve.max_connections;
  options.read_timeout = std::chrono::seconds(serve.read_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(serve.idle_timeout_seconds);
  KENES_ASSIGN_OR_RETURN(options.access_log, AccessLogSink(serve.access_log));
  return options;
}

int Fail(const Status& status) {
  fmt::print(stderr, "error: {}\n", status.message());
  return kExitError;
}

}  // namespace

int RunServe(const Config& config) {
  Result<http::ServerOptions> options = ServerOptionsFrom(config.serve);
  if (!options.ok()) return Fail(options.status());
  Result<NodeSession> session = OpenNodeSession(config, "");
  if (!session.ok()) return Fail(session.status());
  store::Store& store = *session->store;
  share::Community& community = *session->community;

  http::Metrics metrics;
  metrics.AddGauge("kenes_store_objects", "Distinct objects in the store", [&store] {
    Result<store::Counts> counts = store.Count();
    return counts.ok() ? static_cast<double>(counts->objects) : -1.0;
  });
  auto count_stored = [&metrics](size_t stored) { metrics.CountStored(stored); };
  // Every organisation's inbox and webhooks (notify.db): alerts, requests for details, tasks and assistance
  // publish through `notices`; the REST API and the event stream read it.
  Result<std::unique_ptr<notify::Notifications>> notifications =
      notify::Notifications::Open(config.data_dir, store, community);
  if (!notifications.ok()) return Fail(notifications.status());
  notify::NoticeSink notices = (*notifications)->sink();
  // Cross-border alerts beside the store: the correlator records into the book, the REST API serves it.
  Result<std::unique_ptr<correlate::AlertDatabase>> alert_database =
      correlate::AlertDatabase::Open(correlate::AlertDatabase::FileIn(config.data_dir));
  if (!alert_database.ok()) return Fail(alert_database.status());
  correlate::AlertBook alerts(**alert_database, notices);
  correlate::DetailDesk detail_requests(**alert_database, alerts, store, community.audit(), notices);
  // One set for every request, so the active indicators and the correlation index are loaded once.
  Result<std::unique_ptr<IngestSubscribers>> subscribers =
      IngestSubscribers::Start(store, community, config, alerts.Sink());
  if (!subscribers.ok()) return Fail(subscribers.status());
  auto on_batch = (*subscribers)->OnBatch();
  http::Router router;
  http::RegisterServerRoutes(router, metrics);
  taxii::ServiceOptions taxii_options;
  taxii_options.max_content_length = options->max_body_bytes;
  taxii_options.on_stored = count_stored;
  taxii_options.on_batch = on_batch;
  taxii_options.on_deleted = (*subscribers)->OnDeleted();
  taxii::Service taxii(store, community, taxii_options);
  taxii.Register(router);
  rest::ApiOptions rest_options;
  rest_options.on_stored = count_stored;
  rest_options.on_batch = on_batch;
  rest_options.correlator = &(*subscribers)->correlator();
  rest_options.alerts = &alerts;
  rest_options.detail_requests = &detail_requests;
  rest_options.notifications = notifications->get();
  rest_options.notices = &(*notifications)->feed();
  // Joint response; its due and overdue reminders are sent every minute once the server runs.
  Result<std::unique_ptr<respond::ReminderLedger>> reminders =
      respond::ReminderLedger::Open(respond::ReminderLedger::FileIn(config.data_dir));
  if (!reminders.ok()) return Fail(reminders.status());
  respond::ResponseDesk response_desk(store, community, reminders->get(), notices, on_batch);
  rest_options.response = &response_desk;
  // Mutual assistance: requests and offers are STIX objects in the store; the desk keeps nothing else.
  assist::AssistanceDesk assistance_desk(store, community, notices, on_batch);
  rest_options.assistance = &assistance_desk;
  rest_options.incident_assistance_gaps = AssistanceGapsFrom(assistance_desk);
  bool tls = !options->tls_certificate_file.empty();
  http::SessionOptions session_options;
  session_options.secure_cookie = tls;
  http::SessionBook sessions(community, session_options);
  rest_options.sessions = &sessions;
  rest::Api api(store, community, rest_options);
  api.Register(router);
  http::Authenticator authenticator(community, {}, store::SystemClock(), &sessions);
  // The web UI at /, when it is built; the APIs serve without it.
  Result<std::unique_ptr<http::StaticSite>> web = Status::NotFound("serve.web_root is empty: no web UI");
  if (!config.serve.web_root.empty()) web = http::StaticSite::Load(config.serve.web_root);
  if (web.ok()) {
    (*web)->Register(router);
  } else {
    fmt::print(stderr, "warning: no web UI at /: {}\n", web.status().message());
  }

  std::string address = options->address.find(':') == std::string::npos ? options->address
                                                                         : "[" + options->address + "]";
  http::Server server(*options, router, metrics,
                      [&authenticator](const http::Request& request) { return authenticator.Authenticate(request); });
  // Blocked before the server's threads exist, so they inherit the mask and
  // the signals wait for sigwait below instead of killing the process.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Status started = server.Start();
  if (!started.ok()) return Fail(started);
  std::jthread reminder_clock([&response_desk](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any tick;
    while (!stop.stop_requested()) {
      Result<size_t> sent = response_desk.PublishDueNotices(Now());
      if (!sent.ok()) fmt::print(stderr, "warning: task reminders: {}\n", sent.status().message());
      std::unique_lock lock(mutex);
      tick.wait_for(lock, stop, std::chrono::minutes(1), [] { return false; });
    }
  });
  fmt::print(stderr,
             "Kenes node serving {} on {}://{}:{}/ — {}TAXII 2.1 at /taxii2/, REST at /api/v1/ (Ctrl-C stops)\n",
             config.data_dir.string(), tls ? "https" : "http", address, server.port(), web.ok() ? "web UI at /, " : "");
  int signal = 0;
  sigwait(&stop_signals, &signal);
  fmt::print(stderr, "{}: finishing the requests in flight\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
  server.Stop();
  fmt::print(stderr, "Kenes node stopped; the store is closed cleanly.\n");
  return kExitOk;
}

}  // namespace kenes::cli
