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
//
// Precedence, highest first: command-line flags, environment (KENES_DATA_DIR),
// the config file, built-in defaults. Plain value type; thread-compatible.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "base/status.h"

namespace kenes::cli {

struct Config {
  std::filesystem::path data_dir;   // holds kenes.db and its WAL files
  size_t import_batch_size = 50000;  // objects per store transaction during import (measured best, bench/ingest)

  std::filesystem::path DatabasePath() const { return data_dir / "kenes.db"; }
};

// The built-in defaults: data under $XDG_DATA_HOME/kenes (~/.local/share/kenes).
Config DefaultConfig();

// Applies the settings of the file at `path` on top of `config`.
Status LoadConfigFile(const std::filesystem::path& path, Config& config);

// Applies a config text (the file's content); `origin` names it in errors.
Status ApplyConfigText(std::string_view text, std::string_view origin, Config& config);

}  // namespace kenes::cli
