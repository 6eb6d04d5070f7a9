// OpenApi: the OpenAPI 3 document describing /api/v1, served at
// GET /api/v1/openapi.json. A test checks that every route Api registers is
// described with its method and every described operation is registered.
//
// The document is data, src/rest/openapi/*.json, compiled in and merged in
// file-name order, so each area of the API describes its own routes beside
// the others without one file everyone edits:
//   - 00-base.json is a whole OpenAPI document (info, security, shared
//     components, and the object, community and alert routes);
//   - every other file is {"tags": [...], "paths": {...}, "schemas": {...}}
//     (each member optional): its tags are appended, its paths and schemas
//     added to the document's. A path or schema named twice is an error.
//
// Thread-safe: built once, then constant.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::rest {

// The merged document, JSON text. Aborts if the compiled-in files do not
// merge (a test merges them first, with MergeOpenApi, and says why).
std::string_view OpenApiDocument();

// The texts of src/rest/openapi/*.json, in file-name order (generated).
std::span<const std::string_view> OpenApiTexts();

// Merges `texts` as described above: the first is the document, the rest
// fragments. InvalidArgument names the file (by position) and the problem.
Result<std::string> MergeOpenApi(std::span<const std::string_view> texts);

}  // namespace kenes::rest
