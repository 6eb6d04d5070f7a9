#include "cli/config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kenes::cli {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Parses a whole number in [minimum, maximum] into `out`, or says what is allowed.
Status ParseCount(std::string_view key, std::string_view value, size_t minimum, size_t maximum, size_t& out) {
  size_t parsed = 0;
  auto [rest, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || rest != value.data() + value.size() || parsed < minimum || parsed > maximum) {
    return Status::InvalidArgument(std::string(key) + " must be a whole number from " + std::to_string(minimum) +
                                   " to " + std::to_string(maximum));
  }
  out = parsed;
  return Status::Ok();
}

// Applies one `key = value`; InvalidArgument saying why it cannot.
Status ApplySetting(const std::string& key, std::string_view value, Config& config) {
  auto text = [&](auto& field) -> Status {
    field = std::string(value);
    return Status::Ok();
  };
  if (key == "data_dir") {
    if (value.empty()) return Status::InvalidArgument("data_dir must not be empty");
    return text(config.data_dir);
  }
  if (key == "import.batch_size") return ParseCount(key, value, 1, 1'000'000, config.import_batch_size);
  if (key == "hunt.window_days") return ParseCount(key, value, 1, 3650, config.hunt_window_days);
  if (key == "correlate.max_holdings_per_key") {
    return ParseCount(key, value, 2, 65535, config.correlate_max_holdings);  // KeyEntry counts in 16 bits
  }
  ServeConfig& serve = config.serve;
  if (key == "serve.listen") {
    if (value.rfind(':') == std::string_view::npos) return Status::InvalidArgument("serve.listen must be address:port");
    return text(serve.listen);
  }
  if (key == "serve.threads") return ParseCount(key, value, 0, 256, serve.threads);
  if (key == "serve.tls_certificate") return text(serve.tls_certificate);
  if (key == "serve.tls_key") return text(serve.tls_key);
  if (key == "serve.max_body_bytes") return ParseCount(key, value, 1024, size_t{1} << 34, serve.max_body_bytes);
  if (key == "serve.max_connections") return ParseCount(key, value, 1, 1'000'000, serve.max_connections);
  if (key == "serve.read_timeout_seconds") return ParseCount(key, value, 1, 3600, serve.read_timeout_seconds);
  if (key == "serve.idle_timeout_seconds") return ParseCount(key, value, 1, 3600, serve.idle_timeout_seconds);
  if (key == "serve.access_log") return text(serve.access_log);
  if (key == "serve.web_root") return text(serve.web_root);
  return Status::InvalidArgument("unknown setting '" + key + "'");
}

}  // namespace

Config DefaultConfig() {
  Config config;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    config.data_dir = std::filesystem::path(xdg) / "kenes";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    config.data_dir = std::filesystem::path(home) / ".local/share/kenes";
  } else {
    config.data_dir = "var/kenes";
  }
  config.serve.web_root = KENES_DEFAULT_WEB_ROOT;
  return config;
}

Status ApplyConfigText(std::string_view text, std::string_view origin, Config& config) {
  std::string section;
  size_t line_number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    auto fail = [&](std::string_view why) {
      return Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_number) + ": " +
                                     std::string(why));
    };
    if (line.front() == '[') {
      if (line.back() != ']') return fail("a section header must end with ']'");
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      continue;
    }
    size_t equals = line.find('=');
    if (equals == std::string_view::npos) return fail("expected 'key = value'");
    std::string key = section.empty() ? "" : section + ".";
    key += Trim(line.substr(0, equals));
    std::string_view value = Trim(line.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (Status applied = ApplySetting(key, value, config); !applied.ok()) return fail(applied.message());
  }
  return Status::Ok();
}

Status LoadConfigFile(const std::filesystem::path& path, Config& config) {
  std::ifstream file(path);
  if (!file) return Status::NotFound("cannot open config file " + path.string());
  std::stringstream content;
  content << file.rdbuf();
  return ApplyConfigText(content.str(), path.string(), config);
}

}  // namespace kenes::cli
