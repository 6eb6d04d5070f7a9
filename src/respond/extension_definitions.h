// The STIX extension-definition objects of joint response (incident,
// response plan, task), as shipped in src/respond/definitions/*.json and
// compiled in, so a node can store and share them.
//
// Constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace kenes::respond {

// The JSON text of each definition, in file-name order.
std::span<const std::string_view> ExtensionDefinitionTexts();

}  // namespace kenes::respond
