#include "server_fixture.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "http/server_routes.h"

namespace kenes::http {

AuthResult TestAuthenticate(const Request& request) {
  std::string_view credentials = request.Header("Authorization");
  if (credentials.empty()) return {};
  if (credentials == "Bearer good") {
    share::Principal alice;
    alice.user = "alice";
    alice.organisation = "identity--00000000-0000-4000-8000-000000000001";
    alice.role = share::Role::kAnalyst;
    return {.principal = alice, .status = Status::Ok(), .delay = {}, .headers = {}};
  }
  return {.principal = std::nullopt,
          .status = Status::Unauthenticated("invalid credentials"),
          .delay = kRefusalDelay,
          .headers = {}};
}

ServerFixture::ServerFixture() {
  RegisterServerRoutes(router_, metrics_);
  router_.Add(Method::kGet, "/hello", Auth::kPublic,
              [](Request&) { return MakeResponse(200, "application/json", R"({"hello":"world"})"); });
  router_.Add(Method::kPost, "/echo", Auth::kPublic, [](Request& request) {
    return MakeResponse(200, std::string(request.Header("Content-Type")), request.body);
  });
  router_.Add(Method::kGet, "/sleep", Auth::kPublic, [](Request& request) {
    int milliseconds = std::stoi(std::string(request.Query("ms").value_or("500")));
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
    return MakeResponse(200, "text/plain", "slept");
  });
  router_.Add(Method::kGet, "/items/{id}", Auth::kPublic,
              [](Request& request) { return MakeResponse(200, "text/plain", std::string(request.Param("id"))); });
  router_.Add(Method::kGet, "/throw", Auth::kPublic, [](Request&) -> Response { throw std::runtime_error("boom"); });
  router_.Add(Method::kGet, "/private", Auth::kRequired,
              [](Request& request) { return MakeResponse(200, "text/plain", request.principal->user); });
  router_.Add(Method::kGet, "/whoami", Auth::kPublic, [](Request& request) {
    return MakeResponse(200, "text/plain", request.principal ? request.principal->user : "anonymous");
  });
  router_.Add(Method::kGet, "/empty", Auth::kPublic, [](Request&) {
    Response response;
    response.status = 204;
    return response;
  });
  router_.Add(Method::kGet, "/taxii2/", Auth::kPublic,
              [](Request&) { return MakeResponse(200, "application/taxii+json;version=2.1", "{}"); });
  router_.SetErrorRenderer("/taxii2/", [](int status, std::string_view title, std::string_view) {
    return MakeResponse(status, "application/taxii+json;version=2.1",
                        "{\"title\":\"" + std::string(title) + "\",\"taxii\":true}");
  });
}

ServerFixture::~ServerFixture() {
  if (server_) server_->Stop();
}

ServerOptions ServerFixture::SmallOptions() {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.io_threads = 1;
  options.read_timeout = std::chrono::seconds(5);
  options.idle_timeout = std::chrono::seconds(5);
  options.shutdown_timeout = std::chrono::seconds(5);
  return options;
}

void ServerFixture::Start(ServerOptions options) {
  options.access_log = [this](std::string_view line) {
    std::lock_guard lock(log_mutex_);
    access_lines_.emplace_back(line);
  };
  options.error_log = [this](std::string_view line) {
    std::lock_guard lock(log_mutex_);
    error_lines_.emplace_back(line);
  };
  server_ = std::make_unique<Server>(options, router_, metrics_, TestAuthenticate);
  Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  ASSERT_NE(server_->port(), 0);
}

std::vector<std::string> ServerFixture::AccessLines() const {
  std::lock_guard lock(log_mutex_);
  return access_lines_;
}

std::vector<std::string> ServerFixture::ErrorLines() const {
  std::lock_guard lock(log_mutex_);
  return error_lines_;
}

}  // namespace kenes::http
