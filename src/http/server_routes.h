// The server's own routes: `GET /healthz` and `GET /metrics`, both public.
//
// /healthz answers {"status":"ok"} without touching the databases: it says
// the process serves HTTP, and is the benchmark's ceiling. /metrics renders
// `metrics` in the Prometheus text format.
#pragma once

#include "http/metrics.h"
#include "http/router.h"

namespace kenes::http {

// `metrics` must outlive the router.
void RegisterServerRoutes(Router& router, Metrics& metrics);

}  // namespace kenes::http
