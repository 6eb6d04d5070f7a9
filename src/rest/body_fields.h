// BodyFields: request bodies that are a flat JSON object of strings, as the
// community and session routes take them ({"user": "...", "password": "..."}).
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::rest {

using BodyFields = std::map<std::string, std::string, std::less<>>;

// A body that is a JSON object of string members, each in `known`; an empty
// body is {}. InvalidArgument naming what is wrong otherwise.
Result<BodyFields> StringFields(std::string_view body, std::span<const std::string_view> known);

// The member `name` of `fields`, InvalidArgument when absent.
Result<std::string> Required(const BodyFields& fields, std::string_view name);

// The member `name` of `fields`; empty when absent.
std::string Optional(const BodyFields& fields, std::string_view name);

}  // namespace kenes::rest
