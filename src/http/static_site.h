// StaticSite: the web UI's built files (web/dist), served by the node at `/`.
//
// The files are read into memory when the node starts (the built UI is a
// few hundred kilobytes), so a request never touches the disk and no path
// can lead outside the folder: a request names a file only by looking it up.
// Each answer carries its content type and the headers a browser needs:
//   - files under assets/ have content hashes in their names (Vite's build),
//     so they never change: `Cache-Control: public, max-age=31536000, immutable`;
//   - everything else, index.html first, is revalidated: `no-cache`;
//   - a Content-Security-Policy allowing scripts, styles, images and
//     connections from the node itself only (no inline script, no CDN), no
//     framing, and `X-Content-Type-Options: nosniff`.
// A path that is no file, has no file extension and is not under assets/ is
// one of the UI's own client-side routes (/search, /objects/indicator--...):
// it gets index.html. Paths under `api_prefixes` are never the UI's: they
// keep the API's own 404.
//
// Thread-safety: Load once; the handler Register adds then runs on any
// number of threads (it only reads).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "http/router.h"

namespace kenes::http {

struct StaticSiteOptions {
  std::vector<std::string> api_prefixes = {"/api/", "/taxii2/"};
  size_t max_total_bytes = 64 << 20;  // a bigger folder is refused: it is not a built UI
};

class StaticSite {
 public:
  static constexpr std::string_view kContentSecurityPolicy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  // Reads every regular file under `root`. NotFound when `root` has no
  // index.html (the UI was not built); IoError when a file cannot be read.
  static Result<std::unique_ptr<StaticSite>> Load(const std::filesystem::path& root, StaticSiteOptions options = {});

  // Adds GET /{path...} (public). REQUIRES: this site outlives `router`.
  void Register(Router& router) const;

  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable = false;
  };

  explicit StaticSite(StaticSiteOptions options) : options_(std::move(options)) {}
  Response Serve(const Router& router, const Request& request) const;

  StaticSiteOptions options_;
  std::map<std::string, File, std::less<>> files_;  // by path from the root, "/assets/index-3f2a.js"
};

// The Content-Type for a file name's extension; application/octet-stream when unknown.
std::string_view ContentTypeOf(std::string_view file_name);

}  // namespace kenes::http
