// Config: where a Kenes node keeps its data and how it behaves, read from a
// small text file so operators can keep it under version control.
//
// Format (documented in README.md): one `key = value` per line, `#` starts a
// comment, blank lines ignored, `[section]` prefixes the keys that follow
// with "section.". Unknown keys are errors, so a typo never goes unnoticed.
//
//   data_dir = /var/lib/kenes
//   [import]
//   batch_size = 50000
//   [hunt]
//   window_days = 90    # how far back a new indicator looks for observed-data
//   [correlate]
//   max_holdings_per_key = 200   # beyond: the key is over-correlated, no more alerts
//   [serve]
//   listen = 127.0.0.1:8080
//   tls_certificate = /etc/kenes/node.pem   # with tls_key: HTTPS only
//   web_root = /usr/share/kenes/web         # the built web UI
//
// Precedence, highest first: command-line flags, environment (KENES_DATA_DIR),
// the config file, built-in defaults. Plain value type; thread-compatible.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "base/status.h"

namespace kenes::cli {

// How `kenes serve` listens and what it tolerates from clients.
struct ServeConfig {
  std::string listen = "127.0.0.1:8080";  // address:port; [v6 address]:port
  size_t threads = 0;                      // 0: one per processor
  std::filesystem::path tls_certificate;   // PEM; with tls_key, the node speaks HTTPS only
  std::filesystem::path tls_key;
  size_t max_body_bytes = 64 << 20;        // a 50 MB bundle fits
  size_t max_connections = 1024;
  size_t read_timeout_seconds = 120;       // for a whole request (a 50 MB bundle at 4 Mbit/s), so a trickler is dropped
  size_t idle_timeout_seconds = 60;        // between requests on a kept-alive connection
  std::string access_log = "-";            // a file to append JSON lines to; "-" standard error
  // The built web UI served at / (http/static_site.h); empty: no UI. Default:
  // the checkout's web/dist, where `npm run build` in web/ puts it.
  std::filesystem::path web_root;
};

struct Config {
  std::filesystem::path data_dir;   // holds kenes.db and its WAL files
  size_t import_batch_size = 50000;  // objects per store transaction during import (measured best, bench/ingest)
  size_t hunt_window_days = 90;      // automatic sightings: retro-hunt window (sight/hunter.h)
  size_t correlate_max_holdings = 200;  // the correlation index's per-key cap (correlate/correlation_index.h)
  ServeConfig serve;

  std::filesystem::path DatabasePath() const { return data_dir / "kenes.db"; }
  std::chrono::seconds HuntWindow() const { return std::chrono::hours(24) * hunt_window_days; }
};

// The built-in defaults: data under $XDG_DATA_HOME/kenes (~/.local/share/kenes).
Config DefaultConfig();

// Applies the settings of the file at `path` on top of `config`.
Status LoadConfigFile(const std::filesystem::path& path, Config& config);

// Applies a config text (the file's content); `origin` names it in errors.
Status ApplyConfigText(std::string_view text, std::string_view origin, Config& config);

}  // namespace kenes::cli
