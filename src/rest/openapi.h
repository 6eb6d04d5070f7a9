// OpenApi: the OpenAPI 3 document describing /api/v1, served at
// GET /api/v1/openapi.json. A test checks that every route Api registers is
// described with its method and every described operation is registered.
//
// Thread-safe: a constant.
#pragma once

#include <string_view>

namespace kenes::rest {

// The document, JSON text.
std::string_view OpenApiDocument();

}  // namespace kenes::rest
