#include "http/static_site.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace kenes::http {
namespace {

constexpr std::string_view kIndex = "/index.html";
constexpr std::string_view kAssets = "/assets/";

// What a browser may do with a page or a file of ours, whatever it is.
void AddSecurityHeaders(Response& response) {
  response.SetHeader("Content-Security-Policy", std::string(StaticSite::kContentSecurityPolicy));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("X-Frame-Options", "DENY");
}

}  // namespace

std::string_view ContentTypeOf(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (file_name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

Result<std::unique_ptr<StaticSite>> StaticSite::Load(const std::filesystem::path& root, StaticSiteOptions options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(root / "index.html", error)) {
    return Status::NotFound(fmt::format("{} has no index.html: the web UI is not built there", root.string()));
  }
  std::unique_ptr<StaticSite> site(new StaticSite(std::move(options)));
  size_t total = 0;
  auto files = std::filesystem::recursive_directory_iterator(root, error);
  if (error) return Status::IoError(fmt::format("cannot list {}: {}", root.string(), error.message()));
  for (const std::filesystem::directory_entry& entry : files) {
    if (!entry.is_regular_file(error)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return Status::IoError(fmt::format("cannot read {}", entry.path().string()));
    std::string path = "/" + entry.path().lexically_relative(root).generic_string();
    File file{std::string(ContentTypeOf(path)), std::move(content).str(), path.starts_with(kAssets)};
    total += file.body.size();
    if (total > site->options_.max_total_bytes) {
      return Status::ResourceExhausted(fmt::format("{} holds more than {} bytes: not a built web UI", root.string(),
                                                   site->options_.max_total_bytes));
    }
    site->files_.emplace(std::move(path), std::move(file));
  }
  return site;
}

void StaticSite::Register(Router& router) const {
  const Router* routes = &router;
  router.Add(Method::kGet, "/{path...}", Auth::kPublic,
             [this, routes](Request& request) { return Serve(*routes, request); });
}

Response StaticSite::Serve(const Router& router, const Request& request) const {
  for (const std::string& prefix : options_.api_prefixes) {
    if (request.path.starts_with(prefix)) {
      return router.Error(request.path, 404, "Not Found", fmt::format("no resource at {}", request.path));
    }
  }
  auto found = files_.find(request.path);
  if (found == files_.end()) {
    std::string_view path = request.path;
    std::string_view last = path.substr(path.rfind('/') + 1);
    bool names_a_file = path.starts_with(kAssets) || last.find('.') != std::string_view::npos;
    if (names_a_file) {
      Response missing = MakeResponse(404, "text/plain; charset=utf-8", fmt::format("no file {}\n", path));
      AddSecurityHeaders(missing);
      return missing;
    }
    found = files_.find(kIndex);
  }
  const File& file = found->second;
  Response response = MakeResponse(200, file.content_type, file.body);
  response.SetHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  AddSecurityHeaders(response);
  return response;
}

}  // namespace kenes::http
