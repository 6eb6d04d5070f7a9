#include "http/server_routes.h"

namespace kenes::http {

void RegisterServerRoutes(Router& router, Metrics& metrics) {
  router.Add(Method::kGet, "/healthz", Auth::kPublic,
             [](Request&) { return MakeResponse(200, "application/json", R"({"status":"ok"})"); });
  router.Add(Method::kGet, "/metrics", Auth::kPublic, [&metrics](Request&) {
    return MakeResponse(200, "text/plain; version=0.0.4; charset=utf-8", metrics.Render());
  });
}

}  // namespace kenes::http
